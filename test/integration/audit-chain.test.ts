import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { auditHash, GENESIS_HASH } from '../../services/core/audit/audit-hash';
import { AuditService } from '../../services/core/audit/audit.service';
import { AuditEvent } from '../../services/core/database/entities';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { seedTenant } from '../factories/tenant.factory';
import { openDataSource, tempDataDir } from '../harness/test-env';

describe('the audit trail', () => {
  let ds: DataSource;
  let audit: AuditService;
  beforeAll(async () => {
    ds = await openDataSource();
    // The installation's secrets backend as the environment configures it (the harness's keyring of this run),
    // the one the bootstrap that seeds the tenants writes to as well.
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
  /** Plain SHA-256 over the row as stored: all an attacker without the chain key can compute. */
  const unkeyedHash = (r: AuditEvent, prevHash: string) =>
    auditHash(prevHash, {
      chainKey: r.chainKey,
      seq: String(r.seq),
      agencyId: r.agencyId,
      clientId: r.clientId,
      actor: r.actor,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      data: r.data,
      createdAt: r.createdAt.toISOString(),
    });

  /** Edits one row and recomputes every hash and link from there on, as a superuser without the key would. */
  async function rewriteFrom(clientId: string, seq: string, data: Record<string, unknown>) {
    const rows = await ds.getRepository(AuditEvent).find({ where: { clientId }, order: { seq: 'ASC' } });
    let prev = GENESIS_HASH;
    for (const r of rows) {
      if (BigInt(r.seq) >= BigInt(seq)) {
        if (r.seq === seq) r.data = data;
        const hash = unkeyedHash(r, prev);
        await asSuperuser(`UPDATE audit_events SET data = $1, prev_hash = $2, hash = $3 WHERE id = $4`, [
          r.data,
          prev,
          hash,
          r.id,
        ]);
        r.hash = hash;
      }
      prev = r.hash;
    }
  }

  it('[C-48] an untouched keyed chain verifies against its checkpoint', async () => {
    const { t, rows } = await chainOfFive();
    const v = await audit.verifyClient(t.clientId);
    expect(v).toMatchObject({ ok: true, problems: [] });
    expect(v.count).toBe(rows.length);
  });

  it('[C-48] a row rewritten with recomputed (unkeyed) hashes all along the chain is found', async () => {
    const { t, rows } = await chainOfFive();
    await rewriteFrom(t.clientId, rows[2].seq, { i: 99 });
    const v = await audit.verifyClient(t.clientId);
    expect(v.ok).toBe(false);
    // Every link holds (the attacker fixed them all); only the key betrays the rewrite.
    expect(v.problems.map((p) => p.problem)).not.toContain('broken_link');
    expect(v.problems).toContainEqual({ seq: rows[2].seq, problem: 'hash_mismatch' });
  });

  it('[C-48] cutting the newest row off the chain is found (the checkpoint names the head)', async () => {
    const { t, rows } = await chainOfFive();
    const last = rows[rows.length - 1];
    await asSuperuser(`DELETE FROM audit_events WHERE id = $1`, [last.id]);
    const v = await audit.verifyClient(t.clientId);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([{ seq: last.seq, problem: 'truncated' }]);
  });

  it('[C-48] rows written before the chain was keyed still verify, anchored by the first keyed row', async () => {
    const t = await seedTenant(ds);
    // A chain of its own, written the way Raize wrote every chain before the key: plain SHA-256.
    const chainKey = `client:${t.clientId}`;
    await asSuperuser(`DELETE FROM audit_events WHERE chain_key = $1`, [chainKey]);
    let prev = GENESIS_HASH;
    for (const seq of ['1', '2', '3']) {
      const row = ds.getRepository(AuditEvent).create({
        chainKey,
        seq,
        agencyId: t.agencyId,
        clientId: t.clientId,
        actor: 'system:legacy',
        action: 'policy.updated',
        subjectType: 'test',
        subjectId: seq,
        data: {},
        prevHash: prev,
        createdAt: new Date(),
      });
      row.hash = unkeyedHash(row, prev);
      await ds.getRepository(AuditEvent).save(row);
      prev = row.hash;
    }
    // This installation has a key and a checkpoint for the client already (the seed's event): a fresh service
    // with a keyring that has neither plays the first append after the upgrade.
    const upgraded = new AuditService(ds, createSecrets({ dataDir: tempDataDir() }));
    await upgraded.append({
      agencyId: t.agencyId,
      clientId: t.clientId,
      actor: 'system:test',
      action: 'policy.updated',
      subjectType: 'test',
      subjectId: 'after the upgrade',
    });
    expect(await upgraded.verifyClient(t.clientId)).toMatchObject({ ok: true, count: 4, problems: [] });
    // The legacy rows are anchored: rewriting one (and relinking the legacy part) breaks the keyed row's link.
    await rewriteFrom(t.clientId, '2', { forged: true });
    const v = await upgraded.verifyClient(t.clientId);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.problem)).toEqual(expect.arrayContaining(['hash_mismatch']));
  });
});
