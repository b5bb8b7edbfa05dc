import type { DataSource } from 'typeorm';
import type { AuditService } from '../../services/core/audit/audit.service';
import type { PageIdentity } from '../../services/core/browser/browser-driver.port';
import { accountFingerprint } from '../../services/core/connectors/content-fingerprint';
import type { PlatformAccount } from '../../services/core/database/entities';
import type { FingerprintCheck } from './fingerprint.guard';
import { quarantineAccount } from './fingerprint.guard';

/** The identifiers a profile's signed manifest says its pages must show. */
export interface ManifestIdentity {
  externalAccountId: string;
  handle: string;
  displayName: string | null;
}

const norm = (s: string) => s.normalize('NFC').trim();

/** Which identifiers differ: the page against the manifest, and the page's account against the stored fingerprint. */
export function identityDifferences(
  page: PageIdentity,
  manifest: ManifestIdentity,
  account: PlatformAccount,
): string[] {
  const diffs: string[] = [];
  if (page.externalAccountId !== manifest.externalAccountId) diffs.push('account_id');
  if (norm(page.handle).toLowerCase() !== norm(manifest.handle).toLowerCase()) diffs.push('handle');
  if (manifest.displayName !== null && norm(page.displayName ?? '') !== norm(manifest.displayName))
    diffs.push('display_name');
  if (accountFingerprint(account.platform, page.externalAccountId) !== account.fingerprint) diffs.push('fingerprint');
  return diffs;
}

/**
 * C-41, before every browser action: the identity the page shows must be the manifest's and the connected
 * account's. Any difference stops the action, quarantines the account, alerts, and is audited (field names only).
 */
export async function assertPageIdentity(
  deps: { ds: DataSource; audit: AuditService; alert: (msg: string, fields: Record<string, string>) => void },
  account: PlatformAccount,
  manifest: ManifestIdentity,
  page: PageIdentity,
  actor: string,
): Promise<FingerprintCheck> {
  const differs = identityDifferences(page, manifest, account);
  if (!differs.length) return { ok: true };
  await quarantineAccount(deps, account, actor, { reason: 'browser_identity_mismatch', differs });
  return { ok: false, observedExternalId: page.externalAccountId };
}
