import type { PostView } from '../../factories/posts';
import { hasStatus, waitForPost } from '../../factories/posts';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import type { BrowserAccount } from './browser-lane-world';
import { browserAccount, platformPostsBy, scheduleNow } from './browser-lane-world';
import { profileRunner, Runners, waitForNoLiveRunner } from './lanes-world';

/**
 * Routing a browser-lane publish to a live runner (issue #17): the workflow sends each attempt to the runner holding
 * the account's profile, holds the post while no runner is alive, and moves the profile when its runner stops or
 * dies. Whatever the route, one schedule is one post on the platform. Each case has its own tenant and brand.
 */
describe('routing browser-lane attempts to runners', () => {
  let stack: TestStack;
  let runners: Runners;

  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
    runners = new Runners(stack);
  }, 120_000);
  afterEach(async () => {
    await runners.closeAll();
  });
  afterAll(async () => {
    await runners?.closeAll();
    await stack?.close();
  });

  const pausedFor = (code: string) => (p: PostView) => p.status === 'paused' && p.reasons.some((r) => r.code === code);
  const verified = (a: BrowserAccount, postId: string) =>
    waitForPost(stack, a.t.users.admin, postId, hasStatus('verified'), 90_000);
  const pauses = (postId: string) =>
    stack.ds.query<{ data: { reasons: { code: string; message: string }[] } }[]>(
      `SELECT data FROM audit_events WHERE subject_id = $1 AND action = 'post.paused' ORDER BY seq`,
      [postId],
    );

  it('no runner alive: the post waits (browser_runner_unavailable); a runner that starts takes it out', async () => {
    await waitForNoLiveRunner(stack);
    const a = await browserAccount(stack);
    const post = await scheduleNow(stack, a, 'Waiting for a browser runner');
    const held = await waitForPost(stack, a.t.users.admin, post.id, pausedFor('browser_runner_unavailable'), 60_000);
    expect(held.reasons.map((r) => r.code)).toEqual(['browser_runner_unavailable']);
    expect(held.reasons[0]!.message).toMatch(/no browser runner for sandbox is alive/);
    expect(await profileRunner(stack, a.profileId)).toBeNull();
    expect(await platformPostsBy(stack, a.username)).toEqual([]);

    // The workflow asks again every RAIZE_PAUSE_RECHECK_SECONDS (1 s here): the runner's first beat is enough.
    const runner = await runners.start();
    const done = await verified(a, post.id);
    expect((await platformPostsBy(stack, a.username)).map((p) => p.id)).toEqual([done.platformPostId]);
    expect(await profileRunner(stack, a.profileId)).toBe(runner.runnerId);
  }, 180_000);

  it('the runner holding the profile stops: the next post goes out through the other runner, one post per schedule', async () => {
    const [r1, r2] = [await runners.start(), await runners.start()];
    const a = await browserAccount(stack);
    const first = await verified(a, (await scheduleNow(stack, a, 'First, through the runner holding it')).id);
    const holder = await profileRunner(stack, a.profileId);
    expect([r1.runnerId, r2.runnerId]).toContain(holder);
    const other = holder === r1.runnerId ? r2 : r1;

    // close() marks the runner stopped before its worker shuts down: routing skips it at once.
    await runners.close(holder!);
    const second = await verified(a, (await scheduleNow(stack, a, 'Second, through the runner left')).id);
    expect(await profileRunner(stack, a.profileId)).toBe(other.runnerId);
    expect(await pauses(second.id)).toEqual([]);

    const onPlatform = (await platformPostsBy(stack, a.username)).map((p) => p.id);
    expect(onPlatform).toHaveLength(2);
    expect(onPlatform).toEqual(expect.arrayContaining([first.platformPostId, second.platformPostId]));
  }, 240_000);

  it('the runner holding the profile dies without stopping: the attempt not taken in a minute is routed again', async () => {
    const [r1, r2] = [await runners.start(), await runners.start()];
    const a = await browserAccount(stack);
    const first = await verified(a, (await scheduleNow(stack, a, 'Before the crash')).id);
    const holder = (await profileRunner(stack, a.profileId))!;
    const other = holder === r1.runnerId ? r2 : r1;

    // A crash: nobody polls its queue any more, but its row looks alive until RUNNER_STALE_MS (30 s) passes, well
    // before the attempt sent there comes back untaken (schedule-to-start, one minute).
    await runners.close(holder);
    await stack.ds.query('UPDATE browser_runners SET stopped_at = NULL, heartbeat_at = now() WHERE id = $1', [holder]);
    let done: PostView;
    try {
      const post = await scheduleNow(stack, a, 'After the crash, exactly once');
      done = await waitForPost(stack, a.t.users.admin, post.id, hasStatus('verified'), 150_000);
    } finally {
      // The dead row must not catch a later test file's attempts while it still looks alive.
      await stack.ds.query('UPDATE browser_runners SET stopped_at = now() WHERE id = $1', [holder]);
    }
    expect(await profileRunner(stack, a.profileId)).toBe(other.runnerId);
    // The first attempt went to the dead runner's queue and came back untaken: the post paused with that reason,
    // then the next attempt found the profile's runner stale and moved it.
    const reasons = (await pauses(done.id)).flatMap((p) => p.data.reasons);
    expect(reasons.map((r) => r.code)).toContain('browser_runner_unavailable');
    expect(reasons.map((r) => r.message).join(' ')).toMatch(/did not take the attempt/);

    const onPlatform = (await platformPostsBy(stack, a.username)).map((p) => p.id);
    expect(onPlatform).toHaveLength(2);
    expect(onPlatform).toEqual(expect.arrayContaining([first.platformPostId, done.platformPostId]));
  }, 240_000);
});
