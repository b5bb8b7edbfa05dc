import type { PostView } from '../../factories/posts';
import { getPost, proofOf, sandboxPostsBy, waitForPost } from '../../factories/posts';
import type { FaultWorld } from './fault-world';
import { auditOf, gaps, postsDueNow, sandboxBrand, SETTLED, settleAll, sleep } from './fault-scenes';

/** The attempt of the guarded publish a post's workflow is retrying now, as Temporal describes it. */
async function pendingAttempt(w: FaultWorld, post: PostView): Promise<number> {
  const d = await w.temporal.workflow.getHandle(post.workflowId).describe();
  return d.raw.pendingActivities?.find((p) => p.activityType?.name === 'guardedPublish')?.attempt ?? 0;
}

/** The proof says the post was found on the platform (by the kernel's look, or the platform's key replay). */
const foundAgain = (p: PostView) => proofOf(p).reconciled || proofOf(p).replayed;

export function platformStormScenarios(world: () => FaultWorld): void {
  describe('[C-51] a 5xx storm on the platform', () => {
    it('[C-51][C-22] sandbox: posts due in a storm wait with backoff, resume when it ends, and each goes out once (502s after the write included)', async () => {
      const w = world();
      const { stack } = w;
      w.tally.scenario('sandbox 5xx storm');
      const { t, acc } = await sandboxBrand(stack);
      await stack.sandboxAdmin.clearRequests();
      await stack.sandboxAdmin.setFaults([{ errorStatus: 503 }]);
      const posts = await postsDueNow(stack, t, acc.accountId, 6, 'Storm');

      await sleep(7_000);
      // Every post was tried, none got through, and each waits on Temporal's backoff (2 s, 4 s, …), not in a loop.
      expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toEqual([]);
      for (const p of posts) {
        const attempt = await pendingAttempt(w, p);
        expect(attempt).toBeGreaterThanOrEqual(2);
        expect(attempt).toBeLessThanOrEqual(4);
        // Each failed attempt is in the post's audit with the platform's status.
        const failed = (await auditOf(stack, p.id)).filter((a) => a.action === 'guard.connector_error');
        expect(failed.length).toBeGreaterThanOrEqual(attempt - 1);
        expect(failed.every((a) => a.data.status === 503)).toBe(true);
        expect((await getPost(stack, t.users.author, p.id)).status).not.toMatch(/verified|failed|denied/);
      }
      const during = (await stack.sandboxAdmin.listRequests()).filter((r) => r.status === 503);
      expect(during.length).toBeGreaterThanOrEqual(posts.length * 2);
      expect(during.length).toBeLessThanOrEqual(posts.length * 4);

      // The storm subsides, but its last gasp applies three posts and still answers 502: unknown outcomes.
      await stack.sandboxAdmin.setFaults([
        { match: { method: 'POST', path: '/posts' }, errorStatus: 502, errorAfterHandler: true, times: 3 },
      ]);
      const done = await settleAll(stack, t, posts);
      expect(done.map((d) => d.status)).toEqual(posts.map(() => 'verified'));
      const onPlatform = await sandboxPostsBy(stack, acc.sandboxUserId);
      w.tally.published(posts.length, onPlatform.length);
      expect(onPlatform).toHaveLength(posts.length);
      expect(new Set(onPlatform.map((p) => p.text)).size).toBe(posts.length);
      expect(done.map((d) => d.platformPostId).sort()).toEqual(onPlatform.map((p) => p.id).sort());
      // The three posts whose 502 hid their creation were found by the retry, not posted again.
      const log = await stack.sandboxAdmin.listRequests();
      expect(log.filter((r) => r.method === 'POST' && r.path === '/posts' && r.status === 502)).toHaveLength(3);
      expect(done.filter(foundAgain)).toHaveLength(3);
      await stack.sandboxAdmin.clearFaults();
    });

    it('[C-51] LinkedIn emulator: a storm set through its admin route holds the posts; after it, each goes out once', async () => {
      const w = world();
      const { stack, linkedin } = w;
      w.tally.scenario('linkedin 5xx storm');
      const { t, conn } = await w.linkedinBrand();
      await w.linkedinAdmin.clearRequests();
      const stormMs = 6_000;
      const stormEnds = Date.now() + stormMs;
      await w.linkedinAdmin.setFaults([
        { fault: { kind: 'status', status: 503 }, forMs: stormMs },
        // The first post after the storm is applied, then answered 502 by LinkedIn's edge.
        {
          fault: { kind: 'status', status: 502, afterApply: true },
          match: { method: 'POST', path: '/rest/posts' },
          times: 1,
        },
      ]);
      const posts = await postsDueNow(stack, t, conn.accountId, 3, 'LinkedIn storm');
      const done = await settleAll(stack, t, posts);
      expect(done.map((d) => d.status)).toEqual(posts.map(() => 'verified'));

      const onPlatform = linkedin.posts(conn.externalAccountId).filter((p) => p.text.startsWith('LinkedIn storm'));
      w.tally.published(posts.length, onPlatform.length);
      expect(onPlatform).toHaveLength(posts.length);
      expect(new Set(onPlatform.map((p) => p.text)).size).toBe(posts.length);
      const log = await w.linkedinAdmin.listRequests();
      const stormAnswers = log.filter((r) => r.status === 503);
      expect(stormAnswers.length).toBeGreaterThanOrEqual(posts.length);
      // Nothing went out while the storm lasted; the retries waited it out.
      const writes = log.filter((r) => r.method === 'POST' && r.path === '/rest/posts' && r.status !== 503);
      expect(writes.every((r) => r.at >= stormEnds - 50)).toBe(true);
      expect(writes.filter((r) => r.status === 502)).toHaveLength(1);
      expect(done.filter(foundAgain)).toHaveLength(1);
    });

    it('[C-51][C-52] a storm longer than the maximum ends the post as failed with its reason and audit, and nothing is posted', async () => {
      const w = world();
      const { stack } = w;
      w.tally.scenario('storm beyond the retry maximum');
      const { t, acc } = await sandboxBrand(stack);
      await stack.sandboxAdmin.clearRequests();
      // The platform says when to come back (a 503's Retry-After): the 12 attempts of the retry policy run out in
      // seconds instead of Temporal's 2 s doubling to 5 min (about 23 minutes in all).
      await stack.sandboxAdmin.setFaults([{ errorStatus: 503, retryAfterSeconds: 1 }]);
      const [post] = await postsDueNow(stack, t, acc.accountId, 1, 'Never in the storm');
      const parked = await waitForPost(stack, t.users.author, post!.id, SETTLED, 90_000);
      await stack.sandboxAdmin.clearFaults();

      expect(parked.status).toBe('failed');
      expect(parked.reasons).toHaveLength(1);
      expect(parked.reasons[0]!.code).toBe('publish_failed');
      expect(parked.reasons[0]!.message).toMatch(/answered 503/);
      expect(parked.platformPostId).toBeNull();
      expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toEqual([]);
      const log = await stack.sandboxAdmin.listRequests();
      expect(log.filter((r) => r.method === 'POST' && r.path === '/posts')).toEqual([]);
      expect(log.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(12);
      // An operator's audit view shows every failed attempt (the retry policy's 12), with the platform's status, and
      // each attempt waited the second the platform asked for (C-52).
      const audit = await auditOf(stack, post!.id);
      const errors = audit.filter((a) => a.action === 'guard.connector_error');
      expect(errors).toHaveLength(12);
      expect(errors.every((e) => e.data.status === 503 && e.data.retryAfterSeconds === 1)).toBe(true);
      for (const gap of gaps(errors.map((e) => e.at))) expect(gap).toBeGreaterThanOrEqual(950);
      w.tally.parkedAsExpected();
      w.tally.published(0, 0);
    });
  });
}
