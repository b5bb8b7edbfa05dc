import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '../database/entities';
import type { AuditAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import { auditHash, chainKeyFor, GENESIS_HASH } from './audit-hash';

export interface AuditInput {
  agencyId: string | null;
  clientId: string | null;
  /** `user:<id>`, `system:<component>` or `workflow:<id>`; never an email. */
  actor: string;
  /** Typed so a caller cannot invent an action the trail's readers do not know (C-48). */
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

export interface ChainVerification {
  chainKey: string;
  ok: boolean;
  count: number;
  problems: { seq: string; problem: 'hash_mismatch' | 'broken_link' | 'sequence_gap' }[];
}

export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Appends inside the caller's transaction when given one, so the event commits with the change it
   * describes. A per-chain advisory lock keeps seq and prev_hash consistent under concurrent writers.
   */
  async append(input: AuditInput, manager?: EntityManager): Promise<AuditEvent> {
    if (manager) return this.appendWith(manager, input);
    return this.ds.transaction((m) => this.appendWith(m, input));
  }

  /**
   * Appends several events of one chain in the caller's transaction, in order: one lock, one look at the chain's
   * head and one INSERT instead of three round trips per event (the guard records two or three at a time).
   */
  async appendAll(inputs: AuditInput[], m: EntityManager): Promise<void> {
    if (!inputs.length) return;
    const chainKey = chainKeyFor(inputs[0].agencyId, inputs[0].clientId);
    if (inputs.some((i) => chainKeyFor(i.agencyId, i.clientId) !== chainKey)) {
      throw new Error('appendAll takes events of one audit chain');
    }
    let head = await this.lockHead(m, chainKey);
    const rows: AuditEvent[] = [];
    for (const input of inputs) {
      const row = this.chained(m, chainKey, head, input);
      rows.push(row);
      head = { seq: row.seq, hash: row.hash };
    }
    await m.save(AuditEvent, rows);
  }

  private async lockHead(m: EntityManager, chainKey: string): Promise<{ seq: string; hash: string } | null> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [chainKey]);
    const last: { seq: string; hash: string }[] = await m.query(
      'SELECT seq, hash FROM audit_events WHERE chain_key = $1 ORDER BY seq DESC LIMIT 1',
      [chainKey],
    );
    return last[0] ?? null;
  }

  private async appendWith(m: EntityManager, input: AuditInput): Promise<AuditEvent> {
    const chainKey = chainKeyFor(input.agencyId, input.clientId);
    const head = await this.lockHead(m, chainKey);
    return m.save(AuditEvent, this.chained(m, chainKey, head, input));
  }

  private chained(
    m: EntityManager,
    chainKey: string,
    head: { seq: string; hash: string } | null,
    input: AuditInput,
  ): AuditEvent {
    const seq = String(head ? BigInt(head.seq) + 1n : 1n);
    const prevHash = head ? head.hash : GENESIS_HASH;
    const createdAt = new Date();
    const fields = {
      chainKey,
      seq,
      agencyId: input.agencyId,
      clientId: input.clientId,
      actor: input.actor,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      data: input.data ?? {},
    };
    const hash = auditHash(prevHash, { ...fields, createdAt: createdAt.toISOString() });
    return m.create(AuditEvent, { ...fields, prevHash, hash, createdAt });
  }

  async forSubject(subjectType: string, subjectId: string, clientId: string): Promise<AuditEvent[]> {
    return this.ds.getRepository(AuditEvent).find({
      where: { subjectType, subjectId, clientId },
      order: { id: 'ASC' },
    });
  }

  /** Walks one chain from genesis: an edited, inserted or deleted row breaks a hash or a link. */
  async verifyChain(chainKey: string): Promise<ChainVerification> {
    const rows = await this.ds.getRepository(AuditEvent).find({ where: { chainKey }, order: { seq: 'ASC' } });
    const problems: ChainVerification['problems'] = [];
    let prev = GENESIS_HASH;
    let expectedSeq = 1n;
    for (const r of rows) {
      if (BigInt(r.seq) !== expectedSeq) problems.push({ seq: r.seq, problem: 'sequence_gap' });
      if (r.prevHash !== prev) problems.push({ seq: r.seq, problem: 'broken_link' });
      const recomputed = auditHash(r.prevHash, {
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
      if (recomputed !== r.hash) problems.push({ seq: r.seq, problem: 'hash_mismatch' });
      prev = r.hash;
      expectedSeq = BigInt(r.seq) + 1n;
    }
    return { chainKey, ok: problems.length === 0, count: rows.length, problems };
  }

  verifyClient(clientId: string): Promise<ChainVerification> {
    return this.verifyChain(chainKeyFor(null, clientId));
  }
}
