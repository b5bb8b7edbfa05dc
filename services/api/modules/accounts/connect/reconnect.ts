import type { AuditInput } from '../../../../core/audit/audit.service';
import { accountFingerprint } from '../../../../core/connectors/content-fingerprint';
import type { PlatformIdentity } from '../../../../core/connectors/connector.types';
import type { PlatformAccount } from '../../../../core/database/entities';

const at = (handle: string) => (handle.startsWith('@') ? handle : `@${handle}`);

/** What the operator reads when they signed in at the platform as someone else than the account they reconnect. */
export function otherIdentityMessage(signedInAs: string, accountHandle: string): string {
  return (
    `you signed in as ${at(signedInAs)}, but this account is ${at(accountHandle)}; sign in as ` +
    `${at(accountHandle)} to reconnect it. Nothing was saved.`
  );
}

/**
 * Whether the identity the platform reported is the account being reconnected (C-19): the same fingerprint the
 * guard compares before every side effect. A token of another identity must never be bound to this account's
 * history, approvals and policies.
 */
export function isSameIdentity(account: Pick<PlatformAccount, 'platform' | 'fingerprint'>, identity: PlatformIdentity) {
  return accountFingerprint(account.platform, identity.externalAccountId) === account.fingerprint;
}

/** The audit event of a reconnect refused because the platform answered for another identity (an alert). */
export function reconnectRefusedEvent(a: {
  account: Pick<PlatformAccount, 'id' | 'agencyId' | 'clientId' | 'platform' | 'fingerprint'>;
  actorId: string;
  attemptId: string;
  observedExternalId: string;
}): AuditInput {
  return {
    agencyId: a.account.agencyId,
    clientId: a.account.clientId,
    actor: `user:${a.actorId}`,
    action: 'account.connect_refused',
    subjectType: 'oauth_attempt',
    subjectId: a.attemptId,
    data: {
      platform: a.account.platform,
      reason: 'reconnect_other_identity',
      alert: true,
      accountId: a.account.id,
      expectedFingerprint: a.account.fingerprint,
      observedFingerprint: accountFingerprint(a.account.platform, a.observedExternalId),
    },
  };
}
