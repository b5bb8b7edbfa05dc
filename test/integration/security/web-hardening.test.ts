import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ensureArtifactUrlKey } from '../../../services/core/artifacts/artifact-url-signer';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import { networkInterfaces, tmpdir } from 'node:os';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../services/api/auth/request-info';
import { createApi } from '../../../services/api/create-api';
import { freePort } from '../../../deploy/local/free-port';
import { clientKillSwitchEngaged, userEmail } from '../../factories/db-reads';
import { gqlAs, signIn } from '../../factories/operator-session';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

const PASSWORD = 'a long enough passphrase';
const KILL = `mutation($i: SetKillSwitchInput!) { setKillSwitch(input: $i) { engaged } }`;

async function gqlAt(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: GqlError[] };
}
interface GqlError {
  message: string;
  extensions?: { code?: string };
}

/**
 * An API built as a production deployment builds it, on a port of its own: RAIZE_ENV unset (production is the
 * default, C-15), its required secrets set, and the sandbox enabled explicitly with an admin token of its own.
 * `env` changes that environment (undefined removes a variable).
 */
async function withProductionApi<T>(
  run: (url: string) => Promise<T>,
  env: Record<string, string | undefined> = {},
): Promise<T> {
  const saved = { ...process.env };
  let app: INestApplication | undefined;
  try {
    const port = await freePort();
    delete process.env.RAIZE_ENV;
    const masterKey = randomBytes(32).toString('hex');
    // A keyring of its own (the stack's is sealed under another master key), with the artifact URL signing key
    // provisioned as an operator does before a production API first starts (`npm run keys -- provision-artifact-url-key`).
    const dataDir = mkdtempSync(join(tmpdir(), 'raize-prod-api-'));
    await ensureArtifactUrlKey(createSecrets({ masterKey, dataDir }));
    const production: Record<string, string | undefined> = {
      RAIZE_MASTER_KEY: masterKey,
      RAIZE_DATA_DIR: dataDir,
      DATABASE_APP_URL: process.env.DATABASE_URL!.replace('postgres@', 'raize_app@'),
      SANDBOX_OAUTH_CLIENT_SECRET: 'prod-secret-for-test',
      RAIZE_SANDBOX_IN_PRODUCTION: '1',
      SANDBOX_ADMIN_TOKEN: 'an-admin-token-of-its-own',
      API_PORT: String(port),
      API_PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Production names its mail server (review links and codes): nothing listens there, and nothing here sends.
      RAIZE_SMTP_URL: 'smtps://smtp.agency.example:465',
      RAIZE_MAIL_FROM: 'Agency reviews <reviews@agency.example>',
      ...env,
    };
    for (const [k, v] of Object.entries(production)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    app = await createApi();
    await app.listen(port, '127.0.0.1');
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    await app?.close();
    process.env = saved;
  }
}

describe('web hardening of the API', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { RAIZE_RATE_LIMIT_LOGIN_PER_MINUTE: '8', RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '6' },
    });
  });
  afterAll(() => stack.close());

  async function signedInAdmin() {
    const t = await seedTenant(stack.ds);
    const email = await userEmail(stack.ds, t.users.admin);
    await new TenantBootstrap(stack.ds).setPassword(t.users.admin, PASSWORD);
    return { t, session: (await signIn(stack, email, PASSWORD)).session };
  }
  const switchEngaged = (clientId: string) => clientKillSwitchEngaged(stack.ds, clientId);

  it("[C-07] a cross-site form post carrying the operator's cookie changes nothing", async () => {
    const { t, session } = await signedInAdmin();
    const form = new URLSearchParams({
      query: `mutation { setKillSwitch(input: { scope: "client", scopeId: "${t.clientId}", engaged: true }) { engaged } }`,
    });
    const res = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: session.cookie,
        origin: 'https://evil.example',
      },
      body: form,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const textPlain = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: session.cookie, origin: 'https://evil.example' },
      body: JSON.stringify({ query: form.get('query') }),
    });
    expect(textPlain.status).toBeGreaterThanOrEqual(400);
    expect(await switchEngaged(t.clientId)).toBe(false);
  });

  it('[C-07] a mutation with the session cookie but without the CSRF token is refused; with it, it works', async () => {
    const { t, session } = await signedInAdmin();
    const without = await gqlAs(
      stack,
      session,
      KILL,
      { i: { scope: 'client', scopeId: t.clientId, engaged: true } },
      { csrf: false },
    );
    expect(without.errors?.[0].extensions?.code).toBe('CSRF_REQUIRED');
    const wrong = await gqlAs(
      stack,
      session,
      KILL,
      { i: { scope: 'client', scopeId: t.clientId, engaged: true } },
      { csrf: false, headers: { 'x-csrf-token': randomBytes(24).toString('base64url') } },
    );
    expect(wrong.errors?.[0].extensions?.code).toBe('CSRF_REQUIRED');
    expect(await switchEngaged(t.clientId)).toBe(false);
    const ok = await gqlAs(stack, session, KILL, { i: { scope: 'client', scopeId: t.clientId, engaged: true } });
    expect(ok.data?.setKillSwitch).toEqual({ engaged: true });
    expect(await switchEngaged(t.clientId)).toBe(true);
  });

  it('[C-08] every response carries a strict CSP without inline script, no framing, nosniff and a referrer policy', async () => {
    for (const path of ['/health', '/graphql', '/nowhere']) {
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method: path === '/graphql' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: path === '/graphql' ? '{"query":"{ health { ok } }"}' : undefined,
      });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('[C-08] no GraphQL answer may be stored by a browser or a proxy: every one says no-store', async () => {
    for (const body of ['{"query":"{ health { ok } }"}', '{"query":"{ nothing }"}', '{"query":"{"}']) {
      const res = await fetch(`${stack.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('[C-08] introspection is off in production', async () => {
    await withProductionApi(async (url) => {
      const body = await gqlAt(url, '{ __schema { types { name } } }');
      expect(body.errors?.[0].message).toMatch(/introspection/i);
    });
    const dev = await stack.gql(null, '{ __schema { queryType { name } } }');
    expect(dev.data).toBeDefined();
  });

  it('[C-15] with RAIZE_ENV unset the API is production: introspection off and no "Did you mean" hints', async () => {
    const typo = '{ heath { ok } }';
    const coercion = `mutation($i: UpdatePolicySettingsInput!) { updatePolicySettings(input: $i) { fourEyes } }`;
    const misspelt = { i: { clientId: '00000000-0000-4000-8000-000000000000', fourEye: true } };
    // The test stack (development rules) suggests the names: that is what production must not hand out.
    expect((await stack.gql(null, typo)).errors?.[0].message).toMatch(/Did you mean "health"\?/);
    expect((await stack.gql(null, coercion, misspelt)).errors?.[0].message).toMatch(/Did you mean "fourEyes"\?/);
    await withProductionApi(async (url) => {
      expect((await gqlAt(url, '{ __schema { types { name } } }')).errors?.[0].message).toMatch(/introspection/i);
      const field = await gqlAt(url, typo);
      expect(field.errors?.[0].message).toMatch(/Cannot query field "heath" on type "Query"/);
      const variable = await gqlAt(url, coercion, misspelt);
      expect(variable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(variable.errors?.[0].message).toMatch(/"fourEye" is not defined/);
      for (const e of [...(field.errors ?? []), ...(variable.errors ?? [])]) {
        expect(e.message).not.toMatch(/Did you mean/);
        expect(e.message).not.toContain('"health"');
        expect(e.message).not.toContain('"fourEyes"');
      }
    });
  });

  it('[C-15] session and CSRF cookies are __Host- cookies (Secure, Path=/, no Domain), set and cleared', async () => {
    const { session } = await signedInAdmin();
    const byName = (setCookies: string[]) => new Map(setCookies.map((c) => [c.split('=')[0], c.split(';').slice(1)]));
    const set = byName(session.setCookies);
    expect([...set.keys()].sort()).toEqual([CSRF_COOKIE, SESSION_COOKIE].sort());
    expect([...set.keys()].every((name) => name.startsWith('__Host-'))).toBe(true);
    const attributes = (attrs: string[]) => attrs.map((a) => a.trim().toLowerCase());
    for (const attrs of set.values()) {
      expect(attributes(attrs)).toEqual(expect.arrayContaining(['secure', 'path=/', 'samesite=strict']));
      expect(attributes(attrs).some((a) => a.startsWith('domain='))).toBe(false);
    }
    expect(attributes(set.get(SESSION_COOKIE)!)).toContain('httponly');
    // The session works under its new name; a clear without Secure would be ignored by the browser.
    const out = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(((await out.json()) as { data?: { signOut: boolean } }).data?.signOut).toBe(true);
    const cleared = byName(out.headers.getSetCookie());
    expect([...cleared.keys()].sort()).toEqual([CSRF_COOKIE, SESSION_COOKIE].sort());
    for (const attrs of cleared.values())
      expect(attributes(attrs)).toEqual(expect.arrayContaining(['secure', 'path=/']));
  });

  it('[C-15] development sign-in works only from loopback: not from another address, not through a proxy header', async () => {
    const { t } = await signedInAdmin();
    const remote = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!remote) throw new Error('this test needs a non-loopback IPv4 interface to call the API from');
    const saved = { ...process.env };
    let app: INestApplication | undefined;
    try {
      // Both peers trusted as proxies: req.ip then comes from X-Forwarded-For, which the check must not believe.
      process.env.RAIZE_TRUST_PROXY = `loopback, ${remote}`;
      app = await createApi();
      const port = await freePort();
      await app.listen(port, '0.0.0.0');
      const whoami = (host: string, headers: Record<string, string> = {}) =>
        gqlAt(`http://${host}:${port}`, '{ whoami { id } }', undefined, {
          authorization: `Dev ${t.users.admin}`,
          ...headers,
        });
      expect((await whoami('127.0.0.1')).data?.whoami).toEqual({ id: t.users.admin });
      for (const refused of [
        await whoami(remote),
        await whoami(remote, { 'x-forwarded-for': '127.0.0.1' }),
        await whoami('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }),
        await whoami('127.0.0.1', { forwarded: 'for=203.0.113.7' }),
      ]) {
        expect(refused.data?.whoami ?? null).toBeNull();
        expect(refused.errors?.[0]).toMatchObject({
          message: 'development sign-in works only from this machine itself',
          extensions: { code: 'UNAUTHENTICATED' },
        });
      }
    } finally {
      await app?.close();
      process.env = saved;
    }
  });

  it('[C-10] refuses queries nested beyond the depth limit', async () => {
    const deep = `{ ${'__schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }'} }`;
    const res = await stack.gql(null, deep);
    expect(res.errors?.[0].message).toMatch(/nested \d+ levels deep; the limit is 10/);
    expect(res.data).toBeUndefined();
    const wide = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: __schema { types { fields { name description type { name } } } }`).join(' ')} }`;
    const costly = await stack.gql(null, wide);
    expect(costly.errors?.[0].message).toMatch(/would cost \d+; the limit is 2000/);
  });

  it('[C-10] rate-limits sign-in per IP and privileged mutations per session', async () => {
    const { t, session } = await signedInAdmin();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++)
      codes.push(
        (await gqlAs(stack, session, KILL, { i: { scope: 'client', scopeId: t.clientId, engaged: i % 2 === 0 } }))
          .errors?.[0].extensions?.code,
      );
    expect(codes).toContain('RATE_LIMITED');
    expect(codes.slice(0, 5).every((c) => c === undefined)).toBe(true);
    const logins: (string | undefined)[] = [];
    for (let i = 0; i < 10; i++)
      logins.push(
        (
          (await signIn(stack, 'nobody@example.test', 'whatever it is')).body.errors as {
            extensions: { code: string };
          }[]
        )[0].extensions.code,
      );
    expect(logins).toContain('RATE_LIMITED');
  });
});
