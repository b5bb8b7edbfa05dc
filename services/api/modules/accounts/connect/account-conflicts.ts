import type { EntityManager } from 'typeorm';
import type { AuditInput } from '../../../../core/audit/audit.service';

/**
 * Why a platform account may not be bound to the client asking for it (C-12). One platform identity belongs
 * to one brand: bound under another agency it is refused and raised as an alert (someone may be connecting a
 * brand that is not theirs); bound to another client of the same agency it is refused too, because two
 * clients publishing to one account would bypass each other's policies and caps.
 */
export const CONNECT_REFUSALS = {
  bound_to_other_agency: (handle: string) =>
    `${handle} is already connected to a client of another agency in Raize, so it was not connected here. Nothing was saved; this attempt was recorded for review.`,
  bound_to_sibling_client: (handle: string) =>
    `${handle} is already connected to another client of this agency, so it was not connected here. Nothing was saved.`,
} as const;
export type ConnectRefusal = keyof typeof CONNECT_REFUSALS;

/** Asks the database's two narrow questions (security-definer functions); RLS stays closed to other tenants. */
export async function accountBoundElsewhere(
  m: EntityManager,
  a: { platform: string; externalAccountId: string; agencyId: string; clientId: string },
): Promise<ConnectRefusal | null> {
  const [row]: { outside: boolean; sibling: boolean }[] = await m.query(
    `SELECT raize_account_bound_outside_agency($1, $2, $3) AS outside, raize_account_bound_to_sibling_client($1, $2, $4) AS sibling`,
    [a.platform, a.externalAccountId, a.agencyId, a.clientId],
  );
  if (row.outside) return 'bound_to_other_agency';
  if (row.sibling) return 'bound_to_sibling_client';
  return null;
}

/** One platform identity is bound by one transaction at a time, so two confirmations cannot both pass the check. */
export async function lockPlatformIdentity(m: EntityManager, platform: string, externalAccountId: string) {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
    `raize.platform-identity|${platform}|${externalAccountId}`,
  ]);
}

/** The audit event of a refused connection; one bound under another agency is raised as an alert. */
export function connectRefusedEvent(a: {
  agencyId: string;
  clientId: string;
  actorId: string;
  attemptId: string;
  platform: string;
  refusal: ConnectRefusal;
  fingerprint: string;
}): AuditInput {
  return {
    agencyId: a.agencyId,
    clientId: a.clientId,
    actor: `user:${a.actorId}`,
    action: 'account.connect_refused',
    subjectType: 'oauth_attempt',
    subjectId: a.attemptId,
    data: {
      platform: a.platform,
      reason: a.refusal,
      alert: a.refusal === 'bound_to_other_agency',
      fingerprint: a.fingerprint,
    },
  };
}
