import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { accountFingerprint } from '../../services/core/connectors/content-fingerprint';
import { AuditEvent, OAuthAttempt, PlatformAccount } from '../../services/core/database/entities';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { readOptionalSecret } from '../../services/core/secrets/secrets.port';
import type { SeededTenant } from '../factories/tenant.factory';
import { seedTenant } from '../factories/tenant.factory';
import type { ConnectCaller } from '../factories/connect-account';
import {
  authorizeAtSandbox,
  CONFIRM_CONNECT,
  connectGql,
  connectSandboxAccount,
  createSandboxBrand,
  openCallback,
  startConnect,
} from '../factories/connect-account';
import type { BrowserSession } from '../factories/operator-session';
import { signIn } from '../factories/operator-session';
import { userEmail } from '../factories/db-reads';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { testEnv } from '../harness/test-env';

describe('connecting a sandbox account through GraphQL and OAuth + PKCE', () => {
  let stack: TestStack;
  let t: SeededTenant;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
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

describe('[C-12] the connect flow is bound to the browser session that started it', () => {
  const PASSWORD = 'a long enough passphrase for connect tests';
  let stack: TestStack;
  let t: SeededTenant;
  let operator: BrowserSession;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
    t = await seedTenant(stack.ds);
    operator = await sessionOf(t.users.admin);
  });
  afterAll(() => stack.close());

  async function sessionOf(userId: string): Promise<BrowserSession> {
    await new TenantBootstrap(stack.ds).setPassword(userId, PASSWORD);
    const { session, body } = await signIn(stack, await userEmail(stack.ds, userId), PASSWORD);
    const csrf = (body as { data?: { signIn?: { csrfToken?: string } } }).data?.signIn?.csrfToken;
    if (!csrf) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
    return { ...session, csrf };
  }

  const accountsOf = (clientId: string) => stack.ds.getRepository(PlatformAccount).count({ where: { clientId } });
  const attempt = (id: string) => stack.ds.getRepository(OAuthAttempt).findOneByOrFail({ id });
  const heldTokens = (attemptId: string) =>
    readOptionalSecret(createSecrets({ dataDir: stack.dataDir }), `oauth/pending/${attemptId}`);
  // A yes or no, so a failing assertion never prints the tokens themselves.
  const holdsTokens = async (attemptId: string) => (await heldTokens(attemptId)) !== undefined;
  const confirm = (caller: ConnectCaller, attemptId: string) =>
    connectGql<{ confirmPlatformConnect: { id: string; handle: string } }>(stack, caller, CONFIRM_CONNECT, {
      i: { attemptId },
    }).then((r) => r.body);

  /** Start as the operator and sign the brand in at the platform: the redirect back, not yet followed. */
  async function authorized(caller: ConnectCaller = operator, clientId = t.clientId) {
    const brand = await createSandboxBrand(stack);
    const started = await startConnect(stack, caller, clientId);
    const location = await authorizeAtSandbox(stack, started.authorizeUrl, brand.username);
    return { brand, started, location };
  }

  it('[C-12] sets a short-lived, HttpOnly, Secure, SameSite=Lax cookie scoped to the callback, holding no state', async () => {
    const res = await connectGql<{ startPlatformConnect: { state: string } }>(
      stack,
      operator,
      'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { state } }',
      { i: { clientId: t.clientId, platform: 'sandbox' } },
    );
    const state = res.body.data!.startPlatformConnect.state;
    const cookie = res.res.headers.getSetCookie().find((c) => c.startsWith('__Secure-raize_connect='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Path=\/oauth\/sandbox\/callback/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(Number(/Max-Age=(\d+)/.exec(cookie!)?.[1])).toBeLessThanOrEqual(600);
    expect(cookie).not.toContain(state);
  });

  it("[C-12] a callback from another browser (the victim's cookie jar) with the genuine state stores nothing", async () => {
    const other = await seedTenant(stack.ds);
    const victim = await sessionOf(other.users.admin);
    const { started, location } = await authorized();
    const before = await accountsOf(t.clientId);
    // The brand's manager follows the genuine link: their browser has no binding cookie (and no Raize
    // session, or one of their own agency's): nothing is exchanged, nothing stored.
    for (const jar of ['', victim.cookie]) {
      const res = await openCallback(location, jar);
      expect(res.status).toBe(403);
      expect(res.html).toMatch(/started in another browser; nothing was saved/);
    }
    expect(await accountsOf(t.clientId)).toBe(before);
    expect(await accountsOf(other.clientId)).toBe(0);
    const a = await attempt(started.attemptId);
    expect(a.status).toBe('started');
    expect(a.handle).toBeNull();
    expect(await holdsTokens(started.attemptId)).toBe(false);
    // Nothing waits for a confirmation either.
    const confirmed = await confirm(operator, started.attemptId);
    expect(confirmed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await accountsOf(t.clientId)).toBe(before);
  });

  it('[C-12] a callback carrying the binding cookie but another sign-in session is refused', async () => {
    const { started, location } = await authorized();
    const second = await sessionOf(t.users.admin); // the same operator, another session (or a stolen cookie)
    const res = await openCallback(location, `${started.callbackCookie}; ${second.cookie}`);
    expect(res.status).toBe(403);
    expect(res.html).toMatch(/belongs to another sign-in session/);
    expect((await attempt(started.attemptId)).status).toBe('started');
    expect(await holdsTokens(started.attemptId)).toBe(false);
  });

  it('[C-12] the state is single-use: a replayed redirect is refused, also when both arrive at once', async () => {
    const { started, location } = await authorized();
    const cookie = `${started.callbackCookie}; ${operator.cookie}`;
    const answers = await Promise.all([openCallback(location, cookie), openCallback(location, cookie)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    expect(answers.find((a) => a.status === 400)!.html).toMatch(/already used/);
    const replay = await openCallback(location, cookie);
    expect(replay.status).toBe(400);
    expect(replay.html).toMatch(/already used/);
    expect((await attempt(started.attemptId)).status).toBe('awaiting_confirmation');
    // The confirmation is single-use too.
    expect((await confirm(operator, started.attemptId)).data?.confirmPlatformConnect.id).toBeDefined();
    const again = await confirm(operator, started.attemptId);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('[C-12] an expired state is refused at the callback, and an unconfirmed attempt loses its tokens', async () => {
    const first = await authorized();
    await stack.ds.query(`UPDATE oauth_attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      first.started.attemptId,
    ]);
    const before = await accountsOf(t.clientId);
    const res = await openCallback(first.location, `${first.started.callbackCookie}; ${operator.cookie}`);
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/expired; start connecting again/);
    expect((await attempt(first.started.attemptId)).callbackAt).toBeNull();

    // Authorized and called back in time, but never confirmed: the held tokens go when the attempt expires.
    const second = await authorized();
    expect((await openCallback(second.location, `${second.started.callbackCookie}; ${operator.cookie}`)).status).toBe(
      200,
    );
    expect(await holdsTokens(second.started.attemptId)).toBe(true);
    await stack.ds.query(`UPDATE oauth_attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      second.started.attemptId,
    ]);
    const late = await confirm(operator, second.started.attemptId);
    expect(late.errors?.[0].message).toMatch(/expired/);
    expect(await holdsTokens(second.started.attemptId)).toBe(false);
    expect((await attempt(second.started.attemptId)).status).toBe('expired');
    expect((await attempt(first.started.attemptId)).status).toBe('expired');
    expect(await accountsOf(t.clientId)).toBe(before);
  });

  it('[C-12] the callback shows "connect @handle to client X?" and binds only when the starting session confirms', async () => {
    const { brand, started, location } = await authorized();
    const before = await accountsOf(t.clientId);
    const res = await openCallback(location, `${started.callbackCookie}; ${operator.cookie}`);
    expect(res.status).toBe(200);
    expect(res.html).toContain(`data-testid="handle">${brand.handle}<`);
    expect(res.html).toMatch(/data-testid="client-name">[^<]+</);
    expect(await accountsOf(t.clientId)).toBe(before);
    // The tokens wait in the secrets backend, not in the database.
    const held = JSON.parse((await heldTokens(started.attemptId))!) as { accessToken: string };
    const row = JSON.stringify(await stack.ds.query('SELECT * FROM oauth_attempts WHERE id = $1', [started.attemptId]));
    expect(row).not.toContain(held.accessToken);

    const pending = await connectGql<{ pendingPlatformConnects: { attemptId: string; handle: string }[] }>(
      stack,
      operator,
      'query($c: ID!) { pendingPlatformConnects(clientId: $c) { attemptId handle clientName } }',
      { c: t.clientId },
    );
    expect(pending.body.data?.pendingPlatformConnects).toContainEqual(
      expect.objectContaining({ attemptId: started.attemptId, handle: brand.handle }),
    );
    // Another session of the same operator, a dev-token caller and another agency's Admin cannot confirm it.
    const second = await sessionOf(t.users.admin);
    expect((await confirm(second, started.attemptId)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await confirm(t.users.admin, started.attemptId)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stranger = await seedTenant(stack.ds);
    expect((await confirm(stranger.users.admin, started.attemptId)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Without its CSRF token the confirmation is refused too.
    const noCsrf = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: operator.cookie },
      body: JSON.stringify({ query: CONFIRM_CONNECT, variables: { i: { attemptId: started.attemptId } } }),
    }).then((r) => r.json() as Promise<{ errors?: { extensions?: { code?: string } }[] }>);
    expect(noCsrf.errors?.[0].extensions?.code).toBe('CSRF_REQUIRED');
    expect(await accountsOf(t.clientId)).toBe(before);

    const confirmed = await confirm(operator, started.attemptId);
    expect(confirmed.data?.confirmPlatformConnect.handle).toBe(brand.handle);
    const account = await stack.ds
      .getRepository(PlatformAccount)
      .findOneByOrFail({ id: confirmed.data!.confirmPlatformConnect.id });
    expect(account.clientId).toBe(t.clientId);
    expect(account.externalAccountId).toBe(brand.id);
    expect(await holdsTokens(started.attemptId)).toBe(false);
  });

  it('[C-12] "not this account": cancelling deletes the held tokens and binds nothing', async () => {
    const { started, location } = await authorized();
    const before = await accountsOf(t.clientId);
    expect((await openCallback(location, `${started.callbackCookie}; ${operator.cookie}`)).status).toBe(200);
    expect(await holdsTokens(started.attemptId)).toBe(true);
    const cancelled = await connectGql<{ cancelPlatformConnect: boolean }>(
      stack,
      operator,
      'mutation($i: ConnectAttemptInput!) { cancelPlatformConnect(input: $i) }',
      { i: { attemptId: started.attemptId } },
    );
    expect(cancelled.body.data?.cancelPlatformConnect).toBe(true);
    expect(await holdsTokens(started.attemptId)).toBe(false);
    expect((await confirm(operator, started.attemptId)).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await accountsOf(t.clientId)).toBe(before);
  });

  it('[C-12] an account bound to a client of another agency is refused and audited as an alert', async () => {
    const owner = await seedTenant(stack.ds);
    const brand = await createSandboxBrand(stack);
    await connectSandboxAccount(stack, owner.users.admin, owner.clientId, brand);

    const started = await startConnect(stack, operator, t.clientId);
    const location = await authorizeAtSandbox(stack, started.authorizeUrl, brand.username);
    const before = await accountsOf(t.clientId);
    const res = await openCallback(location, `${started.callbackCookie}; ${operator.cookie}`);
    expect(res.status).toBe(400);
    expect(res.html).toContain('already connected to a client of another agency');
    expect(await accountsOf(t.clientId)).toBe(before);
    expect(await holdsTokens(started.attemptId)).toBe(false);
    expect((await attempt(started.attemptId)).status).toBe('refused');
    const alert = await stack.ds
      .getRepository(AuditEvent)
      .findOneByOrFail({ clientId: t.clientId, action: 'account.connect_refused', subjectId: started.attemptId });
    expect(alert.actor).toBe(`user:${t.users.admin}`);
    expect(alert.data).toMatchObject({
      reason: 'bound_to_other_agency',
      alert: true,
      fingerprint: accountFingerprint('sandbox', brand.id),
    });
    // The owner's binding is untouched, and nothing of the owner's agency leaks into the refusal.
    expect(JSON.stringify(alert.data)).not.toContain(owner.agencyId);
    expect(await accountsOf(owner.clientId)).toBe(1);
  });

  it('[C-12] an account bound to another client of the same agency is refused', async () => {
    const sibling = await new TenantBootstrap(stack.ds).createClient(t.agencyId, 'Sibling brand', 'UTC');
    const brand = await createSandboxBrand(stack);
    await connectSandboxAccount(stack, operator, sibling.id, brand);
    const started = await startConnect(stack, operator, t.clientId);
    const location = await authorizeAtSandbox(stack, started.authorizeUrl, brand.username);
    const res = await openCallback(location, `${started.callbackCookie}; ${operator.cookie}`);
    expect(res.status).toBe(400);
    expect(res.html).toContain('already connected to another client of this agency');
    expect(await stack.ds.getRepository(PlatformAccount).count({ where: { externalAccountId: brand.id } })).toBe(1);
    // Reconnecting it to the client it is bound to still works (fresh tokens, same account).
    const again = await connectSandboxAccount(stack, operator, sibling.id, brand);
    expect(await stack.ds.getRepository(PlatformAccount).count({ where: { externalAccountId: brand.id } })).toBe(1);
    expect(again.sandboxUserId).toBe(brand.id);
  });
});
