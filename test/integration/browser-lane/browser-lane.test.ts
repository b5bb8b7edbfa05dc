import { createHash } from 'node:crypto';
import type { RunningBrowserRunner } from '../../../services/browser/runner/runner.app';
import { getPost, hasStatus, proofOf, waitForPost } from '../../factories/posts';
import { startTestBrowserRunner } from '../../harness/browser-runner';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { auditActions, browserAccount, platformPostsBy, profileRow, scheduleNow } from './browser-lane-world';

/**
 * The browser lane end to end (issue #17): the publish workflow routes the attempt to the runner holding the
 * profile, the kernel runs the same guard with the browser writer, against the sandbox's real web pages in Debian's
 * Chromium. Each case has its own tenant, brand and profile.
 */
describe('the browser lane', () => {
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
  afterEach(async () => {
    await stack.sandboxAdmin.setUi({ selectorVersion: 'v1' });
  });

  const paused = (code: string) => (p: { status: string; reasons: { code: string }[] }) =>
    p.status === 'paused' && p.reasons.some((r) => r.code === code);

  it('[C-44] publishes through the browser with proof: masked screenshots, DOM snapshots and URLs', async () => {
    const a = await browserAccount(stack);
    const post = await scheduleNow(stack, a, 'Spring range, posted through the page');
    const done = await waitForPost(stack, a.t.users.admin, post.id, hasStatus('verified'), 90_000);
    const onPlatform = await platformPostsBy(stack, a.username);
    expect(onPlatform.map((p) => p.id)).toEqual([done.platformPostId]);

    const proof = proofOf(done);
    expect(proof.browser?.selectorMapVersion).toBe('sandbox@v1');
    const steps = proof.browser!.steps;
    expect(steps.map((s) => s.step)).toEqual(['compose', 'published', 'read_back']);
    // The compose page shows the brand's email and phone number: both are masked on the screenshot (C-44).
    expect(steps[0]!.masked).toBeGreaterThanOrEqual(2);
    expect(steps[1]!.url).toBe(`${stack.sandbox.url}/p/${done.platformPostId}`);
    // The artifacts are there and are what the proof names; the DOM snapshot holds neither email nor phone.
    const dom = await stack.deps!.artifacts!.get({ key: steps[0]!.domKey, clientId: a.t.clientId });
    expect(dom.toString('utf8')).toContain('compose');
    expect(dom.toString('utf8')).not.toContain('@brand.example');
    expect(dom.toString('utf8')).not.toContain('7946');
    const png = await stack.deps!.artifacts!.get({ key: steps[0]!.screenshotKey, clientId: a.t.clientId });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(steps[0]!.screenshotKey).toContain(createHash('sha256').update(png).digest('hex'));
    const [row] = await stack.ds.query<{ runner_id: string }[]>(
      'SELECT runner_id FROM browser_profiles WHERE id = $1',
      [a.profileId],
    );
    expect(row!.runner_id).toBe(runner.runnerId);
  }, 150_000);

  it('[C-41] a profile whose page shows another identity than its manifest stops before any click', async () => {
    const a = await browserAccount(stack, { sessionOf: 'other' });
    const post = await scheduleNow(stack, a, 'This must never appear anywhere');
    const done = await waitForPost(stack, a.t.users.admin, post.id, (p) => p.status === 'quarantined', 90_000);
    expect(done.reasons.map((r) => r.code)).toContain('fingerprint_mismatch');
    expect(await platformPostsBy(stack, a.username)).toEqual([]);
    const [acc] = await stack.ds.query<{ status: string; status_reason: string }[]>(
      'SELECT status, status_reason FROM platform_accounts WHERE id = $1',
      [a.accountId],
    );
    expect(acc).toEqual({ status: 'quarantined', status_reason: 'browser_identity_mismatch' });
    expect(await auditActions(stack, a.t.clientId)).toContain('account.quarantined');
  }, 150_000);

  it('[C-43] drift (renamed selectors in the platform pages) switches the profile to read-only, alerts, and holds the post', async () => {
    const a = await browserAccount(stack);
    await stack.sandboxAdmin.setUi({ selectorVersion: 'v2' });
    const post = await scheduleNow(stack, a, 'Posted only if the page is the one we know');
    await waitForPost(stack, a.t.users.admin, post.id, paused('browser_selector_drift'), 90_000);
    expect(await platformPostsBy(stack, a.username)).toEqual([]);
    const profile = await profileRow(stack, a.profileId);
    expect(profile.mode).toBe('read_only');
    expect(profile.mode_reason?.code).toBe('selector_drift');
    expect(await auditActions(stack, a.t.clientId)).toEqual(
      expect.arrayContaining(['browser.profile_read_only', 'guard.denied']),
    );
    // Back to the known page, the profile stays read-only: nothing goes out until two Admins enable it again.
    await stack.sandboxAdmin.setUi({ selectorVersion: 'v1' });
    await new Promise((r) => setTimeout(r, 3000));
    const still = await getPost(stack, a.t.users.admin, post.id);
    expect(still.reasons.map((r) => r.code)).toContain('browser_profile_read_only');
    expect(await platformPostsBy(stack, a.username)).toEqual([]);
  }, 150_000);

  it('a captcha page stops the action and escalates to a human instead of retrying', async () => {
    const a = await browserAccount(stack);
    await stack.sandboxAdmin.setChallenge(a.brandUserId, 'captcha');
    const post = await scheduleNow(stack, a, 'Held behind a captcha');
    await waitForPost(stack, a.t.users.admin, post.id, paused('browser_captcha'), 90_000);
    expect(await platformPostsBy(stack, a.username)).toEqual([]);
    expect((await profileRow(stack, a.profileId)).mode_reason?.code).toBe('captcha');
  }, 150_000);

  it('a tampered manifest is refused before the profile is opened', async () => {
    const a = await browserAccount(stack);
    await stack.ds.query(
      `UPDATE browser_profiles SET manifest = jsonb_set(manifest, '{handle}', '"@someone_else"') WHERE id = $1`,
      [a.profileId],
    );
    const post = await scheduleNow(stack, a, 'Never through a doctored profile');
    await waitForPost(stack, a.t.users.admin, post.id, paused('browser_manifest_invalid'), 90_000);
    expect(await platformPostsBy(stack, a.username)).toEqual([]);
    expect(await auditActions(stack, a.t.clientId)).toContain('browser.manifest_refused');
  }, 150_000);

  it('a profile two Admins have not enabled holds the post (read-only) and nothing is clicked', async () => {
    const a = await browserAccount(stack, { enable: false });
    const post = await scheduleNow(stack, a, 'Waiting for the second Admin');
    await waitForPost(stack, a.t.users.admin, post.id, paused('browser_profile_read_only'), 60_000);
    expect(await platformPostsBy(stack, a.username)).toEqual([]);
  }, 120_000);
});
