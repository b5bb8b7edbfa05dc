import type { EntityManager } from 'typeorm';
import type { LedgerResult } from '../database/entities';
import { SideEffectLedgerEntry } from '../database/entities';

export interface LedgerKey {
  idempotencyKey: string;
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  action: string;
  /** of the content about to be sent; kept from the first attempt, never overwritten */
  contentFingerprint: string;
}

export type LedgerClaim =
  | { state: 'fresh' }
  /** an earlier attempt may have reached the platform: reconcile before calling again */
  | { state: 'uncertain'; firstAttemptAt: Date; unknownSince: Date; looks: number; contentFingerprint: string }
  | { state: 'succeeded'; result: LedgerResult }
  /** another attempt holds a live lease: it may be talking to the platform right now */
  | { state: 'held'; leaseExpiresAt: Date }
  /** the key exists but belongs to another tenant or account (C-05) */
  | { state: 'foreign' };

/** Step 4 of the kernel (C-22): one row per idempotency key, claimed under a lease and settled after the call. */
export class SideEffectLedgerRepository {
  /** Claims the key for `owner` until `leaseUntil`. Run it inside the kernel's claim transaction. */
  async claim(m: EntityManager, k: LedgerKey, owner: string, now: Date, leaseUntil: Date): Promise<LedgerClaim> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO side_effect_ledger (idempotency_key, agency_id, client_id, platform_account_id, action, state, attempts, content_fingerprint, owner, lease_expires_at, first_attempt_at)
       VALUES ($1, $2, $3, $4, $5, 'attempting', 1, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [
        k.idempotencyKey,
        k.agencyId,
        k.clientId,
        k.platformAccountId,
        k.action,
        k.contentFingerprint,
        owner,
        leaseUntil,
        now,
      ],
    );
    if (inserted.length) return { state: 'fresh' };
    const row = await m.findOne(SideEffectLedgerEntry, {
      where: { idempotencyKey: k.idempotencyKey },
      lock: { mode: 'pessimistic_write' },
    });
    // Under row-level security another tenant's row is invisible: that reads as "not found", and is refused too.
    if (
      !row ||
      row.clientId !== k.clientId ||
      row.platformAccountId !== k.platformAccountId ||
      row.action !== k.action
    ) {
      return { state: 'foreign' };
    }
    if (row.state === 'succeeded')
      return { state: 'succeeded', result: row.result ?? { postId: '', url: '', verified: false } };
    if (row.state === 'attempting' && row.owner !== owner && row.leaseExpiresAt && row.leaseExpiresAt > now) {
      return { state: 'held', leaseExpiresAt: row.leaseExpiresAt };
    }
    // A row released as failed had a known outcome (nothing reached the platform): a clean new attempt. Any other
    // unsettled row is an attempt that may have reached the platform (it timed out, or its worker died): its
    // outcome is unknown from its last sign of life, fixed now so later attempts measure the settle window
    // from the same instant.
    const unknownSince = row.state === 'failed' ? null : (row.outcomeUnknownAt ?? row.updatedAt);
    await m.update(
      SideEffectLedgerEntry,
      { idempotencyKey: k.idempotencyKey },
      {
        attempts: row.attempts + 1,
        state: 'attempting',
        owner,
        leaseExpiresAt: leaseUntil,
        outcomeUnknownAt: unknownSince,
      },
    );
    if (!unknownSince) return { state: 'fresh' };
    return {
      state: 'uncertain',
      firstAttemptAt: row.firstAttemptAt ?? row.createdAt,
      unknownSince,
      looks: row.reconcileLooks,
      contentFingerprint: row.contentFingerprint,
    };
  }

  /** The stored result when this key already went out for this client and account; a retry then only reports it. */
  async settled(
    m: EntityManager,
    k: Pick<LedgerKey, 'idempotencyKey' | 'clientId' | 'platformAccountId' | 'action'>,
  ): Promise<LedgerResult | null> {
    const row = await m.findOne(SideEffectLedgerEntry, { where: { idempotencyKey: k.idempotencyKey } });
    if (
      !row ||
      row.state !== 'succeeded' ||
      row.clientId !== k.clientId ||
      row.platformAccountId !== k.platformAccountId
    )
      return null;
    if (row.action !== k.action) return null;
    return row.result;
  }

  /** The writer's resume memory for this key (empty when none). */
  async resume(m: EntityManager, idempotencyKey: string): Promise<Record<string, string>> {
    const rows: { resume: Record<string, unknown> | null }[] = await m.query(
      `SELECT resume FROM side_effect_ledger WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    const raw = rows[0]?.resume ?? {};
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  /**
   * Merges values into the resume memory, only while `owner` holds the attempt: a stale attempt whose lease was
   * taken over cannot overwrite the progress of the one that replaced it. An empty string removes a key.
   */
  async putResume(
    m: EntityManager,
    idempotencyKey: string,
    owner: string,
    values: Record<string, string>,
  ): Promise<void> {
    const removed = Object.keys(values).filter((k) => values[k] === '');
    const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const res: unknown = await m.query(
      `UPDATE side_effect_ledger SET resume = (resume - $4::text[]) || $3::jsonb, updated_at = now()
       WHERE idempotency_key = $1 AND owner = $2 AND state = 'attempting' RETURNING 1 AS saved`,
      [idempotencyKey, owner, JSON.stringify(kept), removed],
    );
    // The pg driver answers an UPDATE ... RETURNING as [rows, count].
    const rows: unknown = Array.isArray(res) && Array.isArray(res[0]) ? res[0] : res;
    if (!Array.isArray(rows) || rows.length !== 1)
      throw new Error('the side effect is no longer held by this attempt; its progress was not saved');
  }

  /** The call's outcome is unknown: record since when (the earliest), and free the lease for the next attempt. */
  async markUnknown(m: EntityManager, idempotencyKey: string, owner: string, now: Date): Promise<void> {
    await m.query(
      `UPDATE side_effect_ledger SET outcome_unknown_at = coalesce(outcome_unknown_at, $3), lease_expires_at = $3, updated_at = now()
       WHERE idempotency_key = $1 AND owner = $2 AND state = 'attempting'`,
      [idempotencyKey, owner, now],
    );
  }

  /** Reconciliation looked and found nothing (yet). */
  async noteLook(m: EntityManager, idempotencyKey: string): Promise<number> {
    await m.query(
      `UPDATE side_effect_ledger SET reconcile_looks = reconcile_looks + 1, lease_expires_at = now() WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    const row = await m.findOne(SideEffectLedgerEntry, {
      where: { idempotencyKey },
      select: { idempotencyKey: true, reconcileLooks: true },
    });
    return row?.reconcileLooks ?? 0;
  }

  /** Nothing reached the platform (a refusal before sending, or a definite rejection): the key may be tried afresh. */
  async release(m: EntityManager, idempotencyKey: string, owner: string): Promise<void> {
    await m.query(
      `UPDATE side_effect_ledger SET state = 'failed', owner = NULL, lease_expires_at = NULL, updated_at = now()
       WHERE idempotency_key = $1 AND owner = $2 AND state = 'attempting' AND outcome_unknown_at IS NULL`,
      [idempotencyKey, owner],
    );
  }

  async settle(m: EntityManager, idempotencyKey: string, result: LedgerResult): Promise<void> {
    await m.update(
      SideEffectLedgerEntry,
      { idempotencyKey },
      { state: 'succeeded', result, platformPostId: result.postId, owner: null, leaseExpiresAt: null },
    );
  }

  /** Whether another ledger row already owns this platform post: reconciliation must never take it. */
  async postClaimedElsewhere(
    m: EntityManager,
    q: { platformAccountId: string; action: string; postId: string; idempotencyKey: string },
  ): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM side_effect_ledger WHERE platform_account_id = $1 AND action = $2 AND platform_post_id = $3 AND idempotency_key <> $4 LIMIT 1`,
      [q.platformAccountId, q.action, q.postId, q.idempotencyKey],
    );
    return rows.length > 0;
  }
}
