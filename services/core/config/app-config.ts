import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadTemporalConfig } from './temporal-config';
import { repoRoot } from '../util/repo-root';

const port = z.coerce.number().int().min(0).max(65535);
const url = z.string().url();

const envSchema = z.object({
  RAIZE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: url.default('postgres://postgres@127.0.0.1:5432/raize'),
  RAIZE_DATA_DIR: z.string().min(1).optional(),
  RAIZE_MASTER_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters or base64')
    .optional(),
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).optional(),
  TEMPORAL_UI_URL: url.optional(),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(4000),
  API_PUBLIC_URL: url.optional(),
  SANDBOX_URL: url.default('http://127.0.0.1:4010'),
  SANDBOX_OAUTH_CLIENT_ID: z.string().min(1).default('raize-dev'),
  SANDBOX_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  RAIZE_PAUSE_RECHECK_SECONDS: z.coerce.number().int().positive().default(60),
  RAIZE_PUBLISH_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(60),
  RAIZE_VERIFY_INTERVAL_SECONDS: z.coerce.number().int().positive().default(10),
  /** one task queue for every lane: tests give each case a queue of its own */
  RAIZE_TASK_QUEUE: z.string().min(1).optional(),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  databaseUrl: string;
  dataDir: string;
  masterKey?: string;
  temporal: { address: string; namespace: string; uiUrl: string };
  api: { host: string; port: number; publicUrl: string };
  sandbox: { url: string; oauthClientId: string; oauthClientSecret?: string };
  pauseRecheckSeconds: number;
  publishTimeoutSeconds: number;
  verifyIntervalSeconds: number;
  taskQueueOverride?: string;
}

/** Reads the process environment once, at the edge; a missing or bad value names the variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const temporalFile = loadTemporalConfig();
  const problems: string[] = [];
  if (e.RAIZE_ENV === 'production') {
    // C-15: production refuses development defaults; the full list grows with the security issue.
    if (!e.RAIZE_MASTER_KEY) problems.push('RAIZE_MASTER_KEY: required in production');
    if (!env.DATABASE_URL) problems.push('DATABASE_URL: required in production');
  }
  if (problems.length) throw new ConfigError(problems);
  const apiPublicUrl = e.API_PUBLIC_URL ?? `http://${e.API_HOST}:${e.API_PORT}`;
  return {
    env: e.RAIZE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RAIZE_DATA_DIR ?? join(repoRoot(), '.raize'),
    masterKey: e.RAIZE_MASTER_KEY,
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? `${temporalFile.devServer.ip}:${temporalFile.devServer.port}`,
      namespace: e.TEMPORAL_NAMESPACE ?? temporalFile.namespace,
      uiUrl: e.TEMPORAL_UI_URL ?? `http://${temporalFile.devServer.ip}:${temporalFile.devServer.uiPort}`,
    },
    api: { host: e.API_HOST, port: e.API_PORT, publicUrl: apiPublicUrl.replace(/\/$/, '') },
    sandbox: { url: e.SANDBOX_URL.replace(/\/$/, ''), oauthClientId: e.SANDBOX_OAUTH_CLIENT_ID, oauthClientSecret: e.SANDBOX_OAUTH_CLIENT_SECRET },
    pauseRecheckSeconds: e.RAIZE_PAUSE_RECHECK_SECONDS,
    publishTimeoutSeconds: e.RAIZE_PUBLISH_TIMEOUT_SECONDS,
    verifyIntervalSeconds: e.RAIZE_VERIFY_INTERVAL_SECONDS,
    taskQueueOverride: e.RAIZE_TASK_QUEUE,
  };
}
