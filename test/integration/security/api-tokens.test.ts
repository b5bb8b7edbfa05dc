import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

interface TokenUse {
  last_used_at: Date | null;
  last_used_ip: string | null;
  last_used_user_agent: string | null;
}

describe('API tokens for scripts (C-09)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const bearer = async (token: string, query: string, variables?: Record<string, unknown>, ua = 'raize-script/1.0') => {
    const res = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'user-agent': ua },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };
  const create = async (actor: string, scopes: string[], expiresInDays = 30) => {
    const r = await stack.gql<{ createApiToken: { token: string; apiToken: { id: string; prefix: string } } }>(
      actor,
      'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id prefix scopes } } }',
      { i: { name: 'ci script', scopes, expiresInDays } },
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createApiToken;
  };

  it('[C-09] is random, shown once, stored as a hash, and records last use, IP and user agent', async () => {
    const t = await seedTenant(stack.ds);
    const a = await create(t.users.author, ['read']);
    const b = await create(t.users.author, ['read']);
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^rzt_[A-Za-z0-9_-]{40,}$/);
    expect(a.token.startsWith(a.apiToken.prefix)).toBe(true);
    const rows = await stack.ds.query<Record<string, unknown>[]>('SELECT * FROM api_tokens WHERE user_id = $1', [
      t.users.author,
    ]);
    expect(JSON.stringify(rows)).not.toContain(a.token);
    const listed = await stack.gql(t.users.author, '{ apiTokens { id prefix } }');
    expect(JSON.stringify(listed)).not.toContain(a.token);
    const r = await bearer(
      a.token,
      'query($c: ID!) { client(id: $c) { id } }',
      { c: t.clientId },
      'nightly-export/2.1',
    );
    expect(r.data?.client).toEqual({ id: t.clientId });
    const [used] = await stack.ds.query<TokenUse[]>(
      'SELECT last_used_at, last_used_ip, last_used_user_agent FROM api_tokens WHERE id = $1',
      [a.apiToken.id],
    );
    expect(used.last_used_at).not.toBeNull();
    expect(used.last_used_ip).toMatch(/127\.0\.0\.1/);
    expect(used.last_used_user_agent).toBe('nightly-export/2.1');
  });

  it("[C-09] is limited to its scopes, on top of its owner's role", async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Scoped');
    const readOnly = await create(t.users.author, ['read']);
    const schedule = 'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }';
    const vars = {
      i: {
        clientId: t.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    };
    const refused = await bearer(readOnly.token, schedule, vars);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/lacks the publish scope/);
    const publishing = await create(t.users.author, ['read', 'publish']);
    expect((await bearer(publishing.token, schedule, vars)).errors).toBeUndefined();
    // A token cannot grant more than its owner's role: the Analyst's admin-scoped token still cannot schedule.
    const analystAdmin = await create(t.users.analyst, ['admin']);
    expect((await bearer(analystAdmin.token, schedule, vars)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await bearer(publishing.token, 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', {
          i: { name: 'x', scopes: ['admin'], expiresInDays: 1 },
        })
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('[C-09] refuses revoked and expired tokens', async () => {
    const t = await seedTenant(stack.ds);
    const revoked = await create(t.users.author, ['read']);
    const expired = await create(t.users.author, ['read']);
    expect((await bearer(revoked.token, '{ whoami { id } }')).data).toBeDefined();
    await stack.gql(t.users.author, 'mutation($i: IdInput!) { revokeApiToken(input: $i) }', {
      i: { id: revoked.apiToken.id },
    });
    expect((await bearer(revoked.token, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await stack.ds.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expired.apiToken.id,
    ]);
    expect((await bearer(expired.token, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await bearer('rzt_made_up_token_value_that_does_not_exist_anywhere', '{ whoami { id } }')).errors?.[0].extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
  });
});
