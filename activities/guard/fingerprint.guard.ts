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
  deps: QuarantineDeps,
  account: PlatformAccount,
  reader: ConnectorReader,
  cred: ConnectorCredential,
  actor: string,
  opts: CallOptions,
): Promise<FingerprintCheck> {
  const identity = await reader.identity(cred, opts);
  const observed = accountFingerprint(account.platform, identity.externalAccountId);
  if (observed === account.fingerprint) return { ok: true };
  await quarantineAccount(deps, account, actor, {
    reason: 'fingerprint_mismatch',
    expectedFingerprint: account.fingerprint,
    observedFingerprint: observed,
  });
  return { ok: false, observedExternalId: identity.externalAccountId };
}

type QuarantineDeps = {
  ds: DataSource;
  audit: AuditService;
  alert: (msg: string, fields: Record<string, string>) => void;
};

/** Quarantines the account and raises an alert, in the same transaction as the audit event (C-19, C-41). */
export async function quarantineAccount(
  deps: QuarantineDeps,
  account: PlatformAccount,
  actor: string,
  data: { reason: 'fingerprint_mismatch' | 'browser_identity_mismatch'; [k: string]: unknown },
): Promise<void> {
  await deps.ds.transaction(async (m) => {
    await m.update(
      PlatformAccount,
      { id: account.id, clientId: account.clientId },
      { status: 'quarantined', statusReason: data.reason, updatedAt: new Date() },
    );
    await deps.audit.append(
      {
        agencyId: account.agencyId,
        clientId: account.clientId,
        actor,
        action: 'account.quarantined',
        subjectType: 'platform_account',
        subjectId: account.id,
        data,
      },
      m,
    );
  });
  deps.alert(
    data.reason === 'fingerprint_mismatch'
      ? 'account quarantined: token resolves to another identity'
      : 'account quarantined: the browser profile shows another identity than its signed manifest',
    { clientId: account.clientId, accountId: account.id },
  );
}
