import { randomUUID } from 'node:crypto';
import { PERMISSIONS } from '../../../services/api/auth/permissions';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { connectSandboxAccount } from '../../factories/connect-account';
import { databaseDigest, everyMutation, WALK_QUERY_LIMITS } from '../../factories/mutation-walk';
import { gqlAs, signIn } from '../../factories/operator-session';
import { createAsset, schedulePost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

/**
 * Mutations any signed-in operator may call whatever their role: they change only the caller's own sign-in,
 * sessions, API tokens (which carry at most the owner's role) or second factor, never a tenant's data.
 */
const OWN_ACCOUNT = new Set([
  'signIn',
  'completeSecondFactor',
  'signOut',
  'signOutEverywhere',
  'revokeSession',
  'createApiToken',
  'revokeApiToken',
  'enrollTotp',
  'confirmTotp',
]);

describe('roles and the permission matrix (C-03)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000', ...WALK_QUERY_LIMITS } });
  });
  afterAll(() => stack.close());

  it('[C-03] turning on side-effect automation needs an Admin; a Manager is refused and nothing changes', async () => {
    const t = await seedTenant(stack.ds);
    const q = 'mutation($i: UpdatePolicySettingsInput!) { updatePolicySettings(input: $i) { publishAutonomy } }';
    const manager = await stack.gql(t.users.approver, q, {
      i: { clientId: t.clientId, publishAutonomy: 'autonomous' },
    });
    expect(manager.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await stack.ds.query<{ autonomy: { publish: string } }[]>(
          'SELECT autonomy FROM client_policy_settings WHERE client_id = $1',
          [t.clientId],
        )
      )[0].autonomy.publish,
    ).toBe('assisted');
    const admin = await stack.gql(t.users.admin, q, { i: { clientId: t.clientId, publishAutonomy: 'autonomous' } });
    expect(admin.data?.updatePolicySettings).toEqual({ publishAutonomy: 'autonomous' });
    const audit: { action: string; actor: string }[] = await stack.ds.query(
      `SELECT action, actor FROM audit_events WHERE client_id = $1 AND action = 'policy.updated'`,
      [t.clientId],
    );
    expect(audit).toEqual([{ action: 'policy.updated', actor: `user:${t.users.admin}` }]);
  });

  it('[C-03] each role can do what the matrix says and nothing more', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Matrix');
    const roles = {
      Admin: t.users.admin,
      Manager: t.users.approver,
      Publisher: t.users.author,
      Reviewer: t.users.reviewer,
      Analyst: t.users.analyst,
    };
    const actions: [keyof typeof PERMISSIONS, string, Record<string, unknown>][] = [
      [
        'asset.write',
        'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }',
        { i: { clientId: t.clientId, text: 'by role' } },
      ],
      [
        'post.schedule',
        'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }',
        { i: { clientId: t.clientId, platformAccountId: acc.accountId, assetId: asset.id, scheduledAt: 'SLOT' } },
      ],
      [
        'account.connect',
        'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { state } }',
        { i: { clientId: t.clientId, platform: 'sandbox' } },
      ],
      [
        'killswitch.set',
        'mutation($i: SetKillSwitchInput!) { setKillSwitch(input: $i) { id } }',
        { i: { scope: 'account', scopeId: acc.accountId, engaged: false } },
      ],
      [
        'policy.update',
        'mutation($i: UpdatePolicySettingsInput!) { updatePolicySettings(input: $i) { clientId } }',
        { i: { clientId: t.clientId, maxPublishesPerAccountPerDay: 20 } },
      ],
      ['client.read', 'query($c: ID!) { client(id: $c) { id } }', { c: t.clientId }],
    ];
    let slot = 0;
    for (const [permission, query, vars] of actions) {
      for (const [role, user] of Object.entries(roles)) {
        const v = JSON.parse(
          JSON.stringify(vars).replace('SLOT', new Date(Date.UTC(2031, 0, 1, 0, slot++)).toISOString()),
        ) as typeof vars;
        const r = await stack.gql(user, query, v);
        const allowed = (PERMISSIONS[permission] as readonly string[]).includes(role);
        if (allowed) expect({ permission, role, errors: r.errors }).toEqual({ permission, role, errors: undefined });
        else
          expect({ permission, role, code: r.errors?.[0].extensions?.code }).toEqual({
            permission,
            role,
            code: 'FORBIDDEN',
          });
      }
    }
  });

  it('[C-03] an Analyst session (real sign-in and CSRF token) is refused on every mutation that changes a tenant', async () => {
    const t = await seedTenant(stack.ds);
    const b = new TenantBootstrap(stack.ds);
    const email = `analyst-${randomUUID().slice(0, 8)}@example.test`;
    const analyst = (await b.createUser(email, 'Agency Analyst')).id;
    await b.grant(analyst, t.agencyId, 'Analyst');
    await b.setPassword(analyst, 'a long enough passphrase for analysts');
    const { session } = await signIn(stack, email, 'a long enough passphrase for analysts');
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Analysts only look');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 86_400,
    });
    // This agency's real objects, so that a call the role check let through would act.
    const mutations = (
      await everyMutation(stack.apiUrl, {
        clientId: t.clientId,
        agencyId: t.agencyId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        postId: post.id,
        assetChecksum: asset.checksum,
        scope: 'client',
        scopeId: t.clientId,
        engaged: true,
        publishAutonomy: 'autonomous',
        fourEyes: false,
        text: 'rewritten by an Analyst',
        name: 'made by an Analyst',
        timezone: 'Europe/Berlin',
        scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        platform: 'sandbox',
      })
    ).filter((m) => !OWN_ACCOUNT.has(m.name));
    expect(mutations.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'createAsset',
        'updateAssetText',
        'schedulePost',
        'approvePost',
        'rejectPost',
        'cancelPost',
        'reschedulePost',
        'startPlatformConnect',
        'setKillSwitch',
        'updatePolicySettings',
        'createClient',
      ]),
    );
    const before = await databaseDigest(stack.ds);
    const answers = [];
    for (const m of mutations) {
      const r = await gqlAs(stack, session, m.query, m.variables);
      // A mutation whose arguments the walk had to invent (an attempt id nobody started) may not find its object.
      const refusals = m.invented.length ? ['FORBIDDEN', 'NOT_FOUND'] : ['FORBIDDEN'];
      const code = r.errors?.[0].extensions?.code;
      answers.push({ mutation: m.name, refused: !!code && refusals.includes(code) && !r.data?.[m.name], code });
    }
    expect(answers.filter((a) => !a.refused)).toEqual([]);
    expect(await databaseDigest(stack.ds)).toEqual(before);
    // The session itself works: the refusals are the role's, not a broken sign-in or a missing CSRF token.
    expect((await gqlAs(stack, session, 'query($c: ID!) { client(id: $c) { id } }', { c: t.clientId })).data).toEqual({
      client: { id: t.clientId },
    });
  });
});
