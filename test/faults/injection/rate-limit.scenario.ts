import { sandboxPostsBy } from '../../factories/posts';
import type { FaultWorld } from './fault-world';
import { gaps, postsDueNow, sandboxBrand, settleAll } from './fault-scenes';

const RETRY_AFTER_SECONDS = 3;

export function rateLimitScenarios(world: () => FaultWorld): void {
  describe('[C-52] 429 with Retry-After', () => {
    it('[C-52] sandbox: no post is tried again before its Retry-After (from the request log), and each goes out once', async () => {
      const w = world();
      const { stack } = w;
      w.tally.scenario('sandbox 429 Retry-After');
      const { t, acc } = await sandboxBrand(stack);
      await stack.sandboxAdmin.clearRequests();
      await stack.sandboxAdmin.setFaults([
        {
          match: { method: 'POST', path: '/posts' },
          rateLimit: { count: 3, retryAfterSeconds: RETRY_AFTER_SECONDS },
        },
      ]);
      const posts = await postsDueNow(stack, t, acc.accountId, 3, 'Slow down');
      const done = await settleAll(stack, t, posts);
      expect(done.map((d) => d.status)).toEqual(posts.map(() => 'verified'));

      // Each post's writes, by the idempotency key it carries: accepted once, at the end, and every attempt after a 429
      // came no sooner than the Retry-After it was given.
      const writes = (await stack.sandboxAdmin.listRequests()).filter(
        (r) => r.method === 'POST' && r.path === '/posts',
      );
      expect(writes.filter((r) => r.status === 429)).toHaveLength(3);
      const byKey = new Map<string, typeof writes>();
      for (const r of writes) byKey.set(r.idempotencyKey!, [...(byKey.get(r.idempotencyKey!) ?? []), r]);
      expect(byKey.size).toBe(posts.length);
      for (const attempts of byKey.values()) {
        expect(attempts.filter((a) => a.status === 201)).toHaveLength(1);
        expect(attempts.at(-1)!.status).toBe(201);
        const waited = gaps(attempts.map((a) => a.at));
        for (const gap of waited) expect(gap).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
      }
      const onPlatform = await sandboxPostsBy(stack, acc.sandboxUserId);
      w.tally.published(posts.length, onPlatform.length);
      expect(onPlatform).toHaveLength(posts.length);
    });

    it('[C-52] LinkedIn emulator: a 429 set through the admin route is waited out before the post goes out once', async () => {
      const w = world();
      const { stack, linkedin } = w;
      w.tally.scenario('linkedin 429 Retry-After');
      const { t, conn } = await w.linkedinBrand();
      await w.linkedinAdmin.clearRequests();
      await w.linkedinAdmin.setFaults([
        {
          fault: { kind: 'status', status: 429, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
          match: { method: 'POST', path: '/rest/posts' },
          times: 1,
        },
      ]);
      const posts = await postsDueNow(stack, t, conn.accountId, 1, 'LinkedIn throttled');
      const [done] = await settleAll(stack, t, posts);
      expect(done!.status).toBe('verified');
      const writes = (await w.linkedinAdmin.listRequests()).filter(
        (r) => r.method === 'POST' && r.path === '/rest/posts',
      );
      expect(writes.map((r) => r.status)).toEqual([429, 201]);
      expect(gaps(writes.map((r) => r.at))[0]).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
      const onPlatform = linkedin.posts(conn.externalAccountId).filter((p) => p.text.startsWith('LinkedIn throttled'));
      w.tally.published(posts.length, onPlatform.length);
      expect(onPlatform).toHaveLength(1);
    });
  });
}
