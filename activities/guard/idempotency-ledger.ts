import { DataSource } from 'typeorm';
import { LedgerResult, SideEffectLedgerEntry } from '../../services/core/database/entities';

export interface LedgerKey {
  idempotencyKey: string;
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  action: string;
  contentFingerprint: string;
}

export type LedgerClaim =
  | { state: 'fresh' }
  /** an earlier attempt may have reached the platform: reconcile before calling again */
  | { state: 'uncertain'; attempts: number }
  | { state: 'succeeded'; result: LedgerResult };

/** Step 4 (C-22): one row per idempotency key, claimed before the call and settled after it. */
export class IdempotencyLedger {
  constructor(private readonly ds: DataSource) {}

  async claim(k: LedgerKey): Promise<LedgerClaim> {
    return this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO side_effect_ledger (idempotency_key, agency_id, client_id, platform_account_id, action, state, attempts, content_fingerprint)
         VALUES ($1, $2, $3, $4, $5, 'attempting', 0, $6) ON CONFLICT (idempotency_key) DO NOTHING`,
        [k.idempotencyKey, k.agencyId, k.clientId, k.platformAccountId, k.action, k.contentFingerprint],
      );
      const row = await m.findOne(SideEffectLedgerEntry, { where: { idempotencyKey: k.idempotencyKey }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.clientId !== k.clientId || row.platformAccountId !== k.platformAccountId) {
        throw new Error('idempotency key belongs to another tenant or account');
      }
      if (row.state === 'succeeded') return { state: 'succeeded', result: row.result ?? { postId: '', url: '', verified: false } };
      const attempts = row.attempts;
      await m.update(SideEffectLedgerEntry, { idempotencyKey: k.idempotencyKey }, { attempts: attempts + 1, state: 'attempting', contentFingerprint: k.contentFingerprint });
      return attempts === 0 ? { state: 'fresh' } : { state: 'uncertain', attempts };
    });
  }

  async settle(idempotencyKey: string, result: LedgerResult): Promise<void> {
    await this.ds.getRepository(SideEffectLedgerEntry).update({ idempotencyKey }, { state: 'succeeded', result });
  }

  async fail(idempotencyKey: string): Promise<void> {
    await this.ds.getRepository(SideEffectLedgerEntry).update({ idempotencyKey }, { state: 'failed' });
  }
}
