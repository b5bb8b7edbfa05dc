import { randomUUID } from 'node:crypto';
import { totpCode } from '../../../services/core/auth/totp';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { userEmail } from '../../factories/db-reads';
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
    const cookie = session.setCookies.find((c) => c.startsWith('raize_session='))!;
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
    const enrol = await gqlAs(stack, s, 'mutation { enrollTotp { secret otpauthUrl } }');
    const secret = (enrol.data?.enrollTotp as { secret: string }).secret;
    expect(
      (await gqlAs(stack, s, 'mutation($i: ConfirmTotpInput!) { confirmTotp(input: $i) }', { i: { code: '000000' } }))
        .errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await gqlAs(stack, s, 'mutation($i: ConfirmTotpInput!) { confirmTotp(input: $i) }', {
          i: { code: totpCode(secret) },
        })
      ).data?.confirmTotp,
    ).toBe(true);
    const half = await signIn(stack, email, PASSWORD);
    expect((half.body.data as { signIn: { needsSecondFactor: boolean } }).signIn.needsSecondFactor).toBe(true);
    expect((await gqlAs(stack, half.session, '{ whoami { id } }')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const done = await gqlAs(
      stack,
      half.session,
      'mutation($i: SecondFactorInput!) { completeSecondFactor(input: $i) }',
      { i: { code: totpCode(secret) } },
    );
    expect(done.data?.completeSecondFactor).toBe(true);
    expect((await gqlAs(stack, half.session, '{ whoami { id totpEnabled } }')).data?.whoami).toMatchObject({
      totpEnabled: true,
    });
    const direct = await signIn(stack, email, PASSWORD, totpCode(secret));
    expect((direct.body.data as { signIn: { needsSecondFactor: boolean } }).signIn.needsSecondFactor).toBe(false);
  });

  it('a development sign-in header must name an existing operator', async () => {
    const { t } = await operator();
    expect(
      (await stack.gql('00000000-0000-4000-8000-00000000dead', '{ whoami { id } }')).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await stack.gql(t.users.admin, '{ whoami { id } }')).data).toBeDefined();
  });
});
