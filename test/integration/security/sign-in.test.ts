import { randomUUID } from 'node:crypto';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../services/api/auth/request-info';
import { totpCode, totpStep } from '../../../services/core/auth/totp';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { userEmail } from '../../factories/db-reads';
import type { BrowserSession } from '../../factories/operator-session';
import { gqlAs, signIn } from '../../factories/operator-session';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

const PASSWORD = 'a long enough passphrase';

describe('operator sign-in (C-06)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  });
  afterAll(() => stack.close());

  afterEach(async () => {
    // The per-IP failure throttle counts every test's failures from 127.0.0.1; each test starts clean.
    await stack.ds.query('DELETE FROM login_attempts');
  });

  const errorCode = (body: Record<string, unknown>) =>
    (body.errors as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code;
  const errorMessage = (body: Record<string, unknown>) =>
    (body.errors as { message: string }[] | undefined)?.[0]?.message;
  const sessionToken = (s: BrowserSession) => new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(s.cookie)?.[1];

  async function auditActions(userId: string): Promise<string[]> {
    const rows = await stack.ds.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [userId],
    );
    return rows.map((r) => r.action);
  }

  /**
   * A code of a time step after `lastStep` that the server accepts now (the current step or the next, for drift);
   * waits for the next step when both are used up. Codes work once, so tests ask for a fresh one every time.
   */
  async function codeAfter(secret: string, lastStep: number): Promise<{ code: string; step: number }> {
    for (;;) {
      const step = Math.max(totpStep(), lastStep + 1);
      if (step <= totpStep() + 1) return { code: totpCode(secret, step * 30_000), step };
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 50));
    }
  }

  /** Turns TOTP on for the session's operator; returns the secret and the step its confirming code used. */
  async function enrolTotp(s: BrowserSession): Promise<{ secret: string; step: number }> {
    const enrol = await gqlAs(stack, s, 'mutation { enrollTotp { secret } }');
    const secret = (enrol.data?.enrollTotp as { secret: string }).secret;
    const { code, step } = await codeAfter(secret, -1);
    const confirmed = await gqlAs(stack, s, 'mutation($i: ConfirmTotpInput!) { confirmTotp(input: $i) }', {
      i: { code },
    });
    if (!confirmed.data?.confirmTotp) throw new Error(JSON.stringify(confirmed.errors));
    return { secret, step };
  }

  /** The second step over HTTP, keeping the cookies it sets (the session it answers with is a new one). */
  async function completeSecondFactor(
    pending: BrowserSession,
    code: string,
  ): Promise<{ session: BrowserSession; body: Record<string, unknown> }> {
    const res = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: pending.cookie, 'x-csrf-token': pending.csrf },
      body: JSON.stringify({
        query: 'mutation($i: SecondFactorInput!) { completeSecondFactor(input: $i) { csrfToken } }',
        variables: { i: { code } },
      }),
    });
    const setCookies = res.headers.getSetCookie();
    const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    const csrf = new RegExp(`${CSRF_COOKIE}=([^;]+)`).exec(cookie)?.[1] ?? '';
    return { session: { cookie, csrf, setCookies }, body: (await res.json()) as Record<string, unknown> };
  }

  async function operator() {
    const t = await seedTenant(stack.ds);
    const email = await userEmail(stack.ds, t.users.admin);
    await new TenantBootstrap(stack.ds).setPassword(t.users.admin, PASSWORD);
    return { t, email };
  }

  it('[C-06] stores argon2id hashes and sets an HttpOnly, Secure, SameSite=Strict session cookie', async () => {
    const { t, email } = await operator();
    const [{ password_hash: hash }] = await stack.ds.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM users WHERE id = $1',
      [t.users.admin],
    );
    expect(hash).toMatch(/^\$argon2id\$/);
    const { session, body } = await signIn(stack, email, PASSWORD);
    expect(body.errors).toBeUndefined();
    const cookie = session.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await gqlAs(stack, session, '{ whoami { id via memberships { role } } }');
    expect(me.data?.whoami).toMatchObject({ id: t.users.admin, via: 'session', memberships: [{ role: 'Admin' }] });
    const token = /raize_session=([^;]+)/.exec(cookie)![1];
    const stored = await stack.ds.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM sessions WHERE user_id = $1',
      [t.users.admin],
    );
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('[C-06] a wrong password and an unknown email get the same answer, and both are audited', async () => {
    const { t, email } = await operator();
    const wrong = await signIn(stack, email, 'not the password at all');
    const unknown = await signIn(stack, `nobody-${randomUUID()}@example.test`, 'not the password at all');
    expect((wrong.body.errors as { message: string }[])[0].message).toBe(
      (unknown.body.errors as { message: string }[])[0].message,
    );
    const events: { action: string }[] = await stack.ds.query(
      `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [t.users.admin],
    );
    expect(events.map((e) => e.action)).toContain('login.failed');
    await signIn(stack, email, PASSWORD);
    const after: { action: string }[] = await stack.ds.query(
      `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [t.users.admin],
    );
    expect(after.map((e) => e.action)).toContain('login.succeeded');
  });

  it('[C-06] a brute-force run hits the lockout; even the right password is then refused, and the lockout is audited', async () => {
    const { t, email } = await operator();
    const codes: string[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        ((await signIn(stack, email, `guess number ${i} wrong`)).body.errors as { extensions: { code: string } }[])[0]
          .extensions.code,
      );
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes[5]).toBe('ACCOUNT_LOCKED');
    const right = await signIn(stack, email, PASSWORD);
    expect((right.body.errors as { extensions: { code: string } }[])[0].extensions.code).toBe('ACCOUNT_LOCKED');
    const events: { action: string }[] = await stack.ds.query(`SELECT action FROM audit_events WHERE subject_id = $1`, [
      t.users.admin,
    ]);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['login.locked', 'login.refused_locked']));
  });

  it('[C-06] sign-out ends the session; sign-out everywhere ends all of them', async () => {
    const { email } = await operator();
    const a = (await signIn(stack, email, PASSWORD)).session;
    const b = (await signIn(stack, email, PASSWORD)).session;
    const c = (await signIn(stack, email, PASSWORD)).session;
    expect((await gqlAs(stack, a, 'mutation { signOut }')).data?.signOut).toBe(true);
    expect((await gqlAs(stack, a, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gqlAs(stack, b, '{ whoami { id } }')).data).toBeDefined();
    expect((await gqlAs(stack, b, 'mutation { signOutEverywhere }')).data?.signOutEverywhere).toBe(true);
    expect((await gqlAs(stack, b, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gqlAs(stack, c, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('[C-06] with TOTP enrolled, the password alone opens nothing until the second factor is given', async () => {
    const { email } = await operator();
    const s = (await signIn(stack, email, PASSWORD)).session;
    expect(
      (await gqlAs(stack, s, 'mutation($i: ConfirmTotpInput!) { confirmTotp(input: $i) }', { i: { code: '000000' } }))
        .errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    const { secret, step } = await enrolTotp(s);
    const half = await signIn(stack, email, PASSWORD);
    expect((half.body.data as { signIn: { needsSecondFactor: boolean } }).signIn.needsSecondFactor).toBe(true);
    expect((await gqlAs(stack, half.session, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    // Every code is used once: the one that confirmed the enrolment cannot also finish this sign-in.
    const done = await completeSecondFactor(half.session, (await codeAfter(secret, step)).code);
    expect(done.body.errors).toBeUndefined();
    expect((await gqlAs(stack, done.session, '{ whoami { id totpEnabled } }')).data?.whoami).toMatchObject({
      totpEnabled: true,
    });
  });

  it('[C-06] six wrong passwords sent in parallel lock the account (the count is one atomic statement)', async () => {
    const { t, email } = await operator();
    await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(stack, email, `parallel guess ${i} wrong`)));
    const right = await signIn(stack, email, PASSWORD);
    expect(errorCode(right.body)).toBe('ACCOUNT_LOCKED');
    const [row] = await stack.ds.query<{ locked: boolean }[]>(
      'SELECT locked_until > now() AS locked FROM users WHERE id = $1',
      [t.users.admin],
    );
    expect(row.locked).toBe(true);
  });

  it('[C-06] a TOTP code works once: replayed inside its window, at sign-in or at the second step, it is refused', async () => {
    const { email } = await operator();
    const { secret, step } = await enrolTotp((await signIn(stack, email, PASSWORD)).session);
    const confirming = totpCode(secret, step * 30_000);
    const replay = await signIn(stack, email, PASSWORD, confirming);
    expect(errorCode(replay.body)).toBe('UNAUTHENTICATED');
    expect(errorMessage(replay.body)).toMatch(/already used/);
    const next = await codeAfter(secret, step);
    const direct = await signIn(stack, email, PASSWORD, next.code);
    expect((direct.body.data as { signIn: { needsSecondFactor: boolean } }).signIn.needsSecondFactor).toBe(false);
    expect(errorCode((await signIn(stack, email, PASSWORD, next.code)).body)).toBe('UNAUTHENTICATED');
    const half = await signIn(stack, email, PASSWORD);
    expect(errorCode((await completeSecondFactor(half.session, next.code)).body)).toBe('UNAUTHENTICATED');
  });

  it('[C-06] finishing the second factor replaces the session: the pending cookie and its CSRF token stop working', async () => {
    const { email } = await operator();
    const { secret, step } = await enrolTotp((await signIn(stack, email, PASSWORD)).session);
    const half = await signIn(stack, email, PASSWORD);
    const done = await completeSecondFactor(half.session, (await codeAfter(secret, step)).code);
    expect(done.body.errors).toBeUndefined();
    expect(done.session.csrf).not.toBe('');
    expect(done.session.csrf).not.toBe(half.session.csrf);
    expect(sessionToken(done.session)).not.toBe(sessionToken(half.session));
    expect((done.body.data as { completeSecondFactor: { csrfToken: string } }).completeSecondFactor.csrfToken).toBe(
      done.session.csrf,
    );
    expect((await gqlAs(stack, half.session, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await gqlAs(stack, done.session, '{ whoami { via } }')).data?.whoami).toEqual({ via: 'session' });
  });

  it('[C-06] the second-factor step refuses a locked account, even with the right code', async () => {
    const { t, email } = await operator();
    const { secret, step } = await enrolTotp((await signIn(stack, email, PASSWORD)).session);
    const half = await signIn(stack, email, PASSWORD);
    await stack.ds.query(`UPDATE users SET locked_until = now() + interval '15 minutes' WHERE id = $1`, [
      t.users.admin,
    ]);
    const done = await completeSecondFactor(half.session, (await codeAfter(secret, step)).code);
    expect(errorCode(done.body)).toBe('ACCOUNT_LOCKED');
    expect(await auditActions(t.users.admin)).toContain('login.refused_locked');
    expect((await gqlAs(stack, half.session, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('[C-06] when the account locks, its sessions waiting for a second factor end; established ones stay', async () => {
    const { t, email } = await operator();
    const full = (await signIn(stack, email, PASSWORD)).session;
    const { secret, step } = await enrolTotp(full);
    const half = await signIn(stack, email, PASSWORD);
    for (let i = 0; i < 5; i++) await signIn(stack, email, `someone guessing ${i}`);
    const pending = await stack.ds.query<{ revoked: boolean; second_factor_pending: boolean }[]>(
      'SELECT revoked_at IS NOT NULL AS revoked, second_factor_pending FROM sessions WHERE user_id = $1',
      [t.users.admin],
    );
    expect(pending.filter((p) => p.second_factor_pending).map((p) => p.revoked)).toEqual([true]);
    const done = await completeSecondFactor(half.session, (await codeAfter(secret, step)).code);
    expect(errorCode(done.body)).toBe('UNAUTHENTICATED');
    expect(errorMessage(done.body)).toMatch(/sign in with your password first/);
    // Ending established sessions would let anyone who knows the email sign the operator out (documented).
    expect((await gqlAs(stack, full, '{ whoami { id } }')).data?.whoami).toEqual({ id: t.users.admin });
  });

  it('[C-06] the second-factor step is throttled per IP like the password', async () => {
    const { email } = await operator();
    const { secret, step } = await enrolTotp((await signIn(stack, email, PASSWORD)).session);
    const half = await signIn(stack, email, PASSWORD);
    const [{ ip }] = await stack.ds.query<{ ip: string }[]>('SELECT ip FROM login_attempts ORDER BY id DESC LIMIT 1');
    // Thirty recent failures from this address, as a credential-stuffing run would leave them.
    await stack.ds.query(
      `INSERT INTO login_attempts (email, ip, succeeded) SELECT 'stuffing@example.test', $1, false FROM generate_series(1, 30)`,
      [ip],
    );
    const done = await completeSecondFactor(half.session, (await codeAfter(secret, step)).code);
    expect(errorCode(done.body)).toBe('RATE_LIMITED');
  });

  it('[C-06] moving TOTP to a new device needs the password or a current code', async () => {
    const { t, email } = await operator();
    const s = (await signIn(stack, email, PASSWORD)).session;
    const first = await enrolTotp(s);
    const enrol = 'mutation($i: EnrollTotpInput) { enrollTotp(input: $i) { secret } }';
    expect((await gqlAs(stack, s, enrol)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await gqlAs(stack, s, enrol, { i: { currentPassword: 'not the password at all' } })).errors?.[0].extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
    expect(await auditActions(t.users.admin)).toContain('login.failed');
    const byPassword = await gqlAs(stack, s, enrol, { i: { currentPassword: PASSWORD } });
    const secret = (byPassword.data?.enrollTotp as { secret: string }).secret;
    expect(secret).not.toBe(first.secret);
    const confirm = 'mutation($i: ConfirmTotpInput!) { confirmTotp(input: $i) }';
    const next = await codeAfter(secret, first.step);
    expect((await gqlAs(stack, s, confirm, { i: { code: next.code } })).data?.confirmTotp).toBe(true);
    const byCode = await codeAfter(secret, next.step);
    expect((await gqlAs(stack, s, enrol, { i: { currentCode: byCode.code } })).errors).toBeUndefined();
  });

  it('a development sign-in header must name an existing operator', async () => {
    const { t } = await operator();
    expect(
      (await stack.gql('00000000-0000-4000-8000-00000000dead', '{ whoami { id } }')).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await stack.gql(t.users.admin, '{ whoami { id } }')).data).toBeDefined();
  });
});
