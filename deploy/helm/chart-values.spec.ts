import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RUNNER_STALE_MS } from '../../activities/publish/publish-route.activities';
import { DEFAULT_GATEWAY_PORT } from '../../services/core/config/gateway-port';
import { LANES, loadTemporalConfig } from '../../services/core/config/temporal-config';
import { GATEWAY_LANES } from '../../services/worker/worker-tools';
import { RUNNER_ALIVE_WINDOW_SECONDS } from './runner-heartbeat.probe';

/** What the chart repeats from the code (Helm cannot read files outside its directory): kept equal here. */
interface ChartValues {
  temporal: { namespace: string; taskQueues: Record<string, string> };
  gateway: { port: number };
  workers: { lanes: Record<string, { gateway: boolean }> };
}

const values = (file: string): ChartValues =>
  parse(readFileSync(join(__dirname, 'raize', file), 'utf8')) as ChartValues;

describe('the chart values repeat the code exactly', () => {
  const v = values('values.yaml');
  const temporal = loadTemporalConfig();

  it('has one worker Deployment per lane, and no lane the worker does not know', () => {
    expect(Object.keys(v.workers.lanes).sort()).toEqual([...LANES].sort());
  });

  it("selects each lane's backlog by temporal.yaml's task queue, in its namespace", () => {
    expect(v.temporal.taskQueues).toEqual(temporal.taskQueues);
    expect(v.temporal.namespace).toBe(temporal.namespace);
  });

  it('gives the gateway URL (and the network path to the gateway) to exactly the lanes that need it', () => {
    const lanes = Object.entries(v.workers.lanes)
      .filter(([, lane]) => lane.gateway)
      .map(([name]) => name);
    expect(lanes.sort()).toEqual([...GATEWAY_LANES].sort());
    expect(v.gateway.port).toBe(DEFAULT_GATEWAY_PORT);
  });

  it('calls a browser runner dead when the publish router does, so the probe restarts what routing gave up on', () => {
    expect(RUNNER_ALIVE_WINDOW_SECONDS * 1000).toBe(RUNNER_STALE_MS);
  });

  it('keeps the production example on the same lanes and task queues', () => {
    const prod = values('values-production.yaml');
    for (const lane of Object.keys(prod.workers.lanes)) expect(LANES).toContain(lane);
    expect(prod.temporal.namespace).toBe(temporal.namespace);
  });
});
