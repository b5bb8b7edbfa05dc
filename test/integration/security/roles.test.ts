import { PERMISSIONS } from '../../../services/api/auth/permissions';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

describe('roles and the permission matrix (C-03)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
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
});
