import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../database/entities';
import type { AuditAction } from '../../../workflows/contracts/vocabulary/audit-actions';
import { loadAppConfig } from '../config/app-config';
import { createSecrets } from '../secrets/create-secrets';
import type { SecretsPort } from '../secrets/secrets.port';
import { afterCommit } from './after-commit';
import { AuditCheckpoints } from './audit-checkpoints';
import { correlationId } from '../telemetry/correlation';
import { auditHash, chainKeyFor, correlationField, GENESIS_HASH } from './audit-hash';
import { AuditKey } from './audit-key';

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
  /** the action's trace id; by default the active span's (C-50) */
  correlationId?: string;
}

export interface ChainVerification {
  chainKey: string;
  ok: boolean;
  count: number;
  problems: { seq: string; problem: ChainProblem }[];
}

/**
 * `truncated`: the checkpointed head is gone (rows cut off the end); `checkpoint_mismatch`: the row at the
 * checkpoint's seq is not the one checkpointed; `no_checkpoint`: the chain has rows but the secrets backend
 * holds no checkpoint for it, so nothing outside the database vouches for it.
 */
export type ChainProblem =
  'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'truncated' | 'checkpoint_mismatch' | 'no_checkpoint';

/**
 * The tamper-evident audit trail (C-48): rows chained by HMAC under a key of the secrets backend, each chain's
 * head checkpointed there after every commit, so rewriting rows with recomputed hashes or cutting off the
 * newest ones is found by `verifyChain` even with database superuser rights.
 */
export class AuditService {
  private readonly key: AuditKey;
  private readonly checkpoints: AuditCheckpoints;

  /**
   * `secrets`: the installation's secrets backend, where the chain key and checkpoints live. The API and the
   * worker pass theirs; scripts, the bootstrap and tests may leave it out and get the backend the environment
   * configures (RAIZE_DATA_DIR, RAIZE_SECRETS_BACKEND…), resolved at first use.
   */
  constructor(
    private readonly ds: DataSource,
    secrets?: SecretsPort,
  ) {
    const port = secrets ?? lazySecretsFromEnvironment();
    this.key = new AuditKey(port);
    this.checkpoints = new AuditCheckpoints(port);
  }

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
    const { key, head: start } = await this.lockHead(m, chainKey);
    let head = start;
    const rows: AuditEvent[] = [];
    for (const input of inputs) {
      const row = this.chained(m, chainKey, head, input, key);
      rows.push(row);
      head = { seq: row.seq, hash: row.hash };
    }
    await this.insertRows(m, rows);
    await this.checkpointAfterCommit(m, chainKey, head!);
  }

  /** Locks the chain, reads its committed head and makes sure the chain is anchored before a keyed row. */
  private async lockHead(
    m: EntityManager,
    chainKey: string,
  ): Promise<{ key: Buffer; head: { seq: string; hash: string } | null }> {
    const key = await this.key.forAppend(m);
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [chainKey]);
    // Global events are readable only by platform staff and the operator they name (C-01): the writer asks for the
    // global chain's head alone, through a security-definer function, rather than for its rows.
    const last: { seq: string; hash: string }[] =
      chainKey === chainKeyFor(null, null)
        ? await m.query('SELECT seq, hash FROM raize_audit_global_head()')
        : await m.query('SELECT seq, hash FROM audit_events WHERE chain_key = $1 ORDER BY seq DESC LIMIT 1', [
            chainKey,
          ]);
    const head = last[0] ?? null;
    await this.checkpoints.anchor(chainKey, head, GENESIS_HASH);
    return { key, head };
  }

  private checkpointAfterCommit(m: EntityManager, chainKey: string, head: { seq: string; hash: string }) {
    return afterCommit(m, () => this.checkpoints.advance(chainKey, head));
  }

  private async appendWith(m: EntityManager, input: AuditInput): Promise<AuditEvent> {
    const chainKey = chainKeyFor(input.agencyId, input.clientId);
    const { key, head } = await this.lockHead(m, chainKey);
    const row = this.chained(m, chainKey, head, input, key);
    await this.insertRows(m, [row]);
    await this.checkpointAfterCommit(m, chainKey, { seq: row.seq, hash: row.hash });
    return row;
  }

  /**
   * INSERT without RETURNING: the writer of a global event (a sign-in, a token) need not be able to read it back,
   * and row-level security refuses a RETURNING of a row the scope cannot see (C-01). No caller needs the row id.
   */
  private async insertRows(m: EntityManager, rows: AuditEvent[]): Promise<void> {
    // `data` is free-form JSON, which TypeORM's deep-partial type cannot express.
    const values = rows as QueryDeepPartialEntity<AuditEvent>[];
    await m.createQueryBuilder().insert().into(AuditEvent).values(values).updateEntity(false).execute();
  }

  private chained(
    m: EntityManager,
    chainKey: string,
    head: { seq: string; hash: string } | null,
    input: AuditInput,
    key: Buffer,
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
    const correlation = input.correlationId ?? correlationId() ?? null;
    const hash = auditHash(
      prevHash,
      { ...fields, createdAt: createdAt.toISOString(), ...correlationField(correlation) },
      key,
    );
    return m.create(AuditEvent, { ...fields, prevHash, hash, createdAt, correlationId: correlation });
  }

  async forSubject(subjectType: string, subjectId: string, clientId: string): Promise<AuditEvent[]> {
    return this.ds.getRepository(AuditEvent).find({
      where: { subjectType, subjectId, clientId },
      order: { id: 'ASC' },
    });
  }

  /**
   * Walks one chain from genesis: an edited, inserted or deleted row breaks a hash or a link; rows from the
   * chain's `keyedFrom` on must carry the keyed hash; the checkpointed head must still be there, unchanged.
   */
  async verifyChain(chainKey: string): Promise<ChainVerification> {
    const rows = await this.ds.getRepository(AuditEvent).find({ where: { chainKey }, order: { seq: 'ASC' } });
    const checkpoint = await this.checkpoints.read(chainKey);
    const key = checkpoint ? await this.key.forVerify() : undefined;
    const keyedFrom = checkpoint ? BigInt(checkpoint.keyedFrom) : undefined;
    const problems: ChainVerification['problems'] = [];
    if (!checkpoint && rows.length) problems.push({ seq: rows[rows.length - 1].seq, problem: 'no_checkpoint' });
    let prev = GENESIS_HASH;
    let expectedSeq = 1n;
    for (const r of rows) {
      if (BigInt(r.seq) !== expectedSeq) problems.push({ seq: r.seq, problem: 'sequence_gap' });
      if (r.prevHash !== prev) problems.push({ seq: r.seq, problem: 'broken_link' });
      const keyed = keyedFrom !== undefined && BigInt(r.seq) >= keyedFrom;
      const recomputed = auditHash(
        r.prevHash,
        {
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
          ...correlationField(r.correlationId),
        },
        keyed ? key : undefined,
      );
      if (recomputed !== r.hash) problems.push({ seq: r.seq, problem: 'hash_mismatch' });
      prev = r.hash;
      expectedSeq = BigInt(r.seq) + 1n;
    }
    if (checkpoint && checkpoint.seq !== '0') {
      const atCheckpoint = rows.find((r) => String(r.seq) === checkpoint.seq);
      if (!atCheckpoint) problems.push({ seq: checkpoint.seq, problem: 'truncated' });
      else if (atCheckpoint.hash !== checkpoint.hash)
        problems.push({ seq: checkpoint.seq, problem: 'checkpoint_mismatch' });
    }
    return { chainKey, ok: problems.length === 0, count: rows.length, problems };
  }

  verifyClient(clientId: string): Promise<ChainVerification> {
    return this.verifyChain(chainKeyFor(null, clientId));
  }
}

function lazySecretsFromEnvironment(): SecretsPort {
  let port: SecretsPort | undefined;
  const resolve = () => (port ??= createSecrets(loadAppConfig()));
  return {
    get backend() {
      return resolve().backend;
    },
    put: (key, value) => resolve().put(key, value),
    get: (key) => resolve().get(key),
    delete: (key) => resolve().delete(key),
  };
}
