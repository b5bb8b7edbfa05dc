import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { AuditService } from '../../services/core/audit/audit.service';
import { PlatformAccount } from '../../services/core/database/entities';
import type { HealthSignal } from '../../workflows/contracts/vocabulary/health-signals';
import { markAlerted } from '../../services/core/connector-health/account-health.service';

export interface NeedsReconnectDeps {
  audit: Pick<AuditService, 'append'>;
  alert: (msg: string, fields: Record<string, string>) => void;
  credentials?: { forget(clientId: string, credentialRefId: string): void };
}

export interface NeedsReconnectResult {
  /** the account moved to needs_reconnect now (false: it already was, or is quarantined or disconnected) */
  marked: boolean;
  /** this call raised the alert (false: the same signal was already alerted) */
  alerted: boolean;
}

/** Only a working account moves: a quarantine (C-19) says more than "sign in again", and a disconnected one is gone. */
const MARKABLE: PlatformAccount['status'][] = ['connected', 'read_only'];

/**
 * The platform refused the account's token for good (revoked, expired, refresh token dead, re-consent due): the
 * account goes to `needs_reconnect` with the signal as its reason, so the guard pauses its posts with
 * `account_needs_reconnect` (policies/raize/sideeffect/account.rego) instead of failing them; it is audited once, an
 * operator is alerted once per signal (not once per post), and the cached credential is dropped. Runs in the
 * caller's transaction (the token workflow's activity, or the guard's catch of an auth error during a publish).
 * The alert goes out when the row says it is the first; if the caller's transaction then rolls back, the next
 * refusal alerts again (at least once, never once per post).
 */
export async function markNeedsReconnect(
  m: EntityManager,
  deps: NeedsReconnectDeps,
  account: Pick<PlatformAccount, 'id' | 'agencyId' | 'clientId' | 'credentialRefId'>,
  signal: HealthSignal,
  opts: { actor?: string; now?: Date } = {},
): Promise<NeedsReconnectResult> {
  const now = opts.now ?? new Date();
  const moved = await m.update(
    PlatformAccount,
    { id: account.id, clientId: account.clientId, status: In(MARKABLE) },
    { status: 'needs_reconnect', statusReason: signal, tokenCheckedAt: now, updatedAt: now },
  );
  const marked = (moved.affected ?? 0) > 0;
  if (marked)
    await deps.audit.append(
      {
        agencyId: account.agencyId,
        clientId: account.clientId,
        actor: opts.actor ?? 'system:tokens',
        action: 'account.needs_reconnect',
        subjectType: 'platform_account',
        subjectId: account.id,
        data: { signal, credentialRefId: account.credentialRefId },
      },
      m,
    );
  // An account already marked (by a post's guard, or an earlier look) was alerted then: one alert per breakage.
  const alerted = marked && (await markAlerted(m, account, signal));
  if (account.credentialRefId) deps.credentials?.forget(account.clientId, account.credentialRefId);
  if (alerted)
    deps.alert('account needs reconnecting: the platform refused its token', {
      clientId: account.clientId,
      accountId: account.id,
      signal,
    });
  return { marked, alerted };
}
