import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { Pool } from 'pg';
import { InboundEventsRepository } from '../core/engagement/inbound-events.repository';
import { createSecrets } from '../core/secrets/create-secrets';
import { logger } from '../core/telemetry/logger';
import { codecOptionsFrom, createDataConverter } from '../core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../core/temporal/codec/secrets-key-source';
import { closeTemporalClient, createTemporalClient } from '../core/temporal/temporal-client';
import { Drainer } from './drain/drainer';
import type { IngestConfig } from './ingest-config';
import type { IngestSecrets } from './ingest-secrets';
import { loadIngestSecrets } from './ingest-secrets';
import { createIngestHandler } from './ingest.server';
import { IngestLimiter } from './limit/ingest-limiter';
import { PollScheduleKeeper } from './poll/poll-schedules';
import { GroupCommitter } from './store/group-commit';

export interface RunningIngest {
  url: string;
  committer: GroupCommitter;
  drainer: Drainer | null;
  keeper: PollScheduleKeeper | null;
  /** the rate limits of this process, with its counts of refused requests */
  limiter: IngestLimiter;
  close(): Promise<void>;
}

/**
 * The ingest role may execute its functions and nothing else; a superuser or BYPASSRLS role would make that moot.
 * The embedded demo Postgres has one superuser session and is tolerated outside production, as for the app role.
 */
async function assertIngestRoleConfined(pool: Pool, env: string): Promise<void> {
  const { rows } = await pool.query<{ role: string; su: boolean; bypass: boolean; embedded: boolean }>(
    `SELECT r.rolname AS role, r.rolsuper AS su, r.rolbypassrls AS bypass, version() LIKE '%PGlite%' AS embedded
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const f = rows[0]!;
  if (f.embedded && env !== 'production') return;
  if (f.su || f.bypass)
    throw new Error(
      `refusing to start: the ingest's database role "${f.role}" is a superuser or has BYPASSRLS; connect as raize_ingest (DATABASE_INGEST_URL)`,
    );
}

/**
 * The ingest process's parts: the HTTP endpoints, the group committer in front of Postgres, the drainer into the
 * engagement episodes and the poll Schedules' keeper. Tests start it in process or as a child; main.ts runs it.
 */
export async function startIngest(
  config: IngestConfig,
  o: { env?: NodeJS.ProcessEnv; secrets?: IngestSecrets; temporal?: Client } = {},
): Promise<RunningIngest> {
  const env = o.env ?? process.env;
  const pool = new Pool({
    connectionString: config.databaseUrl,
    max: config.groupCommit.maxInFlight + 2,
    application_name: 'raize-ingest',
    // Durable means on disk before the answer (C-34), whatever the server's default says.
    options: '-c synchronous_commit=on',
  });
  // A connection the server ends (Postgres restarting) is an 'error' event: on the pool while the connection is idle,
  // on the client itself while it is checked out (a group commit between two statements). Without a listener either
  // one ends the process; with them the statement in flight fails, its senders get a 503, the pool drops the client
  // and the next query opens a new one (docs/cluster.md, C-53; both found by the cluster kill test).
  const lost = (err: Error) =>
    logger.warn({ 'raize.operation': 'ingest.pool', 'error.kind': err.name }, 'database connection lost');
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const needsTemporal = config.drain.enabled || config.poll.platforms.length > 0;
  let temporal: Client | undefined = o.temporal;
  let ownsTemporal = false;
  try {
    await assertIngestRoleConfined(pool, config.app.env);
    const secretsPort = createSecrets(config.app);
    const secrets = o.secrets ?? (await loadIngestSecrets(config, env, secretsPort));
    if (needsTemporal && !temporal) {
      const dataConverter = createDataConverter(new SecretsCodecKeySource(secretsPort), codecOptionsFrom(config.app));
      temporal = await createTemporalClient(config.app.temporal.address, config.app.temporal.namespace, dataConverter);
      ownsTemporal = true;
    }
    const repository = new InboundEventsRepository();
    const drainer =
      config.drain.enabled && temporal
        ? new Drainer({
            pool,
            temporal,
            repository,
            taskQueue: config.drain.taskQueue,
            batchSize: config.drain.batchSize,
            idleMs: config.drain.idleMs,
            log: logger,
          })
        : null;
    const committer = new GroupCommitter({
      pool,
      repository,
      ...config.groupCommit,
      onCommitted: () => drainer?.poke(),
    });
    const keeper =
      config.poll.platforms.length && temporal
        ? new PollScheduleKeeper({
            pool,
            temporal,
            repository,
            platforms: config.poll.platforms,
            taskQueue: config.poll.taskQueue,
            intervalSeconds: config.poll.intervalSeconds,
            log: logger,
          })
        : null;
    const limiter = new IngestLimiter({ limits: config.limits, log: logger });
    const server = createServer(
      createIngestHandler({ config, secrets, store: (events) => committer.submit(events), log: logger, limiter }),
    );
    // A slow sender holds a socket, not a commit: bounded all the same.
    server.requestTimeout = 15_000;
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    drainer?.start();
    keeper?.start();
    let closing: Promise<void> | undefined;
    return {
      url: `http://${config.host}:${port}`,
      committer,
      drainer,
      keeper,
      limiter,
      close: () =>
        (closing ??= (async () => {
          // New connections refused, requests under way answered, their events committed, then the rest.
          const closed = new Promise<void>((r) => server.close(() => r()));
          server.closeIdleConnections();
          await committer.close();
          // A request still sending its body was not acknowledged: the platform sends it again.
          const grace = setTimeout(() => server.closeAllConnections(), 2000);
          await closed;
          clearTimeout(grace);
          keeper?.stop();
          await drainer?.stop();
          if (ownsTemporal && temporal) await closeTemporalClient(temporal);
          await pool.end();
        })()),
    };
  } catch (err) {
    if (ownsTemporal && temporal) await closeTemporalClient(temporal).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw err;
  }
}
