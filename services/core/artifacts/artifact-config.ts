import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { RaizeEnv } from '../config/app-config';
import { raizeEnv } from '../config/app-config';
import { repoRoot } from '../util/repo-root';
import type { ArtifactKind } from './artifact-store.port';
import { ArtifactConfigError } from './artifact.errors';

const MB = 1024 * 1024;

/** Default size limits per kind (C-47): overridable per installation, e.g. RAIZE_ARTIFACTS_MAX_VIDEO_BYTES. */
export const DEFAULT_KIND_LIMITS: Record<ArtifactKind, number> = {
  image: 20 * MB,
  video: 500 * MB,
  text: 2 * MB,
  import: 10 * MB,
  'provider-output': 500 * MB,
  proof: 20 * MB,
  report: 20 * MB,
};

const LIMIT_VARIABLES: Record<ArtifactKind, string> = {
  image: 'RAIZE_ARTIFACTS_MAX_IMAGE_BYTES',
  video: 'RAIZE_ARTIFACTS_MAX_VIDEO_BYTES',
  text: 'RAIZE_ARTIFACTS_MAX_TEXT_BYTES',
  import: 'RAIZE_ARTIFACTS_MAX_IMPORT_BYTES',
  'provider-output': 'RAIZE_ARTIFACTS_MAX_PROVIDER_OUTPUT_BYTES',
  proof: 'RAIZE_ARTIFACTS_MAX_PROOF_BYTES',
  report: 'RAIZE_ARTIFACTS_MAX_REPORT_BYTES',
};

/** The longest a signed URL may live, whatever an installation configures: a URL is a bearer credential. */
export const URL_TTL_CEILING_SECONDS = 24 * 3600;

export interface MinioSettings {
  /** where Raize itself reaches MinIO, e.g. http://127.0.0.1:9000 */
  endpoint: string;
  /** the origin put in signed URLs, when platforms and browsers reach MinIO by another name */
  publicEndpoint: string;
  bucket: string;
  region: string;
  /** from the environment; when absent the store reads them from the secrets port (MINIO_CREDENTIALS_SECRET) */
  accessKey?: string;
  secretKey?: string;
}

export interface ArtifactConfig {
  env: RaizeEnv;
  backend: 'local' | 'minio';
  /** local backend: the directory holding the objects */
  localDir: string;
  /** local backend: the API origin that serves GET /artifacts/:token */
  publicUrl: string;
  defaultUrlTtlSeconds: number;
  maxUrlTtlSeconds: number;
  maxBytes: Record<ArtifactKind, number>;
  minio?: MinioSettings;
}

const seconds = z.coerce.number().int().positive().max(URL_TTL_CEILING_SECONDS);
const bytes = z.coerce.number().int().positive();
const origin = z
  .string()
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/$/, ''));

const envSchema = z.object({
  RAIZE_ARTIFACTS_BACKEND: z.enum(['local', 'minio']).default('local'),
  RAIZE_ARTIFACTS_DIR: z.string().min(1).optional(),
  RAIZE_ARTIFACTS_URL_TTL_SECONDS: seconds.default(300),
  RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS: seconds.default(3600),
  API_PUBLIC_URL: origin.optional(),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  RAIZE_MINIO_ENDPOINT: origin.optional(),
  RAIZE_MINIO_PUBLIC_ENDPOINT: origin.optional(),
  RAIZE_MINIO_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3-63 of a-z, 0-9, . and -)')
    .default('raize-artifacts'),
  RAIZE_MINIO_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('us-east-1'),
  RAIZE_MINIO_ACCESS_KEY: z.string().min(3).optional(),
  RAIZE_MINIO_SECRET_KEY: z.string().min(8).optional(),
});

/**
 * The artifact store's settings, read once at the edge; a bad value names its variable, never a secret's value.
 * Production fails closed: MinIO without an endpoint, or with only half of its credentials, refuses to start.
 */
export function loadArtifactConfig(env: NodeJS.ProcessEnv = process.env): ArtifactConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new ArtifactConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  const mode = raizeEnv(env);
  if (e.RAIZE_ARTIFACTS_URL_TTL_SECONDS > e.RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS)
    problems.push('RAIZE_ARTIFACTS_URL_TTL_SECONDS: must not exceed RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS');
  let minio: MinioSettings | undefined;
  if (e.RAIZE_ARTIFACTS_BACKEND === 'minio') {
    if (!e.RAIZE_MINIO_ENDPOINT) problems.push('RAIZE_MINIO_ENDPOINT: required when RAIZE_ARTIFACTS_BACKEND=minio');
    if (!!e.RAIZE_MINIO_ACCESS_KEY !== !!e.RAIZE_MINIO_SECRET_KEY)
      problems.push(
        'RAIZE_MINIO_ACCESS_KEY and RAIZE_MINIO_SECRET_KEY: set both or neither (then the secrets backend)',
      );
    if (mode === 'production' && e.RAIZE_MINIO_ENDPOINT?.startsWith('http:') && !isLoopback(e.RAIZE_MINIO_ENDPOINT))
      problems.push('RAIZE_MINIO_ENDPOINT: production needs https unless MinIO is on loopback');
    minio = {
      endpoint: e.RAIZE_MINIO_ENDPOINT ?? '',
      publicEndpoint: e.RAIZE_MINIO_PUBLIC_ENDPOINT ?? e.RAIZE_MINIO_ENDPOINT ?? '',
      bucket: e.RAIZE_MINIO_BUCKET,
      region: e.RAIZE_MINIO_REGION,
      accessKey: e.RAIZE_MINIO_ACCESS_KEY,
      secretKey: e.RAIZE_MINIO_SECRET_KEY,
    };
  }
  const maxBytes = { ...DEFAULT_KIND_LIMITS };
  for (const kind of Object.keys(LIMIT_VARIABLES) as ArtifactKind[]) {
    const variable = LIMIT_VARIABLES[kind];
    if (env[variable] === undefined || env[variable] === '') continue;
    const limit = bytes.safeParse(env[variable]);
    if (limit.success) maxBytes[kind] = limit.data;
    else problems.push(`${variable}: must be a positive whole number of bytes`);
  }
  if (problems.length) throw new ArtifactConfigError(problems);
  const dir = e.RAIZE_ARTIFACTS_DIR ?? join('.raize', 'artifacts');
  return {
    env: mode,
    backend: e.RAIZE_ARTIFACTS_BACKEND,
    localDir: isAbsolute(dir) ? dir : resolve(repoRoot(), dir),
    publicUrl: e.API_PUBLIC_URL ?? `http://${e.API_HOST}:${e.API_PORT}`,
    defaultUrlTtlSeconds: e.RAIZE_ARTIFACTS_URL_TTL_SECONDS,
    maxUrlTtlSeconds: e.RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS,
    maxBytes,
    minio,
  };
}

function isLoopback(u: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname);
}
