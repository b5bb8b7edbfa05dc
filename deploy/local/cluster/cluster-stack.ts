import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TemporalFileConfig } from '../../../services/core/config/temporal-config';
import { LANES } from '../../../services/core/config/temporal-config';
import { runnableLanes } from '../../../services/worker/lane-workers';
import { buildWorkflowBundle } from '../../../services/worker/workflow-bundle';
import type { ChildService } from '../stack/child-service';
import type { StackPostgres } from '../stack/postgres';
import type { Progress } from '../stack/progress';
import type { ReplicaContext } from './cluster-services';
import { apiReplicas, laneWorkers } from './cluster-services';
import type { RunningProxy } from './reverse-proxy';
import { startReverseProxy } from './reverse-proxy';
import type { TemporalCluster } from './temporal-cluster';
import { startTemporalCluster } from './temporal-cluster';

/** What the launcher keeps of the cluster topology; each part is cleared once stopped. */
export interface ClusterParts {
  temporal?: TemporalCluster;
  proxy?: RunningProxy;
  apis: ChildService[];
  workers: ChildService[];
}

/** Seconds a killed replica stays down before the supervisor starts it again (an orchestrator's back-off). */
export const REPLICA_RESTART_DELAY_MS = 5_000;

function serverBinary(name: 'temporal-server' | 'temporal-sql-tool', env: NodeJS.ProcessEnv): string {
  const explicit = env[name === 'temporal-server' ? 'RAIZE_TEMPORAL_SERVER_BIN' : 'RAIZE_TEMPORAL_SQL_TOOL_BIN'];
  const file = explicit || join(env.RAIZE_BIN_DIR ?? join(homedir(), '.cache', 'raize', 'bin'), name);
  if (!existsSync(file))
    throw new Error(`${name} was not found at ${file}; build it once with: bash deploy/tools/build-temporal-server.sh`);
  return file;
}

/** The Temporal server's services as separate processes, on the stack's Postgres (a real server: not the embedded one). */
export async function startClusterTemporal(o: {
  env: NodeJS.ProcessEnv;
  postgres: StackPostgres;
  config: TemporalFileConfig;
  runDir: string;
  logDir: string;
  progress: Progress;
  /** the run file's record of a (re)started process: the kill test and a stale-process cleanup find pids there */
  record: (name: string, pid: number | undefined, match: string) => void;
  isStopping: () => boolean;
}): Promise<ClusterParts> {
  if (o.postgres.kind !== 'machine')
    throw new Error(
      'the cluster topology needs a Postgres server the Temporal server can reach over TCP (DATABASE_URL); the embedded one is the single-process fallback',
    );
  const prefix = o.env.RAIZE_CLUSTER_TEMPORAL_DB || `${new URL(o.postgres.url).pathname.slice(1) || 'raize'}_temporal`;
  const parts: ClusterParts = { apis: [], workers: [] };
  parts.temporal = await o.progress.step(
    'Temporal cluster (frontend, 2 history, matching, worker) on Postgres',
    () =>
      startTemporalCluster({
        serverBin: serverBinary('temporal-server', o.env),
        sqlToolBin: serverBinary('temporal-sql-tool', o.env),
        config: o.config,
        databaseUrl: o.postgres.url,
        databasePrefix: prefix,
        frontendPort: o.config.devServer.port,
        runDir: o.runDir,
        logDir: o.logDir,
        onNote: (m) => o.progress.info(m),
      }),
    (c) =>
      `frontend ${c.address}, ${c.processes.length} processes (pids ${c.processes.map((p) => `${p.id} ${p.pid}`).join(', ')}), databases ${c.databases.main} and ${c.databases.visibility}, logs temporal-*.log`,
  );
  // A crashed Temporal process comes back like a pod: same ports, same config, after a pause.
  for (const p of parts.temporal.processes) {
    o.record(`temporal-${p.id}`, p.pid, 'temporal-server');
    p.onUnexpectedExit((message) => {
      if (o.isStopping()) return;
      o.progress.warn(`${message}; starting it again in ${REPLICA_RESTART_DELAY_MS / 1000} s`);
      setTimeout(() => {
        if (o.isStopping()) return;
        p.start();
        o.record(`temporal-${p.id}`, p.pid, 'temporal-server');
        o.progress.info(`Temporal ${p.id} is back (pid ${p.pid})`);
      }, REPLICA_RESTART_DELAY_MS).unref();
    });
  }
  return parts;
}

/**
 * The API replicas behind the reverse proxy on the API's public port, and two workers per lane. A replica that dies
 * is started again after a pause, as an orchestrator would; the episodes meanwhile run on the others.
 */
export async function startClusterServices(o: {
  parts: ClusterParts;
  replica: ReplicaContext;
  apiHost: string;
  apiPort: number;
  dataDir: string;
  progress: Progress;
  spawn: (s: ChildService, detail: string, onExit: (message: string) => void) => Promise<void>;
  record: (name: string, pid: number | undefined, match: string) => void;
  isStopping: () => boolean;
  onFatal: (err: Error) => void;
}): Promise<void> {
  const { progress } = o;
  const supervise = (s: ChildService) => (message: string) => {
    if (o.isStopping()) return;
    progress.warn(`${message.split('\n')[0]}; starting it again in ${REPLICA_RESTART_DELAY_MS / 1000} s`);
    setTimeout(() => {
      if (o.isStopping()) return;
      s.start().then(
        () => {
          o.record(s.name, s.pid, s.spec.script);
          progress.info(`${s.name} is back (pid ${s.pid})`);
        },
        (err: Error) => o.onFatal(err),
      );
    }, REPLICA_RESTART_DELAY_MS).unref();
  };
  const bundlePath = await progress.step(
    'workflow bundle (once, for every worker)',
    () => buildWorkflowBundle(join(o.dataDir, 'workflow-bundle.js')),
    (p) => p,
  );
  const apis = await apiReplicas(o.replica);
  const lanes = runnableLanes(LANES);
  const workers = laneWorkers(o.replica, lanes, bundlePath);
  o.parts.apis = apis.map((a) => a.service);
  o.parts.workers = workers;
  // Two at a time: ten processes loading at once on a small machine only starve each other.
  const all: [ChildService, string][] = [
    ...apis.map((a): [ChildService, string] => [a.service, `API replica on 127.0.0.1:${a.port}`]),
    ...workers.map((w): [ChildService, string] => [w, `polling ${String(w.spec.env.RAIZE_LANES)}`]),
  ];
  for (let i = 0; i < all.length; i += 2) {
    const batch = all.slice(i, i + 2);
    const settled = await Promise.allSettled(batch.map(([s, d]) => o.spawn(s, d, supervise(s))));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
  o.parts.proxy = await progress.step(
    `API proxy on ${o.apiHost}:${o.apiPort}`,
    () =>
      startReverseProxy({
        host: o.apiHost,
        port: o.apiPort,
        upstreams: apis.map((a) => ({ name: a.service.name, host: '127.0.0.1', port: a.port })),
        healthPath: '/health',
      }),
    (p) => `round robin over ${apis.map((a) => a.service.name).join(', ')} at ${p.url}`,
  );
}
