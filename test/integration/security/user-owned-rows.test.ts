import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { digestToken } from '../../../services/core/auth/tokens';
import { userEmail } from '../../factories/db-reads';
import { signIn } from '../../factories/operator-session';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { asAppRole } from '../../factories/app-role';

/** The settings a request's tenant scope writes: an operator and the tenants they may touch. */
const scope = (c: Client, actorId: string | null, clients: string[] = [], agencies: string[] = []) =>
  c.query(
    `SELECT set_config('raize.actor_id', $1, false), set_config('raize.client_ids', $2, false), set_config('raize.agency_ids', $3, false), set_config('raize.member_agency_ids', $3, false)`,
    [actorId ?? '', `{${clients.join(',')}}`, `{${agencies.join(',')}}`],
  );

describe("operators' own rows under row-level security (C-01)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  });
  afterAll(() => stack.close());

  /** A live session and an API token for `userId`, written by the owner as sign-in and createApiToken would. */
  async function credentialsOf(userId: string): Promise<{ sessionHash: string; tokenHash: string }> {
    const sessionHash = digestToken(`rzs_${randomUUID()}`);
    const tokenHash = digestToken(`rzt_${randomUUID()}`);
    await stack.ds.query(
      `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at) VALUES ($1, $2, 'csrf', now() + interval '1 hour')`,
      [userId, sessionHash],
    );
    await stack.ds.query(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, expires_at) VALUES ($1, 'script', 'rzt_abc', $2, '{read}', now() + interval '1 day')`,
      [userId, tokenHash],
    );
    return { sessionHash, tokenHash };
  }

  it("[C-01] another operator's session, API token and user row are invisible and unwritable from a scope", async () => {
    const a = await seedTenant(stack.ds);
    const b = await seedTenant(stack.ds);
    await credentialsOf(a.users.admin);
    const theirs = await credentialsOf(b.users.admin);
    await asAppRole(async (c) => {
      // Without an operator in the scope, nothing at all.
      for (const table of ['users', 'sessions', 'api_tokens'])
        expect((await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);
      // As A, in A's whole tenant: A's own rows only, never B's.
      await scope(c, a.users.admin, [a.clientId], [a.agencyId]);
      expect((await c.query<{ id: string }>('SELECT id FROM users')).rows.map((r) => r.id)).toEqual([a.users.admin]);
      for (const table of ['sessions', 'api_tokens'])
        expect(
          new Set((await c.query<{ user_id: string }>(`SELECT user_id FROM ${table}`)).rows.map((r) => r.user_id)),
        ).toEqual(new Set([a.users.admin]));
      expect(
        (await c.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [b.users.admin])).rowCount,
      ).toBe(0);
      expect(
        (await c.query(`UPDATE api_tokens SET scopes = '{admin}' WHERE user_id = $1`, [b.users.admin])).rowCount,
      ).toBe(0);
      expect(
        (await c.query(`UPDATE users SET password_hash = NULL, totp_enabled = false WHERE id = $1`, [b.users.admin]))
          .rowCount,
      ).toBe(0);
      await expect(
        c.query(
          `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at) VALUES ($1, 'planted', 'x', now() + interval '1 hour')`,
          [b.users.admin],
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        c.query(
          `INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, expires_at) VALUES ($1, 'x', 'x', 'planted', '{admin}', now() + interval '1 day')`,
          [b.users.admin],
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        c.query(`INSERT INTO users (email, display_name) VALUES ('planted@example.test', 'x')`),
      ).rejects.toThrow(/permission denied/);
      await expect(c.query(`DELETE FROM sessions WHERE user_id = $1`, [a.users.admin])).rejects.toThrow(
        /permission denied/,
      );
      await expect(c.query(`SELECT email, ip FROM login_attempts`)).rejects.toThrow(/permission denied/);
      // Before authentication, only the narrow lookups: a live session's or token's owner, by its hash.
      const session = await c.query<{ owner_id: string }>('SELECT owner_id FROM raize_live_session($1)', [
        theirs.sessionHash,
      ]);
      expect(session.rows).toEqual([{ owner_id: b.users.admin }]);
      const token = await c.query<{ owner_id: string }>('SELECT owner_id FROM raize_live_api_token($1)', [
        theirs.tokenHash,
      ]);
      expect(token.rows).toEqual([{ owner_id: b.users.admin }]);
    });
    const [kept] = await stack.ds.query<{ revoked: boolean }[]>(
      'SELECT revoked_at IS NOT NULL AS revoked FROM sessions WHERE token_hash = $1',
      [theirs.sessionHash],
    );
    expect(kept.revoked).toBe(false);
  });

  it('[C-01] sign-in events are not readable from a tenant scope: only by platform staff and the operator they name', async () => {
    const a = await seedTenant(stack.ds);
    const b = await seedTenant(stack.ds);
    const staff = await seedTenant(stack.ds);
    await stack.ds.query(`INSERT INTO platform_staff (user_id, granted_by) VALUES ($1, 'test')`, [staff.users.admin]);
    // Real sign-in attempts through the API: the app role appends the global events it cannot read back.
    for (const u of [a.users.admin, b.users.admin])
      expect((await signIn(stack, await userEmail(stack.ds, u), 'not the password at all')).body.errors).toBeDefined();
    const loginEvents = async (c: Client) =>
      (
        await c.query<{ actor: string }>(
          `SELECT actor FROM audit_events WHERE client_id IS NULL AND agency_id IS NULL AND action LIKE 'login.%'`,
        )
      ).rows.map((r) => r.actor);
    await asAppRole(async (c) => {
      // A tenant's scope without an operator (background work for A's client): no sign-in events at all.
      await scope(c, null, [a.clientId], [a.agencyId]);
      expect(await loginEvents(c)).toEqual([]);
      // A signed-in operator of A: their own sign-in events, nobody else's.
      await scope(c, a.users.admin, [a.clientId], [a.agencyId]);
      const own = await loginEvents(c);
      expect(own).toContain(`user:${a.users.admin}`);
      expect(new Set(own)).toEqual(new Set([`user:${a.users.admin}`]));
      // Platform staff: everyone's, for investigations.
      await scope(c, staff.users.admin);
      expect(await loginEvents(c)).toEqual(expect.arrayContaining([`user:${a.users.admin}`, `user:${b.users.admin}`]));
    });
  });
});
