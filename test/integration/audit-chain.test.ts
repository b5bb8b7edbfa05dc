import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../services/core/audit/audit.service';
import { seedTenant } from '../factories/tenant.factory';
import { openDataSource } from '../harness/test-env';

describe('the audit trail', () => {
  let ds: DataSource;
  let audit: AuditService;
  beforeAll(async () => {
    ds = await openDataSource();
    audit = new AuditService(ds);
  });
  afterAll(() => ds.destroy());

  async function chainOfFive() {
    const t = await seedTenant(ds);
    for (let i = 0; i < 5; i++) {
      await audit.append({
        agencyId: t.agencyId,
        clientId: t.clientId,
        actor: 'system:test',
        action: 'policy.updated',
        subjectType: 'test',
        subjectId: randomUUID(),
        data: { i },
      });
    }
    const rows: { id: string; seq: string }[] = await ds.query(
      `SELECT id, seq FROM audit_events WHERE client_id = $1 ORDER BY seq`,
      [t.clientId],
    );
    return { t, rows };
  }

  /** What an attacker with database superuser rights would do: switch the append-only trigger off. */
  async function asSuperuser(sql: string, params: unknown[]) {
    await ds.transaction(async (m) => {
      await m.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await m.query(sql, params);
      await m.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });
  }

  it('[C-48] is append-only for the application', async () => {
    const { rows } = await chainOfFive();
    await expect(ds.query(`UPDATE audit_events SET action = 'x' WHERE id = $1`, [rows[0].id])).rejects.toThrow(
      /append-only/,
    );
    await expect(ds.query(`DELETE FROM audit_events WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
  });

  it('[C-48] verify passes on an intact chain, concurrent writers included', async () => {
    const t = await seedTenant(ds);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.append({
          agencyId: t.agencyId,
          clientId: t.clientId,
          actor: 'system:test',
          action: 'policy.updated',
          subjectType: 'test',
          subjectId: String(i),
        }),
      ),
    );
    const v = await audit.verifyClient(t.clientId);
    expect(v).toMatchObject({ ok: true, problems: [] });
    expect(v.count).toBeGreaterThanOrEqual(20);
  });

  it('[C-48] verify finds an edited row', async () => {
    const { t, rows } = await chainOfFive();
    await asSuperuser(`UPDATE audit_events SET data = '{"i": 99}' WHERE id = $1`, [rows[2].id]);
    const v = await audit.verifyClient(t.clientId);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({ seq: rows[2].seq, problem: 'hash_mismatch' });
  });

  it('[C-48] verify finds a deleted row', async () => {
    const { t, rows } = await chainOfFive();
    await asSuperuser(`DELETE FROM audit_events WHERE id = $1`, [rows[1].id]);
    const v = await audit.verifyClient(t.clientId);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.problem)).toEqual(expect.arrayContaining(['sequence_gap', 'broken_link']));
  });

  it('[C-48] verify finds an inserted row, even with a plausible hash', async () => {
    const { t, rows } = await chainOfFive();
    // Make room at seq 3 (two steps, because (chain_key, seq) is unique).
    await asSuperuser(`UPDATE audit_events SET seq = -seq WHERE client_id = $1 AND seq >= 3`, [t.clientId]);
    await asSuperuser(`UPDATE audit_events SET seq = -seq + 1 WHERE client_id = $1 AND seq < 0`, [t.clientId]);
    const [prev] = await ds.query<{ hash: string }[]>(`SELECT hash FROM audit_events WHERE id = $1`, [rows[1].id]);
    await asSuperuser(
      `INSERT INTO audit_events (chain_key, seq, agency_id, client_id, actor, action, subject_type, subject_id, data, prev_hash, hash, created_at)
       VALUES ($1, 3, $2, $3, 'user:forged', 'approval.granted', 'test', 'x', '{}', $4, $5, now())`,
      [`client:${t.clientId}`, t.agencyId, t.clientId, prev.hash, 'f'.repeat(64)],
    );
    const v = await audit.verifyClient(t.clientId);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({ seq: '3', problem: 'hash_mismatch' });
    expect(v.problems).toContainEqual({ seq: '4', problem: 'broken_link' });
  });
});
