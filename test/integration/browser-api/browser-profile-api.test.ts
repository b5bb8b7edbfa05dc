import { randomUUID } from 'node:crypto';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import {
  addOperator,
  APPROVE,
  ATTACH,
  auditText,
  BROWSER_PROFILE,
  codeOf,
  DETACH,
  MISSING,
  READ_ONLY,
  REQUEST,
  seedAccount,
  SET_LANE,
  storageState,
} from './browser-api-world';

interface Profile {
  id: string;
  mode: string;
  hybridWriter: string;
  modeReason: { code: string; message: string } | null;
  manifest: { handle: string; externalAccountId: string; displayName: string | null };
  manifestValid: boolean;
  sideEffectsRequestedBy: { id: string; displayName: string | null } | null;
  sideEffectsApprovedBy: { id: string; displayName: string | null } | null;
  sideEffectsApprovedAt: string | null;
}
type Answer = Awaited<ReturnType<TestStack['gql']>>;

const SET_HYBRID =
  'mutation($a: ID!, $l: PublishLane!, $w: HybridWriter) { setAccountLane(platformAccountId: $a, lane: $l, hybridWriter: $w) { id lane } }';

describe("an account's browser profile through GraphQL (issue #17)", () => {
  let stack: TestStack;
  /** every answer the API gave in this file: none may hold a storage state */
  const answers: Answer[] = [];
  const secrets: string[] = [];
  const clients: string[] = [];
  const gql = async (actor: string, query: string, variables: Record<string, unknown>) => {
    const r = await stack.gql(actor, query, variables);
    answers.push(r);
    return r;
  };
  const secret = () => {
    const s = `cookie-${randomUUID()}`;
    secrets.push(s);
    return s;
  };
  /** A tenant with an account and a second agency-wide Admin. */
  const world = async () => {
    const t = await seedTenant(stack.ds);
    clients.push(t.clientId);
    const account = await seedAccount(stack, t);
    const secondAdmin = await addOperator(stack, t, 'Admin', 'Second Admin');
    return { t, account, secondAdmin };
  };
  const attach = async (t: SeededTenant, accountId: string, actor = t.users.admin) => {
    const r = await gql(actor, ATTACH, {
      i: { platformAccountId: accountId, storageState: storageState(secret()), displayName: 'Brand Name' },
    });
    expect(r.errors).toBeUndefined();
    return (r.data as { attachBrowserProfile: Profile }).attachBrowserProfile;
  };
  const modeOf = async (profileId: string) =>
    (await stack.ds.query<{ mode: string }[]>('SELECT mode FROM browser_profiles WHERE id = $1', [profileId]))[0]?.mode;

  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('an Admin attaches a profile: read-only, its manifest from the account’s stored identity', async () => {
    const { t, account } = await world();
    expect((await gql(t.users.analyst, BROWSER_PROFILE, { a: account.id })).data).toEqual({ browserProfile: null });
    const p = await attach(t, account.id);
    expect(p).toMatchObject({
      mode: 'read_only',
      manifestValid: true,
      manifest: { handle: account.handle, externalAccountId: account.externalAccountId, displayName: 'Brand Name' },
      sideEffectsRequestedBy: null,
      sideEffectsApprovedBy: null,
    });
    // Anyone on the client reads it; the Analyst sees the same profile (never its session).
    const read = await gql(t.users.analyst, BROWSER_PROFILE, { a: account.id });
    expect((read.data as { browserProfile: Profile }).browserProfile.id).toBe(p.id);
  });

  it('[C-42] one Admin cannot enable side effects alone', async () => {
    const { t, account, secondAdmin } = await world();
    const p = await attach(t, account.id);
    // Approving before anyone asked: nothing to approve.
    expect(codeOf(await gql(secondAdmin, APPROVE, { p: p.id }))).toBe('CONFLICT');

    const asked = await gql(t.users.admin, REQUEST, { p: p.id, n: 'publishing through the web UI' });
    expect(asked.errors).toBeUndefined();
    expect((asked.data as { requestBrowserSideEffects: Profile }).requestBrowserSideEffects).toMatchObject({
      mode: 'read_only',
      sideEffectsRequestedBy: { id: t.users.admin, displayName: expect.stringMatching(/^admin /) as unknown },
      sideEffectsNote: 'publishing through the web UI',
    });

    // The requester approving their own request: refused, in words that say why; still read-only.
    const own = await gql(t.users.admin, APPROVE, { p: p.id });
    expect(codeOf(own)).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toMatch(/different Admin/);
    expect(await modeOf(p.id)).toBe('read_only');
    // A Manager is no Admin, and neither is an Admin of this client only: the agency's Admins decide.
    const clientAdmin = await addOperator(stack, t, 'Admin', 'Client Admin', t.clientId);
    for (const other of [t.users.approver, clientAdmin]) {
      expect(codeOf(await gql(other, APPROVE, { p: p.id }))).toBe('FORBIDDEN');
      expect(await modeOf(p.id)).toBe('read_only');
    }

    const approved = await gql(secondAdmin, APPROVE, { p: p.id });
    expect(approved.errors).toBeUndefined();
    expect((approved.data as { approveBrowserSideEffects: Profile }).approveBrowserSideEffects).toMatchObject({
      mode: 'side_effects',
      sideEffectsRequestedBy: { id: t.users.admin },
      sideEffectsApprovedBy: { id: secondAdmin, displayName: 'Second Admin' },
    });
    expect(await modeOf(p.id)).toBe('side_effects');
    const actions = await stack.ds.query<{ action: string; actor: string }[]>(
      `SELECT action, actor FROM audit_events WHERE client_id = $1 AND action LIKE 'browser.%' ORDER BY seq`,
      [t.clientId],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'browser.side_effects_requested',
        'browser.side_effects_refused',
        'browser.side_effects_enabled',
      ]),
    );
    expect(actions.find((a) => a.action === 'browser.side_effects_enabled')?.actor).toBe(`user:${secondAdmin}`);
  });

  it('read-only again clears the approval: enabling once more needs two Admins from the start', async () => {
    const { t, account, secondAdmin } = await world();
    const p = await attach(t, account.id);
    await gql(t.users.admin, REQUEST, { p: p.id });
    await gql(secondAdmin, APPROVE, { p: p.id });
    const r = await gql(secondAdmin, READ_ONLY, { p: p.id, r: 'pausing while the client reviews' });
    expect(r.errors).toBeUndefined();
    expect((r.data as { setBrowserProfileReadOnly: Profile }).setBrowserProfileReadOnly).toMatchObject({
      mode: 'read_only',
      modeReason: { code: 'operator', message: 'pausing while the client reviews' },
      sideEffectsRequestedBy: null,
      sideEffectsApprovedBy: null,
    });
    expect(codeOf(await gql(t.users.admin, APPROVE, { p: p.id }))).toBe('CONFLICT');
  });

  it('only an Admin of the agency changes a profile; other roles are refused, refused deciders audited', async () => {
    const { t, account } = await world();
    const roles = [t.users.approver, t.users.author, t.users.reviewer, t.users.analyst];
    for (const actor of roles) {
      const r = await gql(actor, ATTACH, {
        i: { platformAccountId: account.id, storageState: storageState(secret()) },
      });
      expect({ actor, code: codeOf(r) }).toEqual({ actor, code: 'FORBIDDEN' });
    }
    expect(
      await stack.ds.query('SELECT id FROM browser_profiles WHERE platform_account_id = $1', [account.id]),
    ).toEqual([]);
    const p = await attach(t, account.id);
    for (const actor of roles) {
      for (const [query, vars] of [
        [REQUEST, { p: p.id }],
        [READ_ONLY, { p: p.id, r: 'no' }],
        [DETACH, { p: p.id }],
        [SET_LANE, { a: account.id, l: 'browser' }],
      ] as const) {
        expect({ actor, query, code: codeOf(await gql(actor, query, vars)) }).toEqual({
          actor,
          query,
          code: 'FORBIDDEN',
        });
      }
    }
    await gql(t.users.admin, REQUEST, { p: p.id });
    for (const actor of roles) expect(codeOf(await gql(actor, APPROVE, { p: p.id }))).toBe('FORBIDDEN');
    expect(await modeOf(p.id)).toBe('read_only');
    // Every refused request or approval is on the trail, with who tried (C-42).
    const refused = await stack.ds.query<{ actor: string; data: { step: string; code: string } }[]>(
      `SELECT actor, data FROM audit_events WHERE client_id = $1 AND action = 'browser.side_effects_refused'`,
      [t.clientId],
    );
    expect(refused.map((r) => `${r.actor} ${r.data.step} ${r.data.code}`).sort()).toEqual(
      roles.flatMap((u) => [`user:${u} approve not_admin`, `user:${u} request not_admin`]).sort(),
    );
  });

  it("another agency's Admin gets exactly 'not found' for every id, as for a missing one", async () => {
    const { t, account } = await world();
    const p = await attach(t, account.id);
    const attacker = (await seedTenant(stack.ds)).users.admin;
    const probes: [string, (id: string, acc: string) => Record<string, unknown>][] = [
      [BROWSER_PROFILE, (_id, acc) => ({ a: acc })],
      [ATTACH, (_id, acc) => ({ i: { platformAccountId: acc, storageState: storageState(secret()) } })],
      [REQUEST, (id) => ({ p: id })],
      [APPROVE, (id) => ({ p: id })],
      [READ_ONLY, (id) => ({ p: id, r: 'probe' })],
      [DETACH, (id) => ({ p: id })],
      [SET_LANE, (_id, acc) => ({ a: acc, l: 'api' })],
    ];
    for (const [query, vars] of probes) {
      const foreign = await gql(attacker, query, vars(p.id, account.id));
      const absent = await gql(attacker, query, vars(MISSING, MISSING));
      expect({ query, code: codeOf(foreign) }).toEqual({ query, code: 'NOT_FOUND' });
      expect(foreign.errors?.[0].message).toBe(absent.errors?.[0].message);
    }
    expect(await modeOf(p.id)).toBe('read_only');
  });

  it('the browser and hybrid lanes need a profile; a lane change is audited and allowed on the account', async () => {
    const { t, account } = await world();
    const refused = await gql(t.users.admin, SET_LANE, { a: account.id, l: 'browser' });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toMatch(/attach one/);
    await attach(t, account.id);
    const r = await gql(t.users.admin, SET_LANE, { a: account.id, l: 'hybrid' });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ setAccountLane: { id: account.id, lane: 'hybrid', status: 'connected' } });
    const [row] = await stack.ds.query<{ lane: string; allowed_lanes: string[] }[]>(
      'SELECT lane, allowed_lanes FROM platform_accounts WHERE id = $1',
      [account.id],
    );
    expect(row).toEqual({ lane: 'hybrid', allowed_lanes: expect.arrayContaining(['api', 'hybrid']) as unknown });
    const audits = await stack.ds.query<{ actor: string; data: unknown }[]>(
      `SELECT actor, data FROM audit_events WHERE client_id = $1 AND action = 'account.lane_changed'`,
      [t.clientId],
    );
    expect(audits).toEqual([
      { actor: `user:${t.users.admin}`, data: { from: 'api', to: 'hybrid', allowedLanes: row.allowed_lanes } },
    ]);
  });

  it('on the hybrid lane an Admin chooses which side publishes; the choice is the profile’s and audited', async () => {
    const { t, account } = await world();
    const p = await attach(t, account.id);
    expect(p.hybridWriter).toBe('api');
    const wrongLane = await gql(t.users.admin, SET_HYBRID, { a: account.id, l: 'browser', w: 'browser' });
    expect(codeOf(wrongLane)).toBe('BAD_USER_INPUT');
    const r = await gql(t.users.admin, SET_HYBRID, { a: account.id, l: 'hybrid', w: 'browser' });
    expect(r.errors).toBeUndefined();
    const view = await gql(t.users.admin, BROWSER_PROFILE, { a: account.id });
    expect((view.data as { browserProfile: { hybridWriter: string } }).browserProfile.hybridWriter).toBe('browser');
    // Publishing through the page still needs side effects from two Admins: the choice changes no mode.
    expect(await modeOf(p.id)).toBe('read_only');
    const audits = await stack.ds.query<{ data: { hybridWriter?: string } }[]>(
      `SELECT data FROM audit_events WHERE client_id = $1 AND action = 'account.lane_changed' ORDER BY seq`,
      [t.clientId],
    );
    expect(audits.at(-1)?.data.hybridWriter).toBe('browser');
    const analyst = await gql(t.users.analyst, SET_HYBRID, { a: account.id, l: 'hybrid', w: 'api' });
    expect(codeOf(analyst)).toBe('FORBIDDEN');
  });

  it('a bad storage state is refused in words that never quote it', async () => {
    const { t, account } = await world();
    const s = secret();
    for (const text of [`{"cookies": [{"name": "sid", "value": "${s}"`, JSON.stringify({ cookies: [{ value: s }] })]) {
      const r = await gql(t.users.admin, ATTACH, { i: { platformAccountId: account.id, storageState: text } });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/storage state/);
    }
  });

  it('a detached profile is gone, its session with it', async () => {
    const { t, account } = await world();
    const p = await attach(t, account.id);
    expect((await gql(t.users.admin, DETACH, { p: p.id })).data).toEqual({ detachBrowserProfile: true });
    expect((await gql(t.users.admin, BROWSER_PROFILE, { a: account.id })).data).toEqual({ browserProfile: null });
    expect(codeOf(await gql(t.users.admin, REQUEST, { p: p.id }))).toBe('NOT_FOUND');
  });

  // Last: it reads every answer and audit row the tests above produced.
  it('[C-40] the storage state is in no answer and no audit row', async () => {
    expect(secrets.length).toBeGreaterThan(5);
    let everything = JSON.stringify(answers);
    for (const clientId of clients) everything += await auditText(stack, clientId);
    for (const s of secrets) expect(everything).not.toContain(s);
  });
});
