import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { AccountStanding } from '../connectors/connector.types';
import { AccountHealth } from '../database/entities/account-health.entity';
import type { RecordedConnectorError } from '../database/entities/account-health.entity';
import type { PlatformAccount } from '../database/entities/platform-account.entity';
import type { HealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';

/** The account a health row belongs to: its tenant columns go on the row, so row-level security can place it. */
export type HealthSubject = Pick<PlatformAccount, 'id' | 'agencyId' | 'clientId'>;

/** How many errors a row keeps: enough to see a pattern, few enough to read at a glance. */
export const KEPT_ERRORS = 5;

// Every write is one statement (an upsert), never a transaction of its own: the kernel and the token workflow call
// these inside theirs, so the row commits, or rolls back, with the change it describes. Two writers racing on one
// account meet in the ON CONFLICT clause instead of losing one update.

const UPSERT_HEAD = `INSERT INTO account_health AS h (platform_account_id, agency_id, client_id`;

/** A successful call: the newest success wins (a late-arriving older one does not move it back). */
export async function upsertSuccess(m: EntityManager, account: HealthSubject, at: Date): Promise<void> {
  await m.query(
    `${UPSERT_HEAD}, last_success_at, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (platform_account_id) DO UPDATE
       SET last_success_at = greatest(h.last_success_at, EXCLUDED.last_success_at), updated_at = now()
     WHERE h.client_id = EXCLUDED.client_id`,
    [account.id, account.agencyId, account.clientId, at],
  );
}

/** One failure in words: kept with the others, newest first, at most KEPT_ERRORS. */
export async function upsertFailure(m: EntityManager, account: HealthSubject, err: RecordedConnectorError) {
  await m.query(
    `${UPSERT_HEAD}, last_failure_at, recent_errors, updated_at) VALUES ($1, $2, $3, $4, $5::jsonb, now())
     ON CONFLICT (platform_account_id) DO UPDATE
       SET last_failure_at = greatest(h.last_failure_at, EXCLUDED.last_failure_at),
           recent_errors = (
             SELECT coalesce(jsonb_agg(e ORDER BY e->>'at' DESC), '[]'::jsonb)
             FROM (SELECT e FROM jsonb_array_elements(EXCLUDED.recent_errors || h.recent_errors) AS e
                   ORDER BY e->>'at' DESC LIMIT ${KEPT_ERRORS}) newest),
           updated_at = now()
     WHERE h.client_id = EXCLUDED.client_id`,
    [account.id, account.agencyId, account.clientId, new Date(err.at), JSON.stringify([err])],
  );
}

/** What the platform said about the account just now; replaces what it said before. */
export async function upsertStanding(m: EntityManager, account: HealthSubject, standing: AccountStanding, at: Date) {
  await m.query(
    `${UPSERT_HEAD}, quotas, restrictions, missing, standing_checked_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, now())
     ON CONFLICT (platform_account_id) DO UPDATE
       SET quotas = EXCLUDED.quotas, restrictions = EXCLUDED.restrictions, missing = EXCLUDED.missing,
           standing_checked_at = EXCLUDED.standing_checked_at, updated_at = now()
     WHERE h.client_id = EXCLUDED.client_id`,
    [
      account.id,
      account.agencyId,
      account.clientId,
      JSON.stringify(standing.quotas),
      JSON.stringify(standing.restrictions),
      JSON.stringify(standing.missing),
      at,
    ],
  );
}

/**
 * Records `signal` as alerted and answers whether this call was the first to do so: one statement, so two workers
 * (or a worker and a post's guard) racing on the same breakage alert once between them.
 */
export async function claimAlert(m: EntityManager, account: HealthSubject, signal: HealthSignal): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `${UPSERT_HEAD}, alerted_signal, alerted_at, updated_at) VALUES ($1, $2, $3, $4, now(), now())
     ON CONFLICT (platform_account_id) DO UPDATE
       SET alerted_signal = EXCLUDED.alerted_signal, alerted_at = EXCLUDED.alerted_at, updated_at = now()
       WHERE h.client_id = EXCLUDED.client_id AND h.alerted_signal IS DISTINCT FROM EXCLUDED.alerted_signal
     RETURNING platform_account_id`,
    [account.id, account.agencyId, account.clientId, signal],
  );
  return rows.length > 0;
}

/** The signal alerted last, if any. */
export async function alertedSignal(m: EntityManager, account: HealthSubject): Promise<string | null> {
  const rows: { alerted_signal: string | null }[] = await m.query(
    'SELECT alerted_signal FROM account_health WHERE platform_account_id = $1 AND client_id = $2',
    [account.id, account.clientId],
  );
  return rows[0]?.alerted_signal ?? null;
}

/** Clears the alert (only when it is one of `signals`, if given): the next breakage alerts again. */
export async function releaseAlert(
  m: EntityManager,
  account: HealthSubject,
  signals?: readonly HealthSignal[],
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `UPDATE account_health SET alerted_signal = NULL, alerted_at = NULL, updated_at = now()
     WHERE platform_account_id = $1 AND client_id = $2 AND alerted_signal IS NOT NULL
       AND ($3::text[] IS NULL OR alerted_signal = ANY ($3::text[]))
     RETURNING platform_account_id`,
    [account.id, account.clientId, signals ? [...signals] : null],
  );
  return rows.length > 0;
}

/** The health rows of these accounts (row-level security keeps them to the caller's tenants). */
export function healthRowsOf(m: EntityManager, accountIds: string[]): Promise<AccountHealth[]> {
  if (!accountIds.length) return Promise.resolve([]);
  return m.find(AccountHealth, { where: { platformAccountId: In(accountIds) } });
}
