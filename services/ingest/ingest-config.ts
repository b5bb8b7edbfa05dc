import { isIP } from 'node:net';
import { z } from 'zod';
import type { AppConfig } from '../core/config/app-config';
import { loadAppConfig } from '../core/config/app-config';
import { ConfigError } from '../core/config/config-error';
import { loadTemporalConfig } from '../core/config/temporal-config';
import { PLATFORM_IDS } from '../../workflows/contracts/vocabulary/platform-id';

/** The webhook schemes the ingest answers (one endpoint each; Meta's covers Instagram and Facebook Pages). */
export const INGEST_SOURCES = ['sandbox', 'meta', 'standard'] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];

/** A source endpoint's token bucket: requests per second and how many may come at once. */
export interface SourceRateLimit {
  ratePerSecond: number;
  burst: number;
}

/** The ingest's request budgets (C-33), enforced in process: each replica keeps its own. */
export interface IngestLimits {
  /** per source endpoint, checked before the body is read; null: unlimited */
  sources: Record<IngestSource, SourceRateLimit | null>;
  /** failed verifications (401) per remote address before it is refused unheard; null: off */
  unverified: { burst: number; perMinute: number } | null;
  /** remote addresses tracked at most (only those that failed verification are) */
  maxAddresses: number;
  /** reverse proxies whose X-Forwarded-For names the sender (exact addresses) */
  trustedProxies: string[];
}

export interface IngestConfig {
  app: AppConfig;
  host: string;
  port: number;
  /** the ingest's own database role (raize_ingest): it can execute the inbound functions and nothing else */
  databaseUrl: string;
  /** decoded bytes: a body over this gets 413 before it is parsed (C-33) */
  maxBodyBytes: number;
  /** how far a signed timestamp may be from now, either way (C-32) */
  toleranceSeconds: number;
  sources: IngestSource[];
  /**
   * One commit in flight by default: the next group gathers while the current one waits for its fsync, so each fsync
   * carries every request that came meanwhile. Measured (docs/benchmarks.md): more commits in flight compete for the
   * same WAL flush and double the time to ack.
   */
  groupCommit: { maxRows: number; maxWaitMs: number; maxInFlight: number };
  drain: { enabled: boolean; batchSize: number; idleMs: number; taskQueue: string };
  poll: { platforms: string[]; intervalSeconds: number; taskQueue: string };
  limits: IngestLimits;
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

const schema = z.object({
  RAIZE_INGEST_HOST: z.string().min(1).default('127.0.0.1'),
  RAIZE_INGEST_PORT: int(0, 65535).default(4030),
  DATABASE_INGEST_URL: z.string().url().optional(),
  RAIZE_INGEST_MAX_BODY_BYTES: int(1024, 64 * 1024 * 1024).default(512 * 1024),
  RAIZE_INGEST_TOLERANCE_SECONDS: int(1, 86_400).default(300),
  RAIZE_INGEST_SOURCES: list,
  RAIZE_INGEST_BATCH_MAX_ROWS: int(1, 5000).default(500),
  RAIZE_INGEST_BATCH_WAIT_MS: int(0, 1000).default(2),
  RAIZE_INGEST_COMMITS_IN_FLIGHT: int(1, 32).default(1),
  RAIZE_INGEST_DRAIN: z.enum(['0', '1']).default('1'),
  RAIZE_INGEST_DRAIN_BATCH: int(1, 5000).default(500),
  RAIZE_INGEST_DRAIN_IDLE_MS: int(10, 60_000).default(250),
  RAIZE_INGEST_POLL_PLATFORMS: list,
  RAIZE_INGEST_POLL_SECONDS: int(10, 86_400).default(60),
  // Defaults well above what one ingest stores (docs/benchmarks.md: 3,800–5,350 events/s on 2 cores), so only a flood
  // meets them; 0 turns a limit off.
  RAIZE_INGEST_UNVERIFIED_BURST: int(0, 100_000).default(50),
  RAIZE_INGEST_UNVERIFIED_PER_MINUTE: int(1, 1_000_000).default(60),
  RAIZE_INGEST_TRACKED_ADDRESSES: int(100, 10_000_000).default(50_000),
  RAIZE_INGEST_TRUSTED_PROXIES: list,
});

/** Per source, RAIZE_INGEST_RATE_<SOURCE> (requests/s, 0: no limit) and RAIZE_INGEST_BURST_<SOURCE>. */
const sourceLimitSchema = z.object({
  rate: int(0, 10_000_000).default(10_000),
  burst: int(1, 100_000_000).default(20_000),
});
const sourceLimitVars = (s: IngestSource) => ({
  rate: `RAIZE_INGEST_RATE_${s.toUpperCase()}`,
  burst: `RAIZE_INGEST_BURST_${s.toUpperCase()}`,
});

function loadSourceLimits(env: NodeJS.ProcessEnv, problems: string[]): IngestLimits['sources'] {
  const out = {} as IngestLimits['sources'];
  for (const s of INGEST_SOURCES) {
    const vars = sourceLimitVars(s);
    const parsed = sourceLimitSchema.safeParse({ rate: env[vars.rate], burst: env[vars.burst] });
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${vars[i.path[0] as 'rate' | 'burst']}: ${i.message}`);
      continue;
    }
    out[s] = parsed.data.rate ? { ratePerSecond: parsed.data.rate, burst: parsed.data.burst } : null;
  }
  return out;
}

/** The ingest role on the same server and database as the owner URL (trust or RAIZE_DB_INGEST_PASSWORD). */
export function ingestRoleUrl(ownerUrl: string, password = process.env.RAIZE_DB_INGEST_PASSWORD ?? ''): string {
  const u = new URL(ownerUrl);
  u.username = 'raize_ingest';
  u.password = password;
  return u.toString();
}

/** Reads the environment once; each problem names its variable, never a value. */
export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  const app = loadAppConfig(env);
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  const sources = e.RAIZE_INGEST_SOURCES.length ? e.RAIZE_INGEST_SOURCES : [...INGEST_SOURCES];
  for (const s of sources)
    if (!(INGEST_SOURCES as readonly string[]).includes(s))
      problems.push(`RAIZE_INGEST_SOURCES: unknown source ${JSON.stringify(s)} (known: ${INGEST_SOURCES.join(', ')})`);
  for (const p of e.RAIZE_INGEST_POLL_PLATFORMS)
    if (!(PLATFORM_IDS as readonly string[]).includes(p))
      problems.push(`RAIZE_INGEST_POLL_PLATFORMS: unknown platform ${JSON.stringify(p)}`);
  const sourceLimits = loadSourceLimits(env, problems);
  for (const p of e.RAIZE_INGEST_TRUSTED_PROXIES)
    if (!isIP(p)) problems.push(`RAIZE_INGEST_TRUSTED_PROXIES: not an IP address: ${JSON.stringify(p)}`);
  if (app.env === 'production' && !e.DATABASE_INGEST_URL)
    problems.push('DATABASE_INGEST_URL: required in production (the raize_ingest role, never the owner)');
  if (problems.length) throw new ConfigError(problems);
  // Tests give every lane one queue of their own (RAIZE_TASK_QUEUE); the drainer and the polls follow it.
  const queues = loadTemporalConfig().taskQueues;
  const engagementQueue = app.taskQueueOverride ?? queues.engagement;
  return {
    app,
    host: e.RAIZE_INGEST_HOST,
    port: e.RAIZE_INGEST_PORT,
    databaseUrl: e.DATABASE_INGEST_URL ?? ingestRoleUrl(app.databaseUrl),
    maxBodyBytes: e.RAIZE_INGEST_MAX_BODY_BYTES,
    toleranceSeconds: e.RAIZE_INGEST_TOLERANCE_SECONDS,
    sources: sources as IngestSource[],
    groupCommit: {
      maxRows: e.RAIZE_INGEST_BATCH_MAX_ROWS,
      maxWaitMs: e.RAIZE_INGEST_BATCH_WAIT_MS,
      maxInFlight: e.RAIZE_INGEST_COMMITS_IN_FLIGHT,
    },
    drain: {
      enabled: e.RAIZE_INGEST_DRAIN === '1',
      batchSize: e.RAIZE_INGEST_DRAIN_BATCH,
      idleMs: e.RAIZE_INGEST_DRAIN_IDLE_MS,
      taskQueue: engagementQueue,
    },
    poll: {
      platforms: e.RAIZE_INGEST_POLL_PLATFORMS,
      intervalSeconds: e.RAIZE_INGEST_POLL_SECONDS,
      taskQueue: engagementQueue,
    },
    limits: {
      sources: sourceLimits,
      unverified: e.RAIZE_INGEST_UNVERIFIED_BURST
        ? { burst: e.RAIZE_INGEST_UNVERIFIED_BURST, perMinute: e.RAIZE_INGEST_UNVERIFIED_PER_MINUTE }
        : null,
      maxAddresses: e.RAIZE_INGEST_TRACKED_ADDRESSES,
      trustedProxies: e.RAIZE_INGEST_TRUSTED_PROXIES,
    },
  };
}
