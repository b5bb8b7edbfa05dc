import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { BrowserProfile, BrowserRunner } from '../database/entities';
import { realDataSource } from '../tenancy/tenant-scope';
import { BrowserProfileError } from './browser-profile.errors';

const registration = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, 'a runner id is letters, digits and . _ : - only'),
  taskQueue: z.string().min(1).max(200),
  platforms: z.array(z.string().min(1).max(50)).max(20),
  slots: z.number().int().min(1).max(1000),
});
export type RunnerRegistration = z.infer<typeof registration>;

/**
 * Browser runners and which one holds each profile. A profile stays on its runner while that runner beats (sticky:
 * its warm context, and one place acting for an account at a time); otherwise it moves to the alive runner of its
 * platform holding the fewest profiles. Liveness is judged on the database clock, so runners' clocks do not matter.
 */
export class RunnerRepository {
  /** Runners are infrastructure (no tenant data, no row-level security): no tenant scope is needed to beat. */
  constructor(private readonly ds: DataSource) {}

  /** Registers a runner, or brings one back under the same id with its new queue, platforms and slots. */
  async register(input: RunnerRegistration): Promise<void> {
    const r = registration.parse(input);
    await realDataSource(this.ds).query(
      `INSERT INTO browser_runners (id, task_queue, platforms, slots) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET task_queue = EXCLUDED.task_queue, platforms = EXCLUDED.platforms,
         slots = EXCLUDED.slots, started_at = now(), heartbeat_at = now(), stopped_at = NULL`,
      [r.id, r.taskQueue, r.platforms, r.slots],
    );
  }

  /** False when the runner is unknown or stopped: it should register again before taking work. */
  async heartbeat(id: string): Promise<boolean> {
    const [, count] = (await realDataSource(this.ds).query(
      `UPDATE browser_runners SET heartbeat_at = now() WHERE id = $1 AND stopped_at IS NULL`,
      [id],
    )) as [unknown, number];
    return count > 0;
  }

  async stop(id: string): Promise<void> {
    await realDataSource(this.ds).query(
      `UPDATE browser_runners SET stopped_at = now() WHERE id = $1 AND stopped_at IS NULL`,
      [id],
    );
  }

  /** Runners serving `platform` that beat within `staleAfterMs` and did not stop. */
  alive(m: EntityManager, q: { platform: string; staleAfterMs: number }): Promise<BrowserRunner[]> {
    return m
      .createQueryBuilder(BrowserRunner, 'r')
      .where('r.stopped_at IS NULL')
      .andWhere(':platform = ANY (r.platforms)', { platform: q.platform })
      .andWhere(`r.heartbeat_at > now() - make_interval(secs => :secs)`, { secs: q.staleAfterMs / 1000 })
      .orderBy('r.id')
      .getMany();
  }

  /**
   * The runner that holds the profile: its current one while alive, else the least loaded alive runner of the
   * platform (recorded on the profile); null, and the profile unassigned, when none is alive. The profile's row lock
   * serialises assignments of one profile; a per-platform lock keeps the load counts true under concurrent ones.
   */
  assign(
    m: EntityManager,
    q: { clientId: string; profileId: string; platform: string; staleAfterMs: number },
  ): Promise<BrowserRunner | null> {
    const run = async (tm: EntityManager): Promise<BrowserRunner | null> => {
      const profile = await tm.findOne(BrowserProfile, {
        where: { id: q.profileId, clientId: q.clientId, platform: q.platform },
        lock: { mode: 'pessimistic_write' },
      });
      if (!profile) throw new BrowserProfileError('not_found');
      const alive = await this.alive(tm, q);
      const current = alive.find((r) => r.id === profile.runnerId);
      if (current) return current;
      await tm.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`raize.browser-assign:${q.platform}`]);
      const chosen = await this.leastLoaded(tm, alive);
      await tm.update(
        BrowserProfile,
        { id: profile.id, clientId: profile.clientId },
        { runnerId: chosen?.id ?? null, updatedAt: new Date() },
      );
      return chosen;
    };
    return m.queryRunner?.isTransactionActive ? run(m) : m.transaction(run);
  }

  /** Counts every client's profiles per runner through a security-definer function (ids and counts only). */
  private async leastLoaded(m: EntityManager, alive: BrowserRunner[]): Promise<BrowserRunner | null> {
    if (!alive.length) return null;
    const loads: { runner_id: string; profiles: number }[] = await m.query(
      'SELECT runner_id, profiles FROM raize_browser_runner_load($1::text[])',
      [alive.map((r) => r.id)],
    );
    const load = new Map(loads.map((l) => [l.runner_id, l.profiles]));
    // Fewest profiles first; then more slots; then the id, so equal runners are chosen the same way every time.
    return [...alive].sort(
      (a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || b.slots - a.slots || a.id.localeCompare(b.id),
    )[0];
  }
}
