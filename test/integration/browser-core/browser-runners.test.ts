import { randomUUID } from 'node:crypto';
import type { BrowserProfileView } from '../../../services/core/browser/browser-profile.service';
import { asAppRole } from '../../factories/app-role';
import {
  addAccount,
  asOperator,
  asRunner,
  openBrowserWorld,
  seedBrowserTenant,
  sessionWith,
  type BrowserWorld,
} from './browser-world';

const STALE_MS = 30_000;

describe('browser runners: registration, heartbeats, sticky least-loaded assignment (issue #17)', () => {
  let w: BrowserWorld;
  beforeAll(async () => {
    w = await openBrowserWorld();
  });
  afterAll(() => w.close());

  /** A platform name of this test alone, so runners other test files registered never count here. */
  const platformOfTest = () => `probe-${randomUUID().slice(0, 8)}`;
  const runnerId = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

  /** `n` profiles on `platform`, each of its own account, spread over two tenants (loads count across tenants). */
  async function profiles(platform: string, n: number): Promise<{ clientId: string; profile: BrowserProfileView }[]> {
    const tenants = [await seedBrowserTenant(w, platform), await seedBrowserTenant(w, platform)];
    const out: { clientId: string; profile: BrowserProfileView }[] = [];
    for (let i = 0; i < n; i++) {
      const t = tenants[i % 2];
      const accountId = i < 2 ? t.accountId : await addAccount(w, t, platform);
      const profile = await asOperator(w, t.users.admin, () =>
        w.profiles.attach({
          agencyId: t.agencyId,
          clientId: t.clientId,
          platformAccountId: accountId,
          storageState: sessionWith(`runner-${i}`),
          actorId: t.users.admin,
        }),
      );
      out.push({ clientId: t.clientId, profile });
    }
    return out;
  }
  const assign = (platform: string, p: { clientId: string; profile: BrowserProfileView }) =>
    asRunner(w, p.clientId, () =>
      w.runners.assign(w.app.manager, {
        clientId: p.clientId,
        profileId: p.profile.id,
        platform,
        staleAfterMs: STALE_MS,
      }),
    );

  it('places profiles on the least loaded alive runner, across tenants, and keeps them there', async () => {
    const platform = platformOfTest();
    const [r1, r2] = [runnerId('r1'), runnerId('r2')];
    await w.runners.register({ id: r1, taskQueue: 'browser-a', platforms: [platform], slots: 2 });
    await w.runners.register({ id: r2, taskQueue: 'browser-b', platforms: [platform, 'other'], slots: 2 });
    await w.runners.register({ id: runnerId('elsewhere'), taskQueue: 'browser-c', platforms: ['other'], slots: 8 });
    const ps = await profiles(platform, 4);

    const first = await Promise.all(ps.map((p) => assign(platform, p)));
    const counts = new Map<string, number>();
    for (const r of first) counts.set(r!.id, (counts.get(r!.id) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ [r1]: 2, [r2]: 2 });

    // Sticky: asking again, even concurrently, answers the same runner for each profile.
    const again = await Promise.all(ps.flatMap((p) => [assign(platform, p), assign(platform, p)]));
    expect(again.map((r) => r!.id)).toEqual(first.flatMap((r) => [r!.id, r!.id]));
    const view = await asRunner(w, ps[0].clientId, () => w.profiles.list(w.app.manager, { clientId: ps[0].clientId }));
    expect(view.find((v) => v.id === ps[0].profile.id)!.runnerId).toBe(first[0]!.id);
  });

  it('moves a profile off a runner that stopped beating or stopped, and answers null when none is alive', async () => {
    const platform = platformOfTest();
    const [r1, r2] = [runnerId('r1'), runnerId('r2')];
    await w.runners.register({ id: r1, taskQueue: 'browser-a', platforms: [platform], slots: 1 });
    const [p] = await profiles(platform, 1);
    expect((await assign(platform, p))!.id).toBe(r1);

    await w.runners.register({ id: r2, taskQueue: 'browser-b', platforms: [platform], slots: 1 });
    // r1's last beat is older than the stale limit: the profile moves to r2.
    await w.owner.query(`UPDATE browser_runners SET heartbeat_at = now() - interval '1 minute' WHERE id = $1`, [r1]);
    const alive = await asRunner(w, p.clientId, () =>
      w.runners.alive(w.app.manager, { platform, staleAfterMs: STALE_MS }),
    );
    expect(alive.map((r) => r.id)).toEqual([r2]);
    expect((await assign(platform, p))!.id).toBe(r2);

    // A beat brings r1 back, but the profile stays where it is (sticky).
    expect(await w.runners.heartbeat(r1)).toBe(true);
    expect((await assign(platform, p))!.id).toBe(r2);

    // r2 stops: the profile goes back to r1; r2's beats are refused until it registers again.
    await w.runners.stop(r2);
    expect(await w.runners.heartbeat(r2)).toBe(false);
    expect((await assign(platform, p))!.id).toBe(r1);

    await w.runners.stop(r1);
    expect(await assign(platform, p)).toBeNull();
    const [row]: { runner_id: string | null }[] = await w.owner.query(
      'SELECT runner_id FROM browser_profiles WHERE id = $1',
      [p.profile.id],
    );
    expect(row.runner_id).toBeNull();

    // Registering again under the same id revives the runner.
    await w.runners.register({ id: r1, taskQueue: 'browser-a', platforms: [platform], slots: 1 });
    expect((await assign(platform, p))!.id).toBe(r1);
  });

  it('the app role registers and beats runners but cannot delete them; a profile of another platform is not found', async () => {
    const platform = platformOfTest();
    const id = runnerId('r');
    await w.runners.register({ id, taskQueue: 'browser-a', platforms: [platform], slots: 1 });
    await expect(asAppRole((c) => c.query('DELETE FROM browser_runners WHERE id = $1', [id]))).rejects.toThrow(
      /permission denied/,
    );
    const [p] = await profiles(platform, 1);
    await expect(assign('another-platform', p)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      w.runners.register({ id: 'bad id; drop', taskQueue: 'q', platforms: [platform], slots: 1 }),
    ).rejects.toThrow();
  });
});
