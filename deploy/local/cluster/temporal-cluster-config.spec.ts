import type { TemporalClusterLayout } from './temporal-cluster-config';
import { layoutPorts, temporalDynamicConfig, temporalProcessConfig } from './temporal-cluster-config';

const layout: TemporalClusterLayout = {
  postgresAddress: '127.0.0.1:5432',
  postgresUser: 'postgres',
  postgresPassword: '',
  databases: { main: 'raize_temporal', visibility: 'raize_temporal_visibility' },
  numHistoryShards: 8,
  dynamicConfigFile: '/tmp/dc.yaml',
  processes: [
    { id: 'frontend', service: 'frontend', ports: { grpc: 7233, membership: 16933, http: 17243 } },
    { id: 'history-1', service: 'history', ports: { grpc: 17234, membership: 16934 } },
    { id: 'history-2', service: 'history', ports: { grpc: 17334, membership: 17034 } },
    { id: 'matching', service: 'matching', ports: { grpc: 17235, membership: 16935 } },
    { id: 'worker', service: 'worker', ports: { grpc: 17239, membership: 16939 } },
  ],
};

type Rpc = { rpc: { grpcPort: number; membershipPort: number; httpPort?: number } };

describe('the Temporal cluster configuration', () => {
  it('gives each history process its own ports and every process the same persistence and frontend', () => {
    const one = temporalProcessConfig(layout, 'history-1') as { services: Record<string, Rpc> };
    const two = temporalProcessConfig(layout, 'history-2') as { services: Record<string, Rpc> };
    expect(one.services.history!.rpc).toMatchObject({ grpcPort: 17234, membershipPort: 16934 });
    expect(two.services.history!.rpc).toMatchObject({ grpcPort: 17334, membershipPort: 17034 });
    expect(one.services.frontend!.rpc).toEqual(two.services.frontend!.rpc);
    expect(one.services.frontend!.rpc.httpPort).toBe(17243);
    const { services: _a, ...restOne } = one as Record<string, unknown>;
    const { services: _b, ...restTwo } = two as Record<string, unknown>;
    expect(restOne).toEqual(restTwo);
  });

  it('keeps history and visibility in Postgres databases of their own, with the postgres12 plugin', () => {
    const c = temporalProcessConfig(layout, 'frontend') as {
      persistence: { datastores: Record<string, { sql: { pluginName: string; databaseName: string } }> };
      publicClient: { hostPort: string };
    };
    expect(Object.values(c.persistence.datastores).map((d) => [d.sql.pluginName, d.sql.databaseName])).toEqual([
      ['postgres12', 'raize_temporal'],
      ['postgres12', 'raize_temporal_visibility'],
    ]);
    expect(c.publicClient.hostPort).toBe('127.0.0.1:7233');
  });

  it('refuses a process the layout does not have, and a layout without a frontend', () => {
    expect(() => temporalProcessConfig(layout, 'history-3')).toThrow(/no process history-3/);
    const headless = { ...layout, processes: layout.processes.filter((p) => p.service !== 'frontend') };
    expect(() => temporalProcessConfig(headless, 'matching')).toThrow(/no frontend/);
  });

  it('enables the workflow updates Raize sends its approvals with', () => {
    expect(temporalDynamicConfig()['frontend.enableUpdateWorkflowExecution']).toEqual([{ value: true }]);
  });

  it('lists every bound port once', () => {
    const ports = layoutPorts(layout);
    expect(ports).toHaveLength(11);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
