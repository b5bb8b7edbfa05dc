import { join } from 'node:path';
import type { Lane } from '../../../services/core/config/temporal-config';
import { loadTemporalConfig, withWorkerHeap } from '../../../services/core/config/temporal-config';
import { freePort } from '../free-port';
import { ChildService } from '../stack/child-service';

/** How many of each the cluster topology runs (docs/cluster.md): enough that one can die while the others serve. */
export const CLUSTER_REPLICAS = { api: 2, workerPerLane: 2 } as const;

export interface ReplicaContext {
  dist: (p: string) => string;
  logDir: string;
  childEnv: (name: string) => NodeJS.ProcessEnv;
  /** the public URL the proxy answers on: every replica links to it, never to itself */
  publicUrl: string;
}

/** The API replicas, each on a port of its own behind the reverse proxy. */
export async function apiReplicas(c: ReplicaContext): Promise<{ service: ChildService; port: number }[]> {
  return Promise.all(
    Array.from({ length: CLUSTER_REPLICAS.api }, async (_, i) => {
      const port = await freePort();
      const name = `api-${i + 1}`;
      return {
        port,
        service: new ChildService({
          name,
          script: c.dist('services/api/main.js'),
          env: { ...c.childEnv(name), API_HOST: '127.0.0.1', API_PORT: String(port), API_PUBLIC_URL: c.publicUrl },
          logFile: join(c.logDir, `${name}.log`),
          readiness: { kind: 'http', url: `http://127.0.0.1:${port}/health` },
          timeoutMs: 180_000,
        }),
      };
    }),
  );
}

/**
 * Workers per lane: each process polls one lane's task queue, so a lane scales (and fails) on its own. They share the
 * bundle the launcher built once, instead of eight processes bundling the same workflows at the same time.
 */
export function laneWorkers(c: ReplicaContext, lanes: readonly Lane[], bundlePath: string): ChildService[] {
  return lanes.flatMap((lane) =>
    Array.from({ length: CLUSTER_REPLICAS.workerPerLane }, (_, i) => {
      const name = `worker-${lane}-${i + 1}`;
      return new ChildService({
        name,
        script: c.dist('services/worker/main.js'),
        env: withWorkerHeap(
          { ...c.childEnv(name), RAIZE_LANES: lane, RAIZE_WORKFLOW_BUNDLE: bundlePath },
          loadTemporalConfig(),
        ),
        logFile: join(c.logDir, `${name}.log`),
        readiness: { kind: 'signal', logPattern: /"msg":"worker started"/ },
        timeoutMs: 240_000,
      });
    }),
  );
}
