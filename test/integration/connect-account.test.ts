import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountFingerprint } from '../../services/core/connectors/content-fingerprint';
import { PlatformAccount } from '../../services/core/database/entities';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import type { SeededTenant } from '../factories/tenant.factory';
import { seedTenant } from '../factories/tenant.factory';
import { connectSandboxAccount } from '../factories/connect-account';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { testEnv } from '../harness/test-env';

describe('connecting a sandbox account through GraphQL and OAuth + PKCE', () => {
  let stack: TestStack;
  let t: SeededTenant;
  beforeAll(async () => {
    stack = await startTestStack();
    t = await seedTenant(stack.ds);
  });
  afterAll(() => stack.close());

  it('[C-12] stores the fingerprint the platform reports at /me, bound to the client', async () => {
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const row = await stack.ds.getRepository(PlatformAccount).findOneOrFail({ where: { id: acc.accountId } });
    expect(row.clientId).toBe(t.clientId);
    expect(row.externalAccountId).toBe(acc.sandboxUserId);
    expect(row.fingerprint).toBe(accountFingerprint('sandbox', acc.sandboxUserId));
    expect(row.status).toBe('connected');
    const listed = await stack.gql<{ platformAccounts: { id: string; fingerprint: string; handle: string }[] }>(
      t.users.analyst,
      'query($c: ID!) { platformAccounts(clientId: $c) { id fingerprint handle } }',
      { c: t.clientId },
    );
    expect(listed.data?.platformAccounts).toEqual([
      { id: acc.accountId, fingerprint: row.fingerprint, handle: acc.handle },
    ]);
  });

  it('refuses a used or forged state with a clear page and saves nothing', async () => {
    const before = await stack.ds.getRepository(PlatformAccount).count();
    const res = await fetch(`${stack.apiUrl}/oauth/sandbox/callback?state=forged&code=abc`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/unknown, used or expired/);
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    expect(await stack.ds.getRepository(PlatformAccount).count()).toBe(before);
  });

  it("[C-02] answers another agency's client exactly like a missing one", async () => {
    const other = await seedTenant(stack.ds);
    const q = 'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { state } }';
    const foreign = await stack.gql(t.users.admin, q, { i: { clientId: other.clientId, platform: 'sandbox' } });
    const missing = await stack.gql(t.users.admin, q, {
      i: { clientId: '00000000-0000-4000-8000-000000000000', platform: 'sandbox' },
    });
    expect(foreign.errors?.[0]).toEqual(missing.errors?.[0]);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers bad input with clear GraphQL errors, never a stack trace', async () => {
    const res = await stack.gql(t.users.admin, 'mutation($i: CreateClientInput!) { createClient(input: $i) { id } }', {
      i: { agencyId: 'nope', name: '', timezone: 'Mars/Olympus' },
    });
    const msg = res.errors?.[0].message ?? '';
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(msg).toMatch(/agencyId must be a UUID/);
    expect(msg).toMatch(/timezone must be an IANA time zone/);
    expect(JSON.stringify(res)).not.toMatch(/\.ts:\d+|stacktrace/i);
    const anon = await stack.gql(null, '{ clients { id } }');
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('[C-11] a dump of every table contains no token, verifier or key', async () => {
    await connectSandboxAccount(stack, t.users.admin, t.clientId);
    // The secret values, read from the keyring: they must appear nowhere in the database.
    const keyring = JSON.parse(readFileSync(join(stack.dataDir, 'keyring.json'), 'utf8')) as {
      entries: Record<string, unknown>;
    };
    const refs: { secret_key: string }[] = await stack.ds.query(
      'SELECT secret_key FROM credential_refs WHERE client_id = $1',
      [t.clientId],
    );
    expect(refs.length).toBeGreaterThanOrEqual(2);
    const secrets = createSecrets({ dataDir: stack.dataDir });
    const values: string[] = [];
    for (const r of refs) {
      const tokens = JSON.parse(await secrets.get(r.secret_key)) as { accessToken: string; refreshToken?: string };
      values.push(tokens.accessToken);
      if (tokens.refreshToken) values.push(tokens.refreshToken);
    }
    values.push(readFileSync(join(stack.dataDir, 'master.key'), 'utf8').trim());
    expect(Object.keys(keyring.entries).length).toBeGreaterThan(0);
    const pg = new Client({ connectionString: testEnv().databaseUrl });
    await pg.connect();
    try {
      const tables: { tablename: string }[] = (
        await pg.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)
      ).rows;
      let dump = '';
      for (const { tablename } of tables) dump += JSON.stringify((await pg.query(`SELECT * FROM "${tablename}"`)).rows);
      expect(dump.length).toBeGreaterThan(1000);
      for (const v of values) {
        expect(v.length).toBeGreaterThan(10);
        expect(dump.includes(v)).toBe(false);
      }
    } finally {
      await pg.end();
    }
  });
});
