import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A runner's id and its own task queue (Temporal's worker-specific task queues): the publish workflow sends an
 * account's attempt to the queue of the runner holding its profile, and to no other.
 */
export function runnerIdentity(base: string, id?: string): { runnerId: string; taskQueue: string } {
  const safeHost =
    hostname()
      .replace(/[^A-Za-z0-9.-]/g, '-')
      .slice(0, 60) || 'host';
  const runnerId = id ?? `${safeHost}-${process.pid}-${randomBytes(3).toString('hex')}`;
  return { runnerId, taskQueue: `${base}-browser-${runnerId}` };
}
