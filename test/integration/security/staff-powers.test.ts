import { randomUUID } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { PlatformStaffBootstrap } from '../../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { connectSandboxAccount } from '../../factories/connect-account';
import { userEmail } from '../../factories/db-reads';
import type { BrowserSession } from '../../factories/operator-session';
import { gqlAs, signIn } from '../../factories/operator-session';
import { createAsset, schedulePost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, testEnv } from '../../harness/test-env';
import { asAppRole } from '../../factories/app-role';

const UI_ORIGIN = 'http://127.0.0.1:18234';
const PASSWORD = 'a long enough passphrase for staff';

type Answer = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
type GlobalRow = { engaged: boolean; reason: string | null; set_by: string | null; updated_at: Date };

describe('platform staff powers (C-04, C-14)', () => {
  let stack: TestStack;
  let staffId: string;
  let staffSession: BrowserSession;
  let globalBefore: GlobalRow | undefined;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { TEMPORAL_UI_URL: UI_ORIGIN, RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' },
    });
    globalBefore = (await globalRow())[0];
    const b = new TenantBootstrap(stack.ds);
    const email = `staff-${randomUUID().slice(0, 8)}@raize.test`;
    staffId = (await b.createUser(email, 'Platform Engineer')).id;
    await b.setPassword(staffId, PASSWORD);
    // What `npm run staff -- grant <email>` does, with the owner's connection.
    expect(await new PlatformStaffBootstrap(stack.ds).grant(email, 'test')).toEqual({ userId: staffId, granted: true });
    staffSession = (await signIn(stack, email, PASSWORD)).session;
  });
  afterAll(async () => {
    // The global switch stops every test after this one: leave it as it was found.
    await stack.ds.query(`UPDATE kill_switches SET engaged = $1 WHERE scope = 'global'`, [
      globalBefore?.engaged ?? false,
    ]);
    await stack.close();
  });

  const globalRow = () =>
    stack.ds.query<GlobalRow[]>(
      `SELECT engaged, reason, set_by, updated_at FROM kill_switches WHERE scope = 'global' AND scope_id = '*'`,
    );
  const bearer = async (token: string, query: string, variables?: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Answer;
  };
  const createToken = async (actor: string, scopes: string[]): Promise<Answer> =>
    stack.gql(actor, 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', {
      i: { name: `scopes ${scopes.join(' ')}`, scopes, expiresInDays: 1 },
    });
  const tokenOf = (r: Answer): string => {
    const token = (r.data?.createApiToken as { token?: string } | undefined)?.token;
    if (!token) throw new Error(JSON.stringify(r.errors));
    return token;
  };
  const setGlobal = 'mutation($i: SetKillSwitchInput!) { setKillSwitch(input: $i) { scope engaged } }';
  const globalInput = (engaged: boolean) => ({ i: { scope: 'global', engaged, reason: 'staff powers test' } });
  const signInAs = async (userId: string) => {
    await new TenantBootstrap(stack.ds).setPassword(userId, PASSWORD);
    return (await signIn(stack, await userEmail(stack.ds, userId), PASSWORD)).session;
  };

  it('[C-04] an agency Admin can neither engage nor release the global kill switch; platform staff can', async () => {
    const t = await seedTenant(stack.ds);
    const admin = await signInAs(t.users.admin);
    const adminToken = tokenOf(await createToken(t.users.admin, ['admin']));
    try {
      const refused = await gqlAs(stack, admin, setGlobal, globalInput(true));
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
        message: 'only platform staff may engage or release the global kill switch',
      });
      expect((await bearer(adminToken, setGlobal, globalInput(true))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await globalRow()).toEqual(globalBefore ? [globalBefore] : []);

      const engaged = await gqlAs(stack, staffSession, setGlobal, globalInput(true));
      expect(engaged).toEqual({ data: { setKillSwitch: { scope: 'global', engaged: true } } });
      // Releasing a stop the platform's staff engaged is no agency's call either.
      const release = await gqlAs(stack, admin, setGlobal, globalInput(false));
      expect(release.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await bearer(adminToken, setGlobal, globalInput(false))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // A staff member's everyday admin token carries no staff power; a token with the staff scope does.
      const everyday = tokenOf(await createToken(staffId, ['admin']));
      expect((await bearer(everyday, setGlobal, globalInput(false))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await globalRow())[0]).toMatchObject({ engaged: true, set_by: staffId });
      const staffToken = tokenOf(await createToken(staffId, ['admin', 'staff']));
      expect(await bearer(staffToken, setGlobal, globalInput(false))).toEqual({
        data: { setKillSwitch: { scope: 'global', engaged: false } },
      });
      const audit = await stack.ds.query<{ action: string; actor: string }[]>(
        `SELECT action, actor FROM audit_events WHERE subject_type = 'kill_switch' AND data->>'scope' = 'global'
           AND actor IN ($1, $2) ORDER BY created_at`,
        [`user:${staffId}`, `user:${t.users.admin}`],
      );
      expect(audit.slice(-2)).toEqual([
        { action: 'killswitch.engaged', actor: `user:${staffId}` },
        { action: 'killswitch.released', actor: `user:${staffId}` },
      ]);
    } finally {
      await stack.ds.query(`UPDATE kill_switches SET engaged = false WHERE scope = 'global'`);
    }
  });

  it("[C-04] row-level security refuses the app role's writes of the global row in an Admin's scope, and allows staff", async () => {
    const t = await seedTenant(stack.ds);
    await stack.ds.query(
      `INSERT INTO kill_switches (scope, scope_id, engaged) VALUES ('global', '*', false) ON CONFLICT (scope, scope_id) DO NOTHING`,
    );
    const before = await globalRow();
    await asAppRole(async (c) => {
      // The whole scope the API gives this agency's Admin.
      await c.query(
        `SELECT set_config('raize.actor_id', $1, false), set_config('raize.agency_ids', $2, false),
                set_config('raize.client_ids', $3, false), set_config('raize.member_agency_ids', $2, false)`,
        [t.users.admin, `{${t.agencyId}}`, `{${t.clientId}}`],
      );
      expect((await c.query(`SELECT engaged FROM kill_switches WHERE scope = 'global'`)).rowCount).toBe(1);
      await expect(
        c.query(
          `INSERT INTO kill_switches (scope, scope_id, engaged, set_by) VALUES ('global', '*', true, $1)
             ON CONFLICT (scope, scope_id) DO UPDATE SET engaged = true`,
          [t.users.admin],
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        c.query(`INSERT INTO kill_switches (scope, scope_id, engaged) VALUES ('global', $1, true)`, [randomUUID()]),
      ).rejects.toThrow(/row-level security/);
      expect((await c.query(`UPDATE kill_switches SET engaged = true WHERE scope = 'global'`)).rowCount).toBe(0);
      expect((await c.query(`DELETE FROM kill_switches WHERE scope = 'global'`)).rowCount).toBe(0);
      // Its own agency's switch stays the Admin's to write.
      await c.query('BEGIN');
      await c.query(`INSERT INTO kill_switches (scope, scope_id, agency_id, engaged) VALUES ('agency', $1, $2, true)`, [
        t.agencyId,
        t.agencyId,
      ]);
      await c.query('ROLLBACK');
      // Staff, with no agency at all, may write the global row.
      await c.query(
        `SELECT set_config('raize.actor_id', $1, false), set_config('raize.agency_ids', '{}', false),
                set_config('raize.client_ids', '{}', false), set_config('raize.member_agency_ids', '{}', false)`,
        [staffId],
      );
      await c.query('BEGIN');
      expect((await c.query(`UPDATE kill_switches SET reason = 'rls probe' WHERE scope = 'global'`)).rowCount).toBe(1);
      await c.query('ROLLBACK');
    });
    expect(await globalRow()).toEqual(before);
  });

  describe('[C-14] payload decoding and Temporal links are for platform staff', () => {
    let encrypted: Payload;
    beforeAll(async () => {
      [encrypted] = await dataConverterFor(stack.dataDir).payloadCodecs![0].encode([
        {
          metadata: { encoding: new Uint8Array(Buffer.from('json/plain')) },
          data: new Uint8Array(Buffer.from('{"tenant":"secret words"}')),
        },
      ]);
    });
    const decode = (auth: { cookie?: string; bearer?: string }) =>
      fetch(`${stack.apiUrl}/codec/decode`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-namespace': testEnv().namespace,
          // A cookie comes from Temporal Web in the browser, whose Origin stands in for the CSRF token (C-14).
          ...(auth.cookie ? { cookie: auth.cookie, origin: UI_ORIGIN } : {}),
          ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}),
        },
        body: JSON.stringify({
          payloads: [
            {
              metadata: Object.fromEntries(
                Object.entries(encrypted.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')]),
              ),
              data: Buffer.from(encrypted.data ?? new Uint8Array()).toString('base64'),
            },
          ],
        }),
      });

    it('[C-14] the codec endpoint decodes for a staff session or staff token only; an agency Admin gets 403', async () => {
      const t = await seedTenant(stack.ds);
      const admin = await signInAs(t.users.admin);
      const adminToken = tokenOf(await createToken(t.users.admin, ['admin']));
      for (const [who, auth] of [
        ['agency Admin session', { cookie: admin.cookie }],
        ['agency Admin admin token', { bearer: adminToken }],
        ["staff member's token without the staff scope", { bearer: tokenOf(await createToken(staffId, ['admin'])) }],
      ] as const) {
        const res = await decode(auth);
        const text = await res.text();
        expect({ who, status: res.status, leaked: text.includes('secret words') }).toEqual({
          who,
          status: 403,
          leaked: false,
        });
      }
      // Only staff can make a staff token.
      const notStaff = await createToken(t.users.admin, ['staff']);
      expect(notStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(
        await stack.ds.query(`SELECT 1 FROM api_tokens WHERE user_id = $1 AND 'staff' = ANY (scopes)`, [t.users.admin]),
      ).toEqual([]);
      for (const auth of [
        { cookie: staffSession.cookie },
        { bearer: tokenOf(await createToken(staffId, ['staff'])) },
      ]) {
        const res = await decode(auth);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { payloads: { data: string }[] };
        expect(Buffer.from(body.payloads[0].data, 'base64').toString()).toBe('{"tenant":"secret words"}');
      }
    });

    it('[C-14] a post links to Temporal Web for staff only, and whoami says who is staff', async () => {
      const t = await seedTenant(stack.ds);
      // Staff see this client's posts through an ordinary role; the link comes with staff, not with the role.
      await new TenantBootstrap(stack.ds).grant(staffId, t.agencyId, 'Analyst');
      const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
      const asset = await createAsset(stack, t.users.author, t.clientId, 'Linked for staff');
      const post = await schedulePost(stack, t.users.author, {
        clientId: t.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        inSeconds: 86_400,
      });
      const q = 'query($id: ID!) { post(id: $id) { workflowId temporalUrl } whoami { staff } }';
      const admin = await gqlAs(stack, await signInAs(t.users.admin), q, { id: post.id });
      expect(admin.data).toEqual({
        post: { workflowId: post.workflowId, temporalUrl: null },
        whoami: { staff: false },
      });
      const staff = await gqlAs(stack, staffSession, q, { id: post.id });
      expect(staff.data).toEqual({
        post: {
          workflowId: post.workflowId,
          temporalUrl: `${UI_ORIGIN}/namespaces/${testEnv().namespace}/workflows/${encodeURIComponent(post.workflowId)}`,
        },
        whoami: { staff: true },
      });
      const everyday = tokenOf(await createToken(staffId, ['read']));
      expect((await bearer(everyday, q, { id: post.id })).data).toEqual({
        post: { workflowId: post.workflowId, temporalUrl: null },
        whoami: { staff: false },
      });
    });
  });
});
