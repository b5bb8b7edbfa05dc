import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { UnsafeDatabaseRoleError } from '../../../services/core/database/app-role-check';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';
import { asAppRole } from '../../factories/app-role';

const scope = (c: Client, clients: string[], agencies: string[] = []) =>
  c.query(`SELECT set_config('raize.client_ids', $1, false), set_config('raize.agency_ids', $2, false)`, [
    `{${clients.join(',')}}`,
    `{${agencies.join(',')}}`,
  ]);

describe('row-level security for the application role (C-01)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('[C-01] the app role is neither superuser nor BYPASSRLS', async () => {
    const r = await asAppRole((c) =>
      c.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`),
    );
    expect(r.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('[C-01] the API and worker refuse to start as a superuser, a BYPASSRLS role or a table owner, naming why', async () => {
    const tag = randomUUID().slice(0, 8);
    const role = (kind: string) => `raize_probe_${kind}_${tag}`;
    const urlOf = (name: string) => testEnv().databaseUrl.replace('postgres@', `${name}@`);
    const owned = `probe_owned_${tag}`;
    const setup = [
      `CREATE ROLE ${role('super')} LOGIN SUPERUSER`,
      `CREATE ROLE ${role('bypass')} LOGIN BYPASSRLS`,
      `CREATE ROLE ${role('owner')} LOGIN`,
      `CREATE TABLE ${owned} (id int)`,
      `ALTER TABLE ${owned} OWNER TO ${role('owner')}`,
      // No attribute of its own, but free to SET ROLE to one that bypasses RLS.
      `CREATE ROLE ${role('priv')} NOLOGIN BYPASSRLS`,
      `CREATE ROLE ${role('member')} LOGIN IN ROLE ${role('priv')}`,
    ];
    try {
      for (const sql of setup) await stack.ds.query(sql);
      const refusal = (name: string) =>
        createAppDataSource(urlOf(name), { env: 'test', poolSize: 1 }).then(
          async (ds) => {
            await ds.destroy();
            return 'started';
          },
          (err: Error) => err,
        );
      const expectRefused = async (name: string, why: RegExp) => {
        const err = await refusal(name);
        expect(err).toBeInstanceOf(UnsafeDatabaseRoleError);
        expect((err as Error).message).toMatch(why);
        expect((err as Error).message).toContain(name);
      };
      await expectRefused(role('super'), /is a superuser/);
      await expectRefused(role('bypass'), /has BYPASSRLS/);
      await expectRefused(role('owner'), new RegExp(`owns 1 table\\(s\\) \\(public\\.${owned}\\)`));
      await expectRefused(role('member'), new RegExp(`is a member of ${role('priv')}`));
      // The control: the real application role starts.
      expect(await refusal('raize_app')).toBe('started');
    } finally {
      await stack.ds.query(`DROP TABLE IF EXISTS ${owned}`);
      for (const kind of ['member', 'priv', 'owner', 'bypass', 'super'])
        await stack.ds.query(`DROP ROLE IF EXISTS ${role(kind)}`);
    }
  });

  it('[C-01] a query with a forgotten WHERE sees only the tenant in scope, and nothing without a scope', async () => {
    const a = await seedTenant(stack.ds);
    const b = await seedTenant(stack.ds);
    await createAsset(stack, a.users.author, a.clientId, 'A only');
    await createAsset(stack, b.users.author, b.clientId, 'B only');
    await connectSandboxAccount(stack, a.users.admin, a.clientId);
    await asAppRole(async (c) => {
      for (const table of [
        'assets',
        'clients',
        'platform_accounts',
        'credential_refs',
        'audit_events',
        'client_policy_settings',
      ]) {
        expect((await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n).toBe(
          table === 'audit_events'
            ? (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE client_id IS NOT NULL`))
                .rows[0].n +
                (
                  await c.query<{ n: number }>(
                    `SELECT count(*)::int AS n FROM audit_events WHERE client_id IS NULL AND agency_id IS NULL`,
                  )
                ).rows[0].n
            : 0,
        );
      }
      await scope(c, [a.clientId]);
      const texts = (await c.query<{ text: string; client_id: string }>('SELECT text, client_id FROM assets')).rows;
      expect(texts.map((r) => r.text)).toEqual(['A only']);
      expect(
        new Set(
          (
            await c.query<{ client_id: string }>('SELECT client_id FROM audit_events WHERE client_id IS NOT NULL')
          ).rows.map((r) => r.client_id),
        ),
      ).toEqual(new Set([a.clientId]));
      expect((await c.query<{ n: number }>('SELECT count(*)::int AS n FROM platform_accounts')).rows[0].n).toBe(1);
    });
  });

  it('[C-01] writes into another tenant are refused, and updates of its rows touch nothing', async () => {
    const a = await seedTenant(stack.ds);
    const b = await seedTenant(stack.ds);
    const bAsset = await createAsset(stack, b.users.author, b.clientId, 'B owns this');
    await asAppRole(async (c) => {
      await scope(c, [a.clientId]);
      await expect(
        c.query(
          `INSERT INTO assets (agency_id, client_id, kind, text, checksum) VALUES ($1, $2, 'text', 'planted', 'x')`,
          [b.agencyId, b.clientId],
        ),
      ).rejects.toThrow(/row-level security/);
      const upd = await c.query(`UPDATE assets SET text = 'hijacked' WHERE id = $1`, [bAsset.id]);
      expect(upd.rowCount).toBe(0);
      const del = await c.query(`DELETE FROM assets WHERE id = $1`, [bAsset.id]);
      expect(del.rowCount).toBe(0);
    });
    const [kept] = await stack.ds.query<{ text: string }[]>('SELECT text FROM assets WHERE id = $1', [bAsset.id]);
    expect(kept.text).toBe('B owns this');
  });

  it('[C-48] the app role cannot edit or delete audit events at all', async () => {
    const a = await seedTenant(stack.ds);
    await asAppRole(async (c) => {
      await scope(c, [a.clientId]);
      await expect(c.query(`UPDATE audit_events SET action = 'x' WHERE client_id = $1`, [a.clientId])).rejects.toThrow(
        /permission denied/,
      );
      await expect(c.query(`DELETE FROM audit_events WHERE client_id = $1`, [a.clientId])).rejects.toThrow(
        /permission denied/,
      );
    });
  });
});
