import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { createApi } from '../../../services/api/create-api';
import { freePort } from '../../../deploy/local/free-port';
import { clientKillSwitchEngaged, userEmail } from '../../factories/db-reads';
import { gqlAs, signIn } from '../../factories/operator-session';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

const PASSWORD = 'a long enough passphrase';
const KILL = `mutation($i: SetKillSwitchInput!) { setKillSwitch(input: $i) { engaged } }`;

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

  it('[C-08] introspection is off in production', async () => {
    const saved = { ...process.env };
    let app: INestApplication | undefined;
    try {
      const port = await freePort();
      Object.assign(process.env, {
        RAIZE_ENV: 'production',
        RAIZE_MASTER_KEY: randomBytes(32).toString('hex'),
        DATABASE_APP_URL: process.env.DATABASE_URL!.replace('postgres@', 'raize_app@'),
        SANDBOX_OAUTH_CLIENT_SECRET: 'prod-secret-for-test',
        API_PORT: String(port),
        API_PUBLIC_URL: `http://127.0.0.1:${port}`,
      });
      app = await createApi();
      await app.listen(port, '127.0.0.1');
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const body = (await res.json()) as { errors?: { message: string }[] };
      expect(body.errors?.[0].message).toMatch(/introspection/i);
      const dev = await stack.gql(null, '{ __schema { queryType { name } } }');
      expect(dev.data).toBeDefined();
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
