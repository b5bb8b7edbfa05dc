import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import type { PlatformEnv, RealPlatformId } from './platform-config';
import { loadPlatformEnv } from './platform-config';
import { loadTemporalConfig } from './temporal-config';
import { repoRoot } from '../util/repo-root';

const port = z.coerce.number().int().min(0).max(65535);
const url = z.string().url();

export type RaizeEnv = 'development' | 'test' | 'production';
const RAIZE_ENVS = ['development', 'test', 'production'] as const;

/**
 * The environment a process runs in. Unset means production (C-15): a deployment that forgets the variable
 * gets the strict checks, never development defaults; dev tools, the demo and the tests set it explicitly.
 */
export function raizeEnv(env: NodeJS.ProcessEnv = process.env): RaizeEnv {
  const v = env.RAIZE_ENV;
  return (RAIZE_ENVS as readonly string[]).includes(v ?? '') ? (v as RaizeEnv) : 'production';
}

/** The sandbox server's admin token when none is configured: refused wherever the sandbox runs in production. */
export const DEV_SANDBOX_ADMIN_TOKEN = 'sandbox-admin-dev';

const envSchema = z.object({
  RAIZE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(RAIZE_ENVS).default('production')),
  NODE_ENV: z.string().optional(),
  DATABASE_URL: url.default('postgres://postgres@127.0.0.1:5432/raize'),
  /** the application's own role (RLS applies); derived from DATABASE_URL with user raize_app when absent */
  DATABASE_APP_URL: url.optional(),
  RAIZE_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  RAIZE_DEV_AUTH: z.enum(['0', '1']).optional(),
  RAIZE_DATA_DIR: z.string().min(1).optional(),
  RAIZE_MASTER_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters or base64')
    .optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'must be host:port')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).optional(),
  TEMPORAL_UI_URL: url.optional(),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(4000),
  API_PUBLIC_URL: url.optional(),
  SANDBOX_URL: url.default('http://127.0.0.1:4010'),
  /** the MCP tool gateway's endpoint (…/mcp): the planning, creation and engagement lanes reach their tools there */
  RAIZE_GATEWAY_URL: url.optional(),
  SANDBOX_OAUTH_CLIENT_ID: z.string().min(1).default('raize-dev'),
  SANDBOX_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  /** the sandbox is a test emulator: a production process refuses it as a connector unless this is 1 */
  RAIZE_SANDBOX_IN_PRODUCTION: z.enum(['0', '1']).optional(),
  SANDBOX_ADMIN_TOKEN: z.string().optional(),
  RAIZE_PAUSE_RECHECK_SECONDS: z.coerce.number().int().positive().default(60),
  RAIZE_PUBLISH_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(1800),
  RAIZE_VERIFY_INTERVAL_SECONDS: z.coerce.number().int().positive().default(10),
  /** one task queue for every lane: tests give each case a queue of its own */
  RAIZE_TASK_QUEUE: z.string().min(1).optional(),
  /** where secret values live (C-11): the local encrypted keyring, or Vault/OpenBao (docs/vault.md) */
  RAIZE_SECRETS_BACKEND: z.enum(['keyring', 'vault']).default('keyring'),
  // Checked only when the backend is vault: a developer's shell often has VAULT_* set for other work.
  VAULT_ADDR: z.string().optional(),
  VAULT_TOKEN: z.string().optional(),
  VAULT_KV_MOUNT: z.string().optional(),
  VAULT_TRANSIT_MOUNT: z.string().optional(),
  VAULT_PREFIX: z.string().optional(),
  /** OTLP/HTTP endpoint for traces (the OpenTelemetry variable; Jaeger's :4318 locally); unset: nothing exported */
  OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** the trace UI's origin (Jaeger's query service, :16686 locally) for engineers' links; unset: no links */
  RAIZE_TRACE_UI_URL: url.optional(),
  /** the worker's Prometheus scrape port (the API serves /metrics on its own port); unset: the worker serves none */
  RAIZE_METRICS_PORT: port.optional(),
  /** the interface the worker's metrics server binds (docs/metrics.md) */
  RAIZE_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** the bearer token Prometheus sends to /metrics; production serves no metrics without one */
  RAIZE_METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
});

export interface AppConfig {
  env: RaizeEnv;
  /** owner connection: migrations and bootstrap only */
  databaseUrl: string;
  /** the app role's connection: everything else, under row-level security */
  databaseAppUrl: string;
  sessionTtlHours: number;
  /** the `Authorization: Dev <user id>` header, for tests and local development only */
  devAuth: boolean;
  dataDir: string;
  masterKey?: string;
  temporal: { address: string; namespace: string; uiUrl: string };
  api: { host: string; port: number; publicUrl: string };
  /** the MCP tool gateway (issue #16); without a URL the AI steps park with the reason */
  gateway: { url?: string };
  sandbox: {
    url: string;
    oauthClientId: string;
    oauthClientSecret?: string;
    /** RAIZE_SANDBOX_IN_PRODUCTION=1 (with an admin token of its own): a production process may use it (C-15) */
    allowedInProduction: boolean;
  };
  /** the real platforms' hosts and app registrations (`RAIZE_<PLATFORM>_*`, platform-config.ts) */
  platforms: Record<RealPlatformId, PlatformEnv>;
  /** RAIZE_PLATFORM_EMULATORS=1: every real platform points at its local emulator (never in production) */
  platformEmulators: boolean;
  pauseRecheckSeconds: number;
  publishTimeoutSeconds: number;
  verifyIntervalSeconds: number;
  taskQueueOverride?: string;
  /** the secrets backend (C-11); absent means the local keyring */
  secretsBackend?: 'keyring' | 'vault';
  /** set when secretsBackend is 'vault' */
  vault?: { addr: string; token?: string; kvMount: string; transitMount: string; prefix: string };
  /** traces and metrics (docs/observability.md) */
  observability: ObservabilityConfig;
}

export interface ObservabilityConfig {
  /** OTLP/HTTP base URL; traces are exported to `<otlpEndpoint>/v1/traces` when set */
  otlpEndpoint?: string;
  serviceName?: string;
  /** Jaeger's UI origin; trace links are null without it */
  traceUiUrl?: string;
  /** the worker's Prometheus port */
  metricsPort?: number;
  /** where the worker's metrics server listens (default 127.0.0.1) */
  metricsHost?: string;
  /** the scrape token of `/metrics` (API and worker); unset: open in development and tests, off in production */
  metricsToken?: string;
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
  // A process built or launched for production (NODE_ENV) never runs with development or test relaxations.
  if (e.NODE_ENV === 'production' && e.RAIZE_ENV !== 'production')
    problems.push(`RAIZE_ENV: NODE_ENV=production refuses RAIZE_ENV=${e.RAIZE_ENV}; unset it or set it to production`);
  const sandboxInProduction = e.RAIZE_SANDBOX_IN_PRODUCTION === '1';
  if (e.RAIZE_ENV === 'production') {
    // C-15: production refuses development defaults; the full list grows with the security issue.
    if (!e.RAIZE_MASTER_KEY) problems.push('RAIZE_MASTER_KEY: required in production');
    if (!env.DATABASE_URL) problems.push('DATABASE_URL: required in production');
    if (!e.DATABASE_APP_URL)
      problems.push('DATABASE_APP_URL: required in production (the raize_app role, never the owner)');
    if (e.RAIZE_DEV_AUTH === '1') problems.push('RAIZE_DEV_AUTH: development login must be off in production');
    if (!e.SANDBOX_OAUTH_CLIENT_SECRET && env.SANDBOX_URL)
      problems.push('SANDBOX_OAUTH_CLIENT_SECRET: required in production when the sandbox is configured');
    if (e.RAIZE_METRICS_PORT !== undefined && !e.RAIZE_METRICS_TOKEN)
      problems.push('RAIZE_METRICS_TOKEN: required in production when RAIZE_METRICS_PORT is set (docs/metrics.md)');
    if (sandboxInProduction && (!e.SANDBOX_ADMIN_TOKEN || e.SANDBOX_ADMIN_TOKEN === DEV_SANDBOX_ADMIN_TOKEN))
      problems.push('SANDBOX_ADMIN_TOKEN: RAIZE_SANDBOX_IN_PRODUCTION=1 needs an admin token of your own');
  }
  const platformEnv = loadPlatformEnv(env, problems);
  if (e.RAIZE_ENV === 'production' && platformEnv.emulators)
    problems.push('RAIZE_PLATFORM_EMULATORS: the local platform emulators are refused in production');
  const vault =
    e.RAIZE_SECRETS_BACKEND === 'vault' ? vaultConfig(e, e.RAIZE_ENV === 'production', problems) : undefined;
  if (problems.length) throw new ConfigError(problems);
  const apiPublicUrl = e.API_PUBLIC_URL ?? `http://${e.API_HOST}:${e.API_PORT}`;
  return {
    env: e.RAIZE_ENV,
    databaseUrl: e.DATABASE_URL,
    databaseAppUrl: e.DATABASE_APP_URL ?? appRoleUrl(e.DATABASE_URL),
    sessionTtlHours: e.RAIZE_SESSION_TTL_HOURS,
    devAuth:
      e.RAIZE_ENV !== 'production' &&
      (e.RAIZE_DEV_AUTH === '1' || (e.RAIZE_DEV_AUTH === undefined && e.RAIZE_ENV === 'test')),
    dataDir: e.RAIZE_DATA_DIR ?? join(repoRoot(), '.raize'),
    masterKey: e.RAIZE_MASTER_KEY,
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? `${temporalFile.devServer.ip}:${temporalFile.devServer.port}`,
      namespace: e.TEMPORAL_NAMESPACE ?? temporalFile.namespace,
      uiUrl: e.TEMPORAL_UI_URL ?? `http://${temporalFile.devServer.ip}:${temporalFile.devServer.uiPort}`,
    },
    api: { host: e.API_HOST, port: e.API_PORT, publicUrl: apiPublicUrl.replace(/\/$/, '') },
    gateway: { url: e.RAIZE_GATEWAY_URL },
    sandbox: {
      url: e.SANDBOX_URL.replace(/\/$/, ''),
      oauthClientId: e.SANDBOX_OAUTH_CLIENT_ID,
      oauthClientSecret: e.SANDBOX_OAUTH_CLIENT_SECRET,
      allowedInProduction: sandboxInProduction,
    },
    platforms: platformEnv.platforms,
    platformEmulators: platformEnv.emulators,
    pauseRecheckSeconds: e.RAIZE_PAUSE_RECHECK_SECONDS,
    publishTimeoutSeconds: e.RAIZE_PUBLISH_TIMEOUT_SECONDS,
    verifyIntervalSeconds: e.RAIZE_VERIFY_INTERVAL_SECONDS,
    taskQueueOverride: e.RAIZE_TASK_QUEUE,
    secretsBackend: e.RAIZE_SECRETS_BACKEND,
    vault,
    observability: {
      otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/$/, ''),
      serviceName: e.OTEL_SERVICE_NAME,
      traceUiUrl: e.RAIZE_TRACE_UI_URL?.replace(/\/$/, ''),
      metricsPort: e.RAIZE_METRICS_PORT,
      metricsHost: e.RAIZE_METRICS_HOST,
      metricsToken: e.RAIZE_METRICS_TOKEN,
    },
  };
}

const VAULT_NAME = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** The Vault settings, with every problem named (never the token's value). */
function vaultConfig(
  e: z.infer<typeof envSchema>,
  production: boolean,
  problems: string[],
): NonNullable<AppConfig['vault']> {
  const addr = e.VAULT_ADDR || undefined;
  const token = e.VAULT_TOKEN || undefined;
  if (production && !token) problems.push('VAULT_TOKEN: required in production when RAIZE_SECRETS_BACKEND=vault');
  if (production && !addr) problems.push('VAULT_ADDR: required in production when RAIZE_SECRETS_BACKEND=vault');
  if (addr && !url.safeParse(addr).success)
    problems.push('VAULT_ADDR: must be a URL such as https://vault.internal:8200');
  const named = (variable: string, value: string | undefined, fallback: string) => {
    const v = value || fallback;
    if (!VAULT_NAME.test(v)) problems.push(`${variable}: letters, digits, _ and - in segments separated by /`);
    return v;
  };
  return {
    addr: (addr ?? 'http://127.0.0.1:8200').replace(/\/$/, ''),
    token,
    kvMount: named('VAULT_KV_MOUNT', e.VAULT_KV_MOUNT, 'secret'),
    transitMount: named('VAULT_TRANSIT_MOUNT', e.VAULT_TRANSIT_MOUNT, 'transit'),
    prefix: named('VAULT_PREFIX', e.VAULT_PREFIX, 'raize'),
  };
}

/** The same server and database as the owner URL, as the application's role. */
export function appRoleUrl(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  u.username = 'raize_app';
  u.password = process.env.RAIZE_DB_APP_PASSWORD ?? '';
  return u.toString();
}
