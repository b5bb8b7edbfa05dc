import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, hasStatus, proofOf, sandboxPostsBy, schedulePost, waitForPost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

/** A platform whose post links point somewhere else than https: the sandbox, told to link to another host. */
const FOREIGN_LINKS = 'http://links.attacker.example';

describe('links a platform returns (C-15)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true, connectorTimeoutMs: 1500, sandboxPublicUrl: FOREIGN_LINKS });
  });
  afterAll(() => stack.close());

  it('[C-15] a post whose platform link is not https is recorded verified without a link, with the reason', async () => {
    const t = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'A post with a foreign link');
    const scheduled = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 1,
    });
    const done = await waitForPost(stack, t.users.author, scheduled.id, hasStatus('verified', 'unverified', 'failed'));
    // The platform really did answer with that link; Raize stores and shows none of it.
    const [posted] = await sandboxPostsBy(stack, acc.sandboxUserId);
    expect(posted.url).toBe(`${FOREIGN_LINKS}/p/${posted.id}`);
    expect(done.status).toBe('verified');
    expect(done.platformPostId).toBe(posted.id);
    expect(done.url).toBeNull();
    const proof = proofOf(done);
    expect(proof.linkRefused).toMatch(/plain http/);
    expect(JSON.stringify(proof)).not.toContain('attacker');
    const [row] = await stack.ds.query<{ url: string | null; proof: unknown; result: unknown }[]>(
      `SELECT j.url, j.proof, l.result FROM publish_jobs j LEFT JOIN side_effect_ledger l ON l.idempotency_key = j.idempotency_key WHERE j.id = $1`,
      [scheduled.id],
    );
    expect(row.url).toBeNull();
    expect(JSON.stringify(row)).not.toContain('attacker');
    const audit = await stack.ds.query<{ data: unknown }[]>(`SELECT data FROM audit_events WHERE subject_id = $1`, [
      scheduled.id,
    ]);
    expect(JSON.stringify(audit)).not.toContain('attacker');
  });
});
