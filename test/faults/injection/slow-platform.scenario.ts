import { proofOf, sandboxPostsBy } from '../../factories/posts';
import type { FaultWorld } from './fault-world';
import { CONNECTOR_TIMEOUT_MS } from './fault-world';
import { auditOf, postsDueNow, sandboxBrand, settleAll } from './fault-scenes';

// The platform applies the write this long after it arrived: after the connector gave up, inside the test settle
// window (3 s on the sandbox, 2 s on the emulators after the unknown outcome), so the retry's look finds it.
const APPLIED_AFTER_MS = CONNECTOR_TIMEOUT_MS + 1_000;

export function slowPlatformScenarios(world: () => FaultWorld): void {
  describe('[C-22] latency beyond the connector timeout: applied after the client gave up', () => {
    it('[C-22][C-51] sandbox: the kernel reconciles the unknown outcome and exactly one post exists', async () => {
      const w = world();
      const { stack } = w;
      w.tally.scenario('sandbox slow write');
      const { t, acc } = await sandboxBrand(stack);
      await stack.sandboxAdmin.clearRequests();
      await stack.sandboxAdmin.setFaults([
        { match: { method: 'POST', path: '/posts' }, beforeHandlerDelayMs: APPLIED_AFTER_MS, times: 1 },
      ]);
      const posts = await postsDueNow(stack, t, acc.accountId, 1, 'Late but once');
      const [done] = await settleAll(stack, t, posts);
      expect(done!.status).toBe('verified');
      expect(proofOf(done!).reconciled).toBe(true);

      const onPlatform = await sandboxPostsBy(stack, acc.sandboxUserId);
      w.tally.published(1, onPlatform.length);
      expect(onPlatform).toHaveLength(1);
      expect(done!.platformPostId).toBe(onPlatform[0]!.id);
      // One write only: the retry looked instead of posting again.
      const writes = (await stack.sandboxAdmin.listRequests()).filter(
        (r) => r.method === 'POST' && r.path === '/posts',
      );
      expect(writes).toHaveLength(1);
      const audit = await auditOf(stack, posts[0]!.id);
      expect(audit.filter((a) => a.action === 'guard.reconciled').map((a) => a.data.outcome)).toContain('found');
    });

    it('[C-22][C-51] LinkedIn emulator (no idempotency key): a write applied after the timeout is found by content, once', async () => {
      const w = world();
      const { stack, linkedin } = w;
      w.tally.scenario('linkedin slow write');
      const { t, conn } = await w.linkedinBrand();
      await w.linkedinAdmin.clearRequests();
      await w.linkedinAdmin.setFaults([
        {
          fault: { kind: 'slow', applyAfterMs: APPLIED_AFTER_MS },
          match: { method: 'POST', path: '/rest/posts' },
          times: 1,
        },
      ]);
      const posts = await postsDueNow(stack, t, conn.accountId, 1, 'LinkedIn late');
      const [done] = await settleAll(stack, t, posts);
      expect(done!.status).toBe('verified');

      const onPlatform = linkedin.posts(conn.externalAccountId).filter((p) => p.text.startsWith('LinkedIn late'));
      w.tally.published(1, onPlatform.length);
      expect(onPlatform).toHaveLength(1);
      expect(done!.platformPostId).toBe(onPlatform[0]!.id);
      const writes = (await w.linkedinAdmin.listRequests()).filter(
        (r) => r.method === 'POST' && r.path === '/rest/posts',
      );
      // The first write was never answered (the client had gone); nothing was written a second time.
      expect(writes.map((r) => [r.status, r.fault])).toEqual([[null, 'slow']]);
    });
  });
}
