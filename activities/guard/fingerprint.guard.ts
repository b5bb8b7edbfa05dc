import type { DataSource } from 'typeorm';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { CallOptions, ConnectorCredential, ConnectorReader } from '../../services/core/connectors/connector.types';
import { accountFingerprint } from '../../services/core/connectors/content-fingerprint';
import { PlatformAccount } from '../../services/core/database/entities';

export type FingerprintCheck = { ok: true } | { ok: false; observedExternalId: string };

/**
 * Step 3 (C-19): the identity behind the token must be, right now, the one we connected. On a mismatch the
 * account is quarantined and an alert is raised in the same transaction as its audit event.
 */
export async function assertFingerprint(
  deps: { ds: DataSource; audit: AuditService; alert: (msg: string, fields: Record<string, string>) => void },
  account: PlatformAccount,
  reader: ConnectorReader,
  cred: ConnectorCredential,
  actor: string,
  opts: CallOptions,
): Promise<FingerprintCheck> {
  const identity = await reader.identity(cred, opts);
  const observed = accountFingerprint(account.platform, identity.externalAccountId);
  if (observed === account.fingerprint) return { ok: true };
  await deps.ds.transaction(async (m) => {
    await m.update(
      PlatformAccount,
      { id: account.id, clientId: account.clientId },
      { status: 'quarantined', statusReason: 'fingerprint_mismatch', updatedAt: new Date() },
    );
    await deps.audit.append(
      {
        agencyId: account.agencyId,
        clientId: account.clientId,
        actor,
        action: 'account.quarantined',
        subjectType: 'platform_account',
        subjectId: account.id,
        data: {
          reason: 'fingerprint_mismatch',
          expectedFingerprint: account.fingerprint,
          observedFingerprint: observed,
        },
      },
      m,
    );
  });
  deps.alert('account quarantined: token resolves to another identity', {
    clientId: account.clientId,
    accountId: account.id,
  });
  return { ok: false, observedExternalId: identity.externalAccountId };
}
