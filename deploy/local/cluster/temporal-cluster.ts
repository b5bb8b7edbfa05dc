import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import type { TemporalFileConfig } from '../../../services/core/config/temporal-config';
import { bootstrapTemporalNamespace } from '../../../services/core/temporal/namespace-bootstrap';
import type { TemporalClusterLayout, TemporalProcessSpec, TemporalService } from './temporal-cluster-config';
import { temporalDynamicConfig, temporalProcessConfig } from './temporal-cluster-config';
import { TemporalProcess } from './temporal-process';
import { setupTemporalSchemas } from './temporal-schema';

export interface TemporalClusterOptions {
  serverBin: string;
  sqlToolBin: string;
  config: TemporalFileConfig;
  /** the owner URL of the Postgres server Raize uses; the cluster gets two databases of its own there */
  databaseUrl: string;
  /** the databases are <prefix> and <prefix>_visibility */
  databasePrefix: string;
  /** the frontend's gRPC port: what every client dials */
  frontendPort: number;
  /** several history processes share the shards; killing one moves its shards to the others */
  historyProcesses?: number;
  runDir: string;
  logDir: string;
  onNote?: (message: string) => void;
}

export interface TemporalCluster {
  address: string;
  databases: { main: string; visibility: string };
  processes: TemporalProcess[];
  byService(service: TemporalService): TemporalProcess[];
  /** SIGKILL one process (a node crash) */
  kill(id: string): Promise<void>;
  /** start a killed process again with its ports and config */
  restart(id: string): void;
  stop(): Promise<void>;
  /** everything at once (a second Ctrl-C) */
  killAll(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server keeps each member's port in a smallint column (cluster_membership.rpc_port), so its ports must be below
 * 32768: the kernel's ephemeral range (where port 0 lands) is above that. A random free port in 20000-32767 instead.
 */
async function lowFreePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port between 20000 and 32767 for the Temporal cluster');
}

async function ports(withHttp = false) {
  return {
    grpc: await lowFreePort(),
    membership: await lowFreePort(),
    ...(withHttp ? { http: await lowFreePort() } : {}),
  };
}

/**
 * The Temporal server as production runs it (docs/cluster.md): Postgres persistence set up by the server's own schema
 * tool, frontend, history (two by default), matching and worker as separate processes on 127.0.0.1, then Raize's
 * namespace bootstrap (temporal.yaml's namespace and search attributes).
 */
export async function startTemporalCluster(o: TemporalClusterOptions): Promise<TemporalCluster> {
  const pg = new URL(o.databaseUrl);
  const databases = { main: o.databasePrefix, visibility: `${o.databasePrefix}_visibility` };
  const schema = await setupTemporalSchemas(
    {
      bin: o.sqlToolBin,
      host: pg.hostname,
      port: Number(pg.port || 5432),
      user: decodeURIComponent(pg.username || 'postgres'),
      password: decodeURIComponent(pg.password),
    },
    databases,
  );
  o.onNote?.(`Temporal schemas up to date in ${schema.map((s) => s.database).join(' and ')}`);

  const specs: TemporalProcessSpec[] = [
    { id: 'frontend', service: 'frontend', ports: { ...(await ports(true)), grpc: o.frontendPort } },
    ...(await Promise.all(
      Array.from({ length: o.historyProcesses ?? 2 }, async (_, i) => ({
        id: `history-${i + 1}`,
        service: 'history' as const,
        ports: await ports(),
      })),
    )),
    { id: 'matching', service: 'matching', ports: await ports() },
    { id: 'worker', service: 'worker', ports: await ports() },
  ];
  const configDir = join(o.runDir, 'temporal-cluster', 'config');
  mkdirSync(configDir, { recursive: true });
  const dynamicConfigFile = join(configDir, 'dynamic-config.yaml');
  const layout: TemporalClusterLayout = {
    postgresAddress: `${pg.hostname}:${pg.port || 5432}`,
    postgresUser: decodeURIComponent(pg.username || 'postgres'),
    postgresPassword: decodeURIComponent(pg.password),
    databases,
    numHistoryShards: 8,
    processes: specs,
    dynamicConfigFile,
  };
  // JSON is YAML: the server's loader reads these as they are. 0600: the file carries the database password.
  writeFileSync(dynamicConfigFile, JSON.stringify(temporalDynamicConfig(), null, 2));
  for (const s of specs)
    writeFileSync(join(configDir, `${s.id}.yaml`), JSON.stringify(temporalProcessConfig(layout, s.id), null, 2), {
      mode: 0o600,
    });

  const processes = specs.map(
    (s) =>
      new TemporalProcess(s, {
        bin: o.serverBin,
        root: '/',
        configDir,
        logFile: join(o.logDir, `temporal-${s.id}.log`),
      }),
  );
  const find = (id: string) => {
    const p = processes.find((x) => x.id === id);
    if (!p) throw new Error(`no Temporal process ${id}`);
    return p;
  };
  const cluster: TemporalCluster = {
    address: `127.0.0.1:${o.frontendPort}`,
    databases,
    processes,
    byService: (service) => processes.filter((p) => p.spec.service === service),
    kill: (id) => find(id).kill(),
    restart: (id) => find(id).start(),
    stop: async () => {
      // The frontend first (no new calls), the history processes last (they flush their shards).
      const order = ['frontend', 'worker', 'matching', 'history'];
      for (const service of order)
        await Promise.all(processes.filter((p) => p.spec.service === service).map((p) => p.stop()));
    },
    killAll: () => processes.forEach((p) => void p.kill()),
  };
  try {
    // The frontend alone first: the first process writes the cluster's metadata record, and several racing to create
    // it make all but one of them exit at start.
    const [first, ...rest] = processes;
    first!.start();
    await waitForPort(o.frontendPort, first!);
    rest.forEach((p) => p.start());
    await waitForNamespace(cluster, o);
    return cluster;
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

/** Until the process listens on its gRPC port (it has written the cluster metadata by then). */
async function waitForPort(port: number, p: TemporalProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!p.running) throw new Error(`Temporal ${p.id} exited while the cluster started:\n${p.tail()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Temporal ${p.id} did not listen on ${port}:\n${p.tail()}`);
    await sleep(300);
  }
}

/** Until the frontend answers, the bootstrap has run and the namespace takes calls; a process that dies fails it. */
async function waitForNamespace(cluster: TemporalCluster, o: TemporalClusterOptions): Promise<void> {
  const deadline = Date.now() + 180_000;
  let last: unknown;
  for (;;) {
    const dead = cluster.processes.find((p) => !p.running);
    if (dead) throw new Error(`Temporal ${dead.id} exited while the cluster started:\n${dead.tail()}`);
    try {
      const conn = await Connection.connect({ address: cluster.address, connectTimeout: 2000 });
      try {
        const r = await bootstrapTemporalNamespace(conn, o.config);
        if (r.namespaceCreated || r.searchAttributesAdded.length)
          o.onNote?.(
            `bootstrap: ${r.namespaceCreated ? `namespace ${o.config.namespace} registered; ` : ''}${r.searchAttributesAdded.length} search attributes added`,
          );
        // A namespace is usable once every service's namespace cache has it: a visibility query and a history read
        // (NotFound for a workflow that does not exist, not for the namespace) both answer.
        await conn.workflowService.listWorkflowExecutions({ namespace: o.config.namespace, pageSize: 1 });
        const probe = await conn.workflowService
          .describeWorkflowExecution({
            namespace: o.config.namespace,
            execution: { workflowId: 'raize-cluster-readiness-probe' },
          })
          .then(
            () => 'found',
            (e: Error) => e.message,
          );
        if (!/namespace/i.test(probe)) return;
        last = new Error(probe);
      } finally {
        await conn.close();
      }
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`the Temporal cluster did not become ready on ${cluster.address}: ${(last as Error)?.message}`);
    await sleep(500);
  }
}
