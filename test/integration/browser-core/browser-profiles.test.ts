import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BrowserProfileError } from '../../../services/core/browser/browser-profile.errors';
import type { BrowserProfileView } from '../../../services/core/browser/browser-profile.view';
import { ProfileVault } from '../../../services/core/browser/profile-vault';
import { LocalKeyring } from '../../../services/core/secrets/local-keyring';
import { masterKeyId } from '../../../services/core/secrets/master-key';
import { SecretDecryptError } from '../../../services/core/secrets/secrets.port';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import {
  addAccount,
  asOperator,
  asRunner,
  auditActions,
  openBrowserWorld,
  seedBrowserTenant,
  sessionWith,
  type BrowserTenant,
  type BrowserWorld,
} from './browser-world';

/** The refusal's code, or a failure naming what came instead (a database error where a check was removed). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof BrowserProfileError) return err.code;
    return `not a BrowserProfileError: ${(err as Error).message}`;
  }
  return 'no refusal';
}

describe('browser profiles: encrypted sessions, signed manifests, two Admins (issue #17)', () => {
  let w: BrowserWorld;
  beforeAll(async () => {
    w = await openBrowserWorld();
  });
  afterAll(() => w.close());

  const attach = (t: BrowserTenant, secret: string, actorId = t.users.admin) =>
    asOperator(w, actorId, () =>
      w.profiles.attach({
        agencyId: t.agencyId,
        clientId: t.clientId,
        platformAccountId: t.accountId,
        storageState: sessionWith(secret),
        displayName: 'Brand',
        actorId,
      }),
    );
  const request = (t: BrowserTenant, p: BrowserProfileView, actorId: string) =>
    asOperator(w, actorId, () =>
      w.profiles.requestSideEffects({ clientId: t.clientId, profileId: p.id, actorId, note: 'launch week' }),
    );
  const approve = (t: BrowserTenant, p: BrowserProfileView, actorId: string) =>
    asOperator(w, actorId, () => w.profiles.approveSideEffects({ clientId: t.clientId, profileId: p.id, actorId }));
  const viewOf = (t: BrowserTenant) =>
    asOperator(w, t.users.admin, () =>
      w.profiles.view(w.app.manager, { clientId: t.clientId, platformAccountId: t.accountId }),
    );
  const open = (t: BrowserTenant, p: BrowserProfileView) =>
    asRunner(w, t.clientId, () => w.profiles.openForAction(w.app.manager, { clientId: t.clientId, profileId: p.id }));
  async function enabled(t: BrowserTenant, secret: string): Promise<BrowserProfileView> {
    const p = await attach(t, secret);
    await request(t, p, t.users.admin);
    return approve(t, p, t.admin2);
  }

  it('[C-40] profiles are unreadable on disk without the key', async () => {
    const t = await seedBrowserTenant(w);
    const cookie = `c40-${randomBytes(16).toString('hex')}`;
    const p = await attach(t, cookie);
    expect(p).toMatchObject({ mode: 'read_only', manifestValid: true, platformAccountId: t.accountId });
    expect(JSON.stringify(p)).not.toContain(cookie);

    // The keyring file's bytes: sealed, so neither the cookie nor the local storage value appears.
    const onDisk = readFileSync(w.keyringFile);
    expect(onDisk.includes(cookie)).toBe(false);
    expect(onDisk.includes(`browser-profiles/${t.clientId}/${p.id}`)).toBe(true);

    // Every row of every table (the profile's row, the audit trail…) as text: the session is in none of them.
    const tables: { name: string }[] = await w.owner.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    const holding: string[] = [];
    for (const { name } of tables) {
      const [{ n }]: { n: number }[] = await w.owner.query(
        `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text LIKE '%' || $1 || '%'`,
        [cookie],
      );
      if (n) holding.push(name);
    }
    expect(holding).toEqual([]);
    const [row]: { secret_key: string }[] = await w.owner.query(
      'SELECT secret_key FROM browser_profiles WHERE id = $1',
      [p.id],
    );

    // With the installation's key it opens (the probe is not blind); with another master key it does not.
    const opened = await open(t, p);
    expect(opened.state.cookies[0].value).toBe(cookie);
    const otherKey = randomBytes(32);
    const stranger = new ProfileVault(new LocalKeyring(w.keyringFile, { id: masterKeyId(otherKey), key: otherKey }));
    await expect(stranger.open(row.secret_key)).rejects.toBeInstanceOf(SecretDecryptError);
    // The same key id with other bytes (a forged key file) fails the AES-GCM tag as well.
    const forged = new ProfileVault(new LocalKeyring(w.keyringFile, { id: w.masterKey.id, key: otherKey }));
    await expect(forged.open(row.secret_key)).rejects.toBeInstanceOf(SecretDecryptError);
  });

  it('[C-42] one Admin cannot enable side effects alone', async () => {
    const t = await seedBrowserTenant(w);
    const p = await attach(t, `c42-${randomUUID()}`);

    // Nothing to approve before anyone asked; a Manager cannot ask.
    expect(await refusal(approve(t, p, t.admin2))).toBe('no_request');
    expect(await refusal(request(t, p, t.users.approver))).toBe('not_admin');

    await request(t, p, t.users.admin);
    // The same Admin approving their own request: refused, still read-only.
    expect(await refusal(approve(t, p, t.users.admin))).toBe('same_admin');
    expect((await viewOf(t))!.mode).toBe('read_only');
    // A Manager (not an Admin) approving: refused, still read-only.
    expect(await refusal(approve(t, p, t.users.approver))).toBe('not_admin');
    expect((await viewOf(t))!.mode).toBe('read_only');

    // A second, different Admin: side effects.
    const on = await approve(t, p, t.admin2);
    expect(on).toMatchObject({
      mode: 'side_effects',
      sideEffectsRequestedBy: t.users.admin,
      sideEffectsApprovedBy: t.admin2,
      sideEffectsNote: 'launch week',
    });
    expect(await refusal(approve(t, p, t.admin2))).toBe('already_enabled');

    // Every outcome is on the client's trail.
    const trail = await auditActions(w, t.clientId, 'browser.side_effects');
    expect(trail.map((e) => [e.action, e.data.code ?? null])).toEqual([
      ['browser.side_effects_refused', 'no_request'],
      ['browser.side_effects_refused', 'not_admin'],
      ['browser.side_effects_requested', null],
      ['browser.side_effects_refused', 'same_admin'],
      ['browser.side_effects_refused', 'not_admin'],
      ['browser.side_effects_enabled', null],
      ['browser.side_effects_refused', 'already_enabled'],
    ]);
    expect(trail[5]).toMatchObject({ actor: `user:${t.admin2}`, data: { requestedBy: t.users.admin } });

    // The schema says the same: an approval by the requester, or side effects without an approval, is refused.
    await expect(
      w.owner.query(`UPDATE browser_profiles SET side_effects_approved_by = side_effects_requested_by WHERE id = $1`, [
        p.id,
      ]),
    ).rejects.toThrow(/check constraint/);
  });

  it('[C-42] a requester demoted since asking no longer counts as the first Admin', async () => {
    const t = await seedBrowserTenant(w);
    const p = await attach(t, `demoted-${randomUUID()}`);
    await request(t, p, t.users.admin);
    await w.owner.query(`UPDATE memberships SET role = 'Manager' WHERE user_id = $1 AND agency_id = $2`, [
      t.users.admin,
      t.agencyId,
    ]);
    expect(await refusal(approve(t, p, t.admin2))).toBe('not_admin');
    expect(
      (await asOperator(w, t.admin2, () => w.profiles.view(w.app.manager, { ...t, platformAccountId: t.accountId })))!
        .mode,
    ).toBe('read_only');
  });

  it('[C-41] a tampered manifest is refused', async () => {
    const t = await seedBrowserTenant(w);
    const p = await attach(t, `c41-${randomUUID()}`);
    // Untampered, it opens: the refusal below is about the change, not the profile.
    expect((await open(t, p)).manifest.handle).toBe('@brand_probe');

    await w.owner.query(
      `UPDATE browser_profiles SET manifest = jsonb_set(manifest, '{handle}', '"@someone_else"') WHERE id = $1`,
      [p.id],
    );
    expect(await refusal(open(t, p))).toBe('manifest_invalid');
    expect((await viewOf(t))!.manifestValid).toBe(false);

    await w.owner.query(
      `UPDATE browser_profiles SET manifest = jsonb_set(manifest, '{handle}', '"@brand_probe"'), manifest_signature = NULL
       WHERE id = $1`,
      [p.id],
    );
    expect(await refusal(open(t, p))).toBe('manifest_invalid');

    const refused = await auditActions(w, t.clientId, 'browser.manifest_refused');
    expect(refused.map((e) => e.data.problem)).toEqual(['bad_signature', 'unsigned']);
  });

  it("[C-41] another profile's signed manifest copied into a row is refused", async () => {
    const t = await seedBrowserTenant(w);
    const a = await attach(t, `copy-a-${randomUUID()}`);
    const other = { ...t, accountId: await addAccount(w, t) };
    const b = await attach(other, `copy-b-${randomUUID()}`);
    await w.owner.query(
      `UPDATE browser_profiles t SET manifest = s.manifest, manifest_signature = s.manifest_signature
       FROM browser_profiles s WHERE t.id = $1 AND s.id = $2`,
      [a.id, b.id],
    );
    expect(await refusal(open(t, a))).toBe('manifest_invalid');
    expect((await auditActions(w, t.clientId, 'browser.manifest_refused'))[0].data.problem).toBe('binding_mismatch');
  });

  it('a re-attach replaces the session and resets the mode to read-only', async () => {
    const t = await seedBrowserTenant(w);
    const before = await enabled(t, `first-${randomUUID()}`);
    expect(before.mode).toBe('side_effects');

    const fresh = `second-${randomUUID()}`;
    const after = await attach(t, fresh);
    expect(after).toMatchObject({
      id: before.id,
      mode: 'read_only',
      modeReason: { code: 'reattached' },
      sideEffectsRequestedBy: null,
      sideEffectsApprovedBy: null,
      manifestValid: true,
    });
    expect((await open(t, after)).state.cookies[0].value).toBe(fresh);
    // Switching on again takes a new request: the old one is gone.
    expect(await refusal(approve(t, after, t.admin2))).toBe('no_request');
    const attached = await auditActions(w, t.clientId, 'browser.profile_attached');
    expect(attached.map((e) => [e.data.reattached, e.data.previousMode])).toEqual([
      [false, null],
      [true, 'side_effects'],
    ]);
    expect(JSON.stringify(attached)).not.toContain(fresh);
  });

  it('setReadOnly switches side effects off and clears the request and approval', async () => {
    const t = await seedBrowserTenant(w);
    const p = await enabled(t, `ro-${randomUUID()}`);
    const reason = { code: 'selector_drift' as const, message: 'the compose button is missing' };
    const off = await asRunner(w, t.clientId, () =>
      w.profiles.setReadOnly({ clientId: t.clientId, profileId: p.id, actor: 'system:browser-runner', reason }),
    );
    expect(off).toMatchObject({
      mode: 'read_only',
      modeReason: reason,
      sideEffectsRequestedBy: null,
      sideEffectsApprovedBy: null,
    });
    expect(await refusal(approve(t, p, t.admin2))).toBe('no_request');
    // The same stop again records nothing more; a Manager cannot use it, an Admin can.
    await asRunner(w, t.clientId, () =>
      w.profiles.setReadOnly({ clientId: t.clientId, profileId: p.id, actor: 'system:browser-runner', reason }),
    );
    expect(
      await refusal(
        asOperator(w, t.users.approver, () =>
          w.profiles.setReadOnly({
            clientId: t.clientId,
            profileId: p.id,
            actor: `user:${t.users.approver}`,
            reason: { code: 'operator', message: 'pause' },
          }),
        ),
      ),
    ).toBe('not_admin');
    const trail = await auditActions(w, t.clientId, 'browser.profile_read_only');
    expect(trail).toEqual([
      {
        action: 'browser.profile_read_only',
        actor: 'system:browser-runner',
        data: expect.objectContaining({
          reason: 'selector_drift',
          previousMode: 'side_effects',
          clearedRequest: true,
        }) as unknown,
      },
    ]);
  });

  it("tenancy: another client's profile id answers not found", async () => {
    const a = await seedBrowserTenant(w);
    const b = await seedBrowserTenant(w);
    const p = await attach(a, `tenancy-${randomUUID()}`);
    const asB = <T>(fn: () => Promise<T>) => asOperator(w, b.users.admin, fn);
    // Another tenant: row-level security hides the row.
    expect(
      await refusal(asB(() => w.profiles.openForAction(w.app.manager, { clientId: b.clientId, profileId: p.id }))),
    ).toBe('not_found');
    expect(
      await refusal(
        asB(() => w.profiles.requestSideEffects({ clientId: a.clientId, profileId: p.id, actorId: b.users.admin })),
      ),
    ).toBe('not_found');
    expect(
      await asB(() => w.profiles.view(w.app.manager, { clientId: a.clientId, platformAccountId: a.accountId })),
    ).toBeNull();
    // The same agency's other client, by an agency Admin who sees both: the client named must be the profile's.
    const sibling = (await new TenantBootstrap(w.owner).createClient(a.agencyId, `Sibling ${randomUUID()}`, 'UTC')).id;
    expect(
      await refusal(
        asOperator(w, a.users.admin, () =>
          w.profiles.openForAction(w.app.manager, { clientId: sibling, profileId: p.id }),
        ),
      ),
    ).toBe('not_found');
    expect(
      await refusal(
        asOperator(w, a.users.admin, () =>
          w.profiles.detach({ clientId: sibling, profileId: p.id, actorId: a.users.admin }),
        ),
      ),
    ).toBe('not_found');
    // Attaching to an account of another client is refused the same way.
    expect(
      await refusal(
        asB(() =>
          w.profiles.attach({
            agencyId: b.agencyId,
            clientId: b.clientId,
            platformAccountId: a.accountId,
            storageState: sessionWith('x'),
            actorId: b.users.admin,
          }),
        ),
      ),
    ).toBe('not_found');
    expect((await open(a, p)).profile.id).toBe(p.id);
  });

  it('refuses an unusable session without echoing it, and detach removes the session and the row', async () => {
    const t = await seedBrowserTenant(w);
    const secret = `bad-${randomUUID()}`;
    const bad = sessionWith(secret) as unknown as { cookies: Record<string, unknown>[] };
    bad.cookies[0].sameSite = secret;
    let message = '';
    try {
      await asOperator(w, t.users.admin, () =>
        w.profiles.attach({ ...t, platformAccountId: t.accountId, storageState: bad, actorId: t.users.admin }),
      );
    } catch (err) {
      expect(err).toBeInstanceOf(BrowserProfileError);
      expect((err as BrowserProfileError).code).toBe('invalid_state');
      message = (err as Error).message;
    }
    expect(message).toContain('cookies[0].sameSite');
    expect(message).not.toContain(secret);
    expect(await viewOf(t)).toBeNull();

    const p = await attach(t, `detach-${randomUUID()}`);
    const key = `browser-profiles/${t.clientId}/${p.id}`;
    expect(await w.secrets.get(key)).toBeTruthy();
    await asOperator(w, t.users.admin, () =>
      w.profiles.detach({ clientId: t.clientId, profileId: p.id, actorId: t.users.admin }),
    );
    expect(await viewOf(t)).toBeNull();
    expect(readFileSync(w.keyringFile).includes(key)).toBe(false);
    expect((await auditActions(w, t.clientId, 'browser.profile_detached')).length).toBe(1);
  });

  it('records the last self-check with its selector map version', async () => {
    const t = await seedBrowserTenant(w);
    const p = await attach(t, `check-${randomUUID()}`);
    await asRunner(w, t.clientId, () =>
      w.profiles.recordCheck({
        clientId: t.clientId,
        profileId: p.id,
        check: {
          ok: false,
          stopKind: 'login_wall',
          observed: null,
          detail: 'the sign-in page was shown',
        },
        selectorMapVersion: 'sandbox@3',
      }),
    );
    expect(await viewOf(t)).toMatchObject({
      selectorMapVersion: 'sandbox@3',
      lastCheck: { ok: false, stopKind: 'login_wall', missingSelectors: [] },
    });
  });
});
