import type { RunningBrowserRunner } from '../../../services/browser/runner/runner.app';
import { hasStatus, proofOf, waitForPost } from '../../factories/posts';
import { startTestBrowserRunner } from '../../harness/browser-runner';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { auditActions, platformPostsBy, profileRow, scheduleNow } from './browser-lane-world';
import {
  enableSideEffects,
  hybridAccount,
  jobIdempotencyKey,
  platformWrites,
  profileRunner,
  setHybridWriter,
} from './lanes-world';

/**
 * The hybrid lane end to end (issue #17): one side writes, the other reads the post back, and both identities are
 * checked. Which side writes is the profile's `hybrid_writer`; the API lane writing needs no side-effect mode, the
 * page writing does (C-42). Each case has its own tenant, brand and profile.
 */
describe('the hybrid lane', () => {
  let stack: TestStack;
  let runner: RunningBrowserRunner;

  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
    runner = await startTestBrowserRunner(stack);
  }, 120_000);
  afterAll(async () => {
    await runner?.close();
    await stack?.close();
  });

  const paused = (code: string) => (p: { status: string; reasons: { code: string }[] }) =>
    p.status === 'paused' && p.reasons.some((r) => r.code === code);

  const externalIdOf = async (accountId: string) =>
    (
      await stack.ds.query<{ external_account_id: string }[]>(
        'SELECT external_account_id FROM platform_accounts WHERE id = $1',
        [accountId],
      )
    )[0]!.external_account_id;

  it('[C-42] the API writes and the page reads back; with the writer switched to the page (two Admins), the reverse', async () => {
    const a = await hybridAccount(stack);
    const externalId = await externalIdOf(a.accountId);

    // 1. hybrid_writer = 'api' (the default), profile read-only: the API posts, the page verifies.
    const before = await platformWrites(stack);
    const first = await scheduleNow(stack, a, 'Hybrid: the API writes, the page checks');
    const viaApi = await waitForPost(stack, a.t.users.admin, first.id, hasStatus('verified'), 90_000);
    const firstKey = await jobIdempotencyKey(stack, first.id);
    const afterFirst = await platformWrites(stack);
    expect(afterFirst.apiPosts.filter((k) => k === firstKey)).toHaveLength(1);
    expect(afterFirst.composeForms).toBe(before.composeForms);
    expect((await platformPostsBy(stack, a.username)).map((p) => p.id)).toEqual([viaApi.platformPostId]);

    const apiProof = proofOf(viaApi);
    // The API's own proof: its request id and its answer (not the page's).
    expect(apiProof.requestId).toMatch(/^req_/);
    expect(apiProof.response).toMatchObject({ id: viaApi.platformPostId, authorId: externalId });
    expect(apiProof.response).not.toHaveProperty('via');
    // Read back through the page only.
    expect(apiProof.browser?.steps.map((s) => s.step)).toEqual(['read_back']);
    expect(apiProof.browser!.steps[0]!.url).toBe(`${stack.sandbox.url}/p/${viaApi.platformPostId}`);
    expect(apiProof.readBack).toMatchObject({ postId: viaApi.platformPostId, authorExternalId: externalId });
    expect((await profileRow(stack, a.profileId)).mode).toBe('read_only');
    expect(await profileRunner(stack, a.profileId)).toBe(runner.runnerId);

    // 2. The page writes now (set in the database: the API has no mutation for hybrid_writer yet). While the
    // profile is read-only the policy holds the post and nothing is sent by either side.
    await setHybridWriter(stack, a.profileId, 'browser');
    const second = await scheduleNow(stack, a, 'Hybrid: the page writes, the API checks');
    await waitForPost(stack, a.t.users.admin, second.id, paused('browser_profile_read_only'), 90_000);
    const secondKey = await jobIdempotencyKey(stack, second.id);
    expect((await platformWrites(stack)).composeForms).toBe(afterFirst.composeForms);
    expect(await platformPostsBy(stack, a.username)).toHaveLength(1);

    // Two different Admins enable side effects (C-42): the paused post goes out through the compose page.
    await enableSideEffects(stack, a);
    const viaPage = await waitForPost(stack, a.t.users.admin, second.id, hasStatus('verified'), 90_000);
    const afterSecond = await platformWrites(stack);
    expect(afterSecond.apiPosts.filter((k) => k === secondKey)).toEqual([]);
    expect(afterSecond.composeForms).toBe(afterFirst.composeForms + 1);
    const onPlatform = (await platformPostsBy(stack, a.username)).map((p) => p.id);
    expect(onPlatform).toHaveLength(2);
    expect(onPlatform).toEqual(expect.arrayContaining([viaApi.platformPostId, viaPage.platformPostId]));

    const pageProof = proofOf(viaPage);
    expect(pageProof.requestId).toBeNull();
    expect(pageProof.response).toMatchObject({ postId: viaPage.platformPostId, via: 'browser' });
    // Written through the page; read back through the API (no read_back step of the page).
    expect(pageProof.browser?.steps.map((s) => s.step)).toEqual(['compose', 'published']);
    expect(pageProof.readBack).toMatchObject({ postId: viaPage.platformPostId, authorExternalId: externalId });
    expect((await profileRow(stack, a.profileId)).mode).toBe('side_effects');
  }, 240_000);

  it("[C-41] hybrid: a page showing another identity quarantines the account even though the API token's identity is right", async () => {
    const a = await hybridAccount(stack, { sessionOf: 'other' });
    const post = await scheduleNow(stack, a, 'Never out through a mismatched session');
    const done = await waitForPost(stack, a.t.users.admin, post.id, hasStatus('quarantined'), 90_000);
    expect(done.reasons.map((r) => r.code)).toContain('fingerprint_mismatch');
    const key = await jobIdempotencyKey(stack, post.id);
    expect((await platformWrites(stack)).apiPosts.filter((k) => k === key)).toEqual([]);
    expect(await platformPostsBy(stack, a.username)).toEqual([]);

    const [acc] = await stack.ds.query<{ status: string; status_reason: string }[]>(
      'SELECT status, status_reason FROM platform_accounts WHERE id = $1',
      [a.accountId],
    );
    // The page's check quarantined it (browser_identity_mismatch), not the token's (fingerprint_mismatch).
    expect(acc).toEqual({ status: 'quarantined', status_reason: 'browser_identity_mismatch' });
    const quarantines = await stack.ds.query<{ data: { reason: string } }[]>(
      `SELECT data FROM audit_events WHERE client_id = $1 AND action = 'account.quarantined' ORDER BY seq`,
      [a.t.clientId],
    );
    expect(quarantines.map((q) => q.data.reason)).toEqual(['browser_identity_mismatch']);
    expect(await auditActions(stack, a.t.clientId)).toContain('guard.fingerprint_mismatch');
  }, 150_000);
});
