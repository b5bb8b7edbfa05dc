import type { RunningBrowserRunner } from '../../../services/browser/runner/runner.app';
import { startTestBrowserRunner } from '../../harness/browser-runner';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { auditActions, browserAccount } from './browser-lane-world';

interface CheckRow {
  mode: string;
  mode_reason: { code: string } | null;
  last_check_at: Date | null;
  last_check: { ok: boolean; stopKind: string | null; missingSelectors: string[] } | null;
  selector_map_version: string | null;
}

/**
 * The runner walks each profile's selector-map self-check (C-43) on its own: at once for a new profile, then again
 * later. It reads the identity against the signed manifest (C-41) and the map's pages, clicking nothing.
 */
describe("the browser runner's self-check page walk", () => {
  let stack: TestStack;
  let runner: RunningBrowserRunner;

  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
    runner = await startTestBrowserRunner(stack, { selfCheckEveryMs: 500 });
  }, 120_000);
  afterAll(async () => {
    await stack?.sandboxAdmin.setUi({ selectorVersion: 'v1' });
    await runner?.close();
    await stack?.close();
  });

  const row = async (profileId: string): Promise<CheckRow> =>
    (
      await stack.ds.query<CheckRow[]>(
        'SELECT mode, mode_reason, last_check_at, last_check, selector_map_version FROM browser_profiles WHERE id = $1',
        [profileId],
      )
    )[0]!;
  const checked = async (profileId: string, since?: Date): Promise<CheckRow> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const r = await row(profileId);
      if (r.last_check_at && (!since || new Date(r.last_check_at) > since)) return r;
      if (Date.now() > deadline) throw new Error(`profile ${profileId} was not checked: ${JSON.stringify(r)}`);
      await new Promise((res) => setTimeout(res, 250));
    }
  };

  it('a new profile is walked at once: its pages show what the map expects', async () => {
    const a = await browserAccount(stack);
    const r = await checked(a.profileId);
    expect(r.last_check).toMatchObject({ ok: true, stopKind: null });
    expect(r.selector_map_version).toBe('sandbox@v1');
    expect(r.mode).toBe('side_effects');
  }, 120_000);

  it('[C-41] the walk finds a profile signed in as someone else: the account is quarantined before any post', async () => {
    const a = await browserAccount(stack, { sessionOf: 'other' });
    const r = await checked(a.profileId);
    expect(r.last_check).toMatchObject({ ok: false, stopKind: 'identity_mismatch' });
    const [acc] = await stack.ds.query<{ status: string }[]>('SELECT status FROM platform_accounts WHERE id = $1', [
      a.accountId,
    ]);
    expect(acc!.status).toBe('quarantined');
    expect(await auditActions(stack, a.t.clientId)).toContain('account.quarantined');
  }, 120_000);

  it('[C-43] the walk finds drift after the platform changed its pages: the profile turns read-only, nothing clicked', async () => {
    const a = await browserAccount(stack);
    const first = await checked(a.profileId);
    expect(first.last_check?.ok).toBe(true);
    await stack.sandboxAdmin.setUi({ selectorVersion: 'v2' });
    const since = new Date();
    await stack.ds.query('UPDATE browser_profiles SET last_check_at = NULL WHERE id = $1', [a.profileId]);
    const r = await checked(a.profileId, new Date(since.getTime() - 1000));
    expect(r.last_check).toMatchObject({ ok: false, stopKind: 'selector_drift' });
    expect(r.last_check!.missingSelectors.length).toBeGreaterThan(0);
    expect(r.mode).toBe('read_only');
    expect(r.mode_reason?.code).toBe('selector_drift');
    expect(await auditActions(stack, a.t.clientId)).toContain('browser.profile_read_only');
    await stack.sandboxAdmin.setUi({ selectorVersion: 'v1' });
  }, 120_000);
});
