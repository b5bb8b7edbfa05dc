import type { EntityManager } from 'typeorm';
import type { ConnectorError } from '../connectors/connector.errors';
import type { AccountStanding } from '../connectors/connector.types';
import type { RecordedConnectorError } from '../database/entities/account-health.entity';
import type { PlatformAccount } from '../database/entities/platform-account.entity';
import type { HealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';
import { HEALTH_SIGNALS } from '../../../workflows/contracts/vocabulary/health-signals';
import {
  alertedSignal,
  claimAlert,
  type HealthSubject,
  releaseAlert,
  upsertFailure,
  upsertStanding,
  upsertSuccess,
} from './account-health.repository';
import { describeConnectorError } from './describe-connector-error';
import { standingSchema } from './health-row.schema';
import { platformNameOf } from './platform-name';

/** The account as the recorders need it: its tenant (for the row) and its platform (for the words). */
export type RecordedAccount = HealthSubject & Pick<PlatformAccount, 'platform'>;

/** Signals a standing reports (restrictions, missing permissions): a standing without them clears their alert. */
const REPORTED_BY_STANDING: readonly HealthSignal[] = ['private_only', 'app_in_testing', 'missing_permissions'];

/**
 * Signals about the connection's standing or schedule rather than one call: a successful post does not make them go
 * away. Every other signal is about calls failing, and a call that works again clears its alert.
 */
const OUTLIVE_SUCCESS: readonly HealthSignal[] = [...REPORTED_BY_STANDING, 'reconsent_due', 'api_version_sunset'];
export const CLEARED_BY_SUCCESS: readonly HealthSignal[] = HEALTH_SIGNALS.filter((s) => !OUTLIVE_SUCCESS.includes(s));

// These are what the guard's kernel and the token workflow call, inside their own transactions: each is one or two
// statements on the caller's EntityManager and never opens a transaction of its own.

/** A call to the platform worked: the last success moves, and an alert about failing calls clears. */
export async function recordSuccess(m: EntityManager, account: HealthSubject, at: Date = new Date()): Promise<void> {
  await upsertSuccess(m, account, at);
  await releaseAlert(m, account, CLEARED_BY_SUCCESS);
}

/** A call failed: kept in an operator's words (never the platform's text) with the four newest before it. */
export async function recordFailure(
  m: EntityManager,
  account: RecordedAccount,
  err: ConnectorError,
  at: Date = new Date(),
): Promise<RecordedConnectorError> {
  const recorded = describeConnectorError(err, platformNameOf(account.platform), at);
  await upsertFailure(m, account, recorded);
  return recorded;
}

/**
 * What the platform says about the account (meters, restrictions, missing permissions), checked before it is kept:
 * it came from the platform. An alert about a standing signal the platform no longer reports clears.
 */
export async function recordStanding(
  m: EntityManager,
  account: RecordedAccount,
  standing: AccountStanding,
  at: Date = new Date(),
): Promise<AccountStanding> {
  const checked = standingSchema.parse(standing);
  await upsertStanding(m, account, checked, at);
  const present = new Set<HealthSignal>(checked.restrictions.map((r) => r.code));
  if (checked.missing.length) present.add('missing_permissions');
  await releaseAlert(
    m,
    account,
    REPORTED_BY_STANDING.filter((s) => !present.has(s)),
  );
  return checked;
}

/** Whether an alert for `signal` should go out: not when the same signal was alerted and has not cleared. */
export async function shouldAlert(m: EntityManager, account: HealthSubject, signal: HealthSignal): Promise<boolean> {
  return (await alertedSignal(m, account)) !== signal;
}

/**
 * Marks `signal` alerted; true when this call is the one that should send the alert (it was not alerted yet). Use
 * this rather than shouldAlert-then-mark when two processes may race on the same breakage.
 */
export function markAlerted(m: EntityManager, account: HealthSubject, signal: HealthSignal): Promise<boolean> {
  return claimAlert(m, account, signal);
}

/** The problem is over (a reconnect, a fixed permission): the next time `signal` (or any, if absent) happens, alert. */
export function clearAlert(m: EntityManager, account: HealthSubject, signal?: HealthSignal): Promise<boolean> {
  return releaseAlert(m, account, signal ? [signal] : undefined);
}
