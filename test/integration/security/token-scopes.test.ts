import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { connectSandboxAccount } from '../../factories/connect-account';
import { userEmail } from '../../factories/db-reads';
import { databaseDigest, everyMutation, WALK_QUERY_LIMITS } from '../../factories/mutation-walk';
import { gqlAs, signIn } from '../../factories/operator-session';
import { createAsset, schedulePost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

type Answer = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

/**
 * Mutations a `read` token may call because they change nothing. None today: sign-out would end nothing a token
 * holds, and every other mutation changes a tenant's data or the owner's account. Add one here only with its reason.
 */
const CHANGES_NOTHING: string[] = [];

describe('API token scopes on every mutation (C-09)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000', ...WALK_QUERY_LIMITS } });
  });
  afterAll(() => stack.close());

  const bearer = async (token: string, query: string, variables?: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Answer;
  };
  const createToken = async (actor: string, scopes: string[]) => {
    const r = await stack.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      actor,
      'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id } } }',
      { i: { name: `scopes ${scopes.join(' ')}`, scopes, expiresInDays: 1 } },
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createApiToken;
  };
  const policyOf = async (clientId: string) =>
    (
      await stack.ds.query<{ autonomy: { publish: string }; four_eyes: boolean }[]>(
        'SELECT autonomy, four_eyes FROM client_policy_settings WHERE client_id = $1',
        [clientId],
      )
    )[0];

  it('[C-09] a read-scoped token of an Admin is refused on every mutation of the schema, and nothing changes', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Read tokens read');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 86_400,
    });
    // The owner is the client's Admin: the role allows every one of these, so only the token's scope can refuse.
    const read = await createToken(t.users.admin, ['read']);
    const spare = await createToken(t.users.admin, ['read']);
    // Real objects of this tenant wherever a mutation names one, so a call the scope check let through would act.
    const known: Record<string, unknown> = {
      clientId: t.clientId,
      agencyId: t.agencyId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      postId: post.id,
      assetChecksum: asset.checksum,
      id: spare.apiToken.id,
      scope: 'client',
      scopeId: t.clientId,
      engaged: true,
      publishAutonomy: 'autonomous',
      fourEyes: false,
      text: 'rewritten by a read token',
      name: 'made by a read token',
      timezone: 'Europe/Berlin',
      scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      scopes: ['admin'],
      expiresInDays: 30,
      email: await userEmail(stack.ds, t.users.admin),
      password: 'not the password',
      platform: 'sandbox',
    };
    const mutations = await everyMutation(stack.apiUrl, known);
    expect(mutations.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'updatePolicySettings',
        'setKillSwitch',
        'schedulePost',
        'approvePost',
        'createAsset',
        'startPlatformConnect',
        'signOut',
        'signOutEverywhere',
        'revokeSession',
        'createApiToken',
        'revokeApiToken',
        'signIn',
      ]),
    );
    const before = await databaseDigest(stack.ds);
    const letThrough: unknown[] = [];
    for (const m of mutations) {
      const r = await bearer(read.token, m.query, m.variables);
      const refused =
        r.errors?.[0].extensions?.code === 'FORBIDDEN' && /API token/.test(r.errors[0].message) && !r.data?.[m.name];
      if (refused === CHANGES_NOTHING.includes(m.name)) letThrough.push({ mutation: m.name, answer: r });
    }
    expect(letThrough).toEqual([]);
    expect(await databaseDigest(stack.ds)).toEqual(before);
    expect(await policyOf(t.clientId)).toMatchObject({ autonomy: { publish: 'assisted' }, four_eyes: true });
    // The token it could have revoked still works.
    expect(
      (await bearer(spare.token, 'query($c: ID!) { client(id: $c) { id } }', { c: t.clientId })).errors,
    ).toBeUndefined();
  });

  it('[C-09] [C-03] autonomy and four eyes need policy.update: the admin scope, not publish + approve', async () => {
    const t = await seedTenant(stack.ds);
    const q = `mutation($i: UpdatePolicySettingsInput!) { updatePolicySettings(input: $i) { publishAutonomy fourEyes } }`;
    const vars = { i: { clientId: t.clientId, publishAutonomy: 'autonomous', fourEyes: false } };
    const everyButAdmin = await createToken(t.users.admin, ['read', 'publish', 'approve']);
    const refused = await bearer(everyButAdmin.token, q, vars);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'this API token lacks the admin scope',
    });
    expect(await policyOf(t.clientId)).toMatchObject({ autonomy: { publish: 'assisted' }, four_eyes: true });
    // A Manager's admin token is still refused: the permission is the Admin's (the role, on top of the scope).
    const managerAdmin = await createToken(t.users.approver, ['admin']);
    expect((await bearer(managerAdmin.token, q, vars)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await createToken(t.users.admin, ['admin']);
    expect((await bearer(admin.token, q, vars)).data?.updatePolicySettings).toEqual({
      publishAutonomy: 'autonomous',
      fourEyes: false,
    });
  });

  it('[C-09] sign-out, session and token mutations check the scope: a read token ends no session and revokes no token', async () => {
    const t = await seedTenant(stack.ds);
    await new TenantBootstrap(stack.ds).setPassword(t.users.author, 'a long enough passphrase for scopes');
    const { session } = await signIn(
      stack,
      await userEmail(stack.ds, t.users.author),
      'a long enough passphrase for scopes',
    );
    const read = await createToken(t.users.author, ['read', 'publish', 'approve']);
    const other = await createToken(t.users.author, ['read']);
    const [{ id: sessionId }] = await stack.ds.query<{ id: string }[]>(
      'SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL',
      [t.users.author],
    );
    for (const [query, variables] of [
      ['mutation { signOutEverywhere }', undefined],
      ['mutation($i: IdInput!) { revokeSession(input: $i) }', { i: { id: sessionId } }],
      ['mutation($i: IdInput!) { revokeApiToken(input: $i) }', { i: { id: other.apiToken.id } }],
      ['mutation { signOut }', undefined],
    ] as const) {
      const r = await bearer(read.token, query, variables);
      expect({ query, code: r.errors?.[0].extensions?.code }).toEqual({ query, code: 'FORBIDDEN' });
    }
    expect((await gqlAs(stack, session, '{ whoami { id } }')).data).toEqual({ whoami: { id: t.users.author } });
    expect((await bearer(other.token, '{ whoami { id } }')).data).toEqual({ whoami: { id: t.users.author } });
    // With the admin scope, a script may revoke a leaked token of its owner.
    const admin = await createToken(t.users.author, ['admin']);
    const revoked = await bearer(admin.token, 'mutation($i: IdInput!) { revokeApiToken(input: $i) }', {
      i: { id: other.apiToken.id },
    });
    expect(revoked).toEqual({ data: { revokeApiToken: true } });
    expect((await bearer(other.token, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
