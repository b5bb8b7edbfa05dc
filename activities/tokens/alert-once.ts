import type { EntityManager } from 'typeorm';
import type { HealthSignal } from '../../workflows/contracts/vocabulary/health-signals';

export interface AlertSubject {
  id: string;
  agencyId: string;
  clientId: string;
}

/**
 * Records that `signal` was alerted for the account and answers whether this call is the first to do so (one
 * statement, so two workers or a worker and a post's guard racing on the same revocation alert once between them).
 * The same signal stays alerted until a reconnect clears it (clearAlert).
 */
export async function claimAlert(m: EntityManager, account: AlertSubject, signal: HealthSignal): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `INSERT INTO account_health (platform_account_id, agency_id, client_id, alerted_signal, alerted_at, updated_at)
     VALUES ($1, $2, $3, $4, now(), now())
     ON CONFLICT (platform_account_id) DO UPDATE
       SET alerted_signal = EXCLUDED.alerted_signal, alerted_at = EXCLUDED.alerted_at, updated_at = now()
       WHERE account_health.alerted_signal IS DISTINCT FROM EXCLUDED.alerted_signal
     RETURNING platform_account_id`,
    [account.id, account.agencyId, account.clientId, signal],
  );
  return rows.length > 0;
}

/** The alerted signal, if any (a reconsent notice is not repeated). */
export async function alertedSignal(m: EntityManager, account: AlertSubject): Promise<string | null> {
  const rows: { alerted_signal: string | null }[] = await m.query(
    'SELECT alerted_signal FROM account_health WHERE platform_account_id = $1 AND client_id = $2',
    [account.id, account.clientId],
  );
  return rows[0]?.alerted_signal ?? null;
}
