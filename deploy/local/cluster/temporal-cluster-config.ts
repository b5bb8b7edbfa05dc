/**
 * The Temporal server's configuration for the cluster topology (docs/cluster.md): Postgres persistence in databases
 * of its own, and one file per process so that each of frontend, history (several), matching and worker binds its
 * own ports on 127.0.0.1 and finds the others through the membership ring the processes keep in Postgres.
 * Pure: the launcher writes the files, the spec checks them.
 */

export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface TemporalProcessPorts {
  grpc: number;
  membership: number;
  /** the frontend's HTTP API only */
  http?: number;
}

export interface TemporalProcessSpec {
  /** e.g. history-1: the config file's name and the log's */
  id: string;
  service: TemporalService;
  ports: TemporalProcessPorts;
}

export interface TemporalClusterLayout {
  /** host:port of the Postgres server (the Raize database's server) */
  postgresAddress: string;
  postgresUser: string;
  postgresPassword: string;
  /** the two databases the server owns: history and visibility */
  databases: { main: string; visibility: string };
  /** history shards are fixed for the life of a cluster: a later change needs a new cluster */
  numHistoryShards: number;
  processes: TemporalProcessSpec[];
  /** the dynamic config file every process polls */
  dynamicConfigFile: string;
}

function datastore(l: TemporalClusterLayout, database: string, maxConns: number): Record<string, unknown> {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: l.postgresAddress,
      connectProtocol: 'tcp',
      user: l.postgresUser,
      password: l.postgresPassword,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

/** The process a service's section describes in `p`'s file: its own ports, or the first of its kind's. */
function servicePorts(l: TemporalClusterLayout, own: TemporalProcessSpec, service: TemporalService) {
  const spec = own.service === service ? own : l.processes.find((p) => p.service === service);
  if (!spec) throw new Error(`the cluster layout has no ${service} process`);
  return {
    rpc: {
      grpcPort: spec.ports.grpc,
      membershipPort: spec.ports.membership,
      bindOnLocalHost: true,
      ...(spec.ports.http !== undefined ? { httpPort: spec.ports.http } : {}),
    },
  };
}

/** The configuration of one process (`temporal-server --config <dir> --env <id> start --service <service>`). */
export function temporalProcessConfig(l: TemporalClusterLayout, id: string): Record<string, unknown> {
  const own = l.processes.find((p) => p.id === id);
  if (!own) throw new Error(`no process ${id} in the cluster layout`);
  const frontend = l.processes.find((p) => p.service === 'frontend');
  if (!frontend) throw new Error('the cluster layout has no frontend process');
  const frontendAddress = `127.0.0.1:${frontend.ports.grpc}`;
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: l.numHistoryShards,
      datastores: {
        'postgres-default': datastore(l, l.databases.main, 10),
        'postgres-visibility': datastore(l, l.databases.visibility, 4),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: Object.fromEntries(TEMPORAL_SERVICES.map((s) => [s, servicePorts(l, own, s)])),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: frontendAddress },
      },
    },
    // The worker service (schedules, system workflows) reaches the frontend here.
    publicClient: { hostPort: frontendAddress },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: l.dynamicConfigFile, pollInterval: '10s' },
  };
}

/**
 * What the dev server enables that Raize relies on: workflow updates (approvals, plan and review decisions) and
 * search attributes usable the moment the bootstrap adds them.
 */
export function temporalDynamicConfig(): Record<string, { value: unknown }[]> {
  return {
    'frontend.enableUpdateWorkflowExecution': [{ value: true }],
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted': [{ value: true }],
    'system.forceSearchAttributesCacheRefreshOnRead': [{ value: true }],
  };
}

/** Every port the layout binds, for the launcher's free-port check. */
export function layoutPorts(l: TemporalClusterLayout): number[] {
  return l.processes.flatMap((p) => [p.ports.grpc, p.ports.membership, ...(p.ports.http ? [p.ports.http] : [])]);
}
