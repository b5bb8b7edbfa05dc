import type {
  BrowserModeReasonCode,
  BrowserProfileMode,
  HybridWriter,
} from '../../../workflows/contracts/vocabulary/browser-lane';
import type { BrowserModeReason, BrowserProfile } from '../database/entities';
import { browserCheckSchema, type BrowserCheckResult } from './browser-check';
import { browserManifestSchema, verifyManifest, type BrowserManifest } from './browser-manifest';

/** What the API and the runner may see of a profile: never the session, never the secret key. */
export interface BrowserProfileView {
  id: string;
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  platform: string;
  /** the stored manifest's fields; null when they do not even parse (then `manifestValid` is false) */
  manifest: BrowserManifest | null;
  /** the signature checks out and the manifest names this very profile (C-41) */
  manifestValid: boolean;
  mode: BrowserProfileMode;
  modeReason: BrowserModeReason | null;
  /** on the hybrid lane, which side publishes (the other verifies) */
  hybridWriter: HybridWriter;
  sideEffectsRequestedBy: string | null;
  sideEffectsRequestedAt: Date | null;
  sideEffectsNote: string | null;
  sideEffectsApprovedBy: string | null;
  sideEffectsApprovedAt: Date | null;
  runnerId: string | null;
  selectorMapVersion: string | null;
  lastCheckAt: Date | null;
  lastCheck: BrowserCheckResult | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Why a stored manifest is refused (audited with `browser.manifest_refused`). */
export type ManifestProblem = 'no_key' | 'unsigned' | 'unparseable' | 'bad_signature' | 'binding_mismatch';

/**
 * The row's manifest, or why it cannot be trusted. A valid signature is not enough: a database writer could copy
 * another profile's signed manifest into this row, so the manifest must also name this row's ids.
 */
export function checkManifest(
  row: BrowserProfile,
  key: Buffer | undefined,
): { manifest: BrowserManifest } | { problem: ManifestProblem; manifest: BrowserManifest | null } {
  const parsed = browserManifestSchema.safeParse(row.manifest);
  const manifest = parsed.success ? parsed.data : null;
  if (!key) return { problem: 'no_key', manifest };
  if (!row.manifestSignature) return { problem: 'unsigned', manifest };
  if (!manifest) return { problem: 'unparseable', manifest };
  if (!verifyManifest(key, row.manifest, row.manifestSignature)) return { problem: 'bad_signature', manifest };
  const bound =
    manifest.profileId === row.id &&
    manifest.clientId === row.clientId &&
    manifest.agencyId === row.agencyId &&
    manifest.platformAccountId === row.platformAccountId &&
    manifest.platform === row.platform;
  return bound ? { manifest } : { problem: 'binding_mismatch', manifest };
}

export function toView(row: BrowserProfile, key: Buffer | undefined): BrowserProfileView {
  const checked = checkManifest(row, key);
  const lastCheck = row.lastCheck ? browserCheckSchema.safeParse(row.lastCheck) : null;
  return {
    id: row.id,
    agencyId: row.agencyId,
    clientId: row.clientId,
    platformAccountId: row.platformAccountId,
    platform: row.platform,
    manifest: checked.manifest,
    manifestValid: !('problem' in checked),
    mode: row.mode,
    modeReason: row.modeReason ? { code: row.modeReason.code, message: row.modeReason.message } : null,
    hybridWriter: row.hybridWriter,
    sideEffectsRequestedBy: row.sideEffectsRequestedBy,
    sideEffectsRequestedAt: row.sideEffectsRequestedAt,
    sideEffectsNote: row.sideEffectsNote,
    sideEffectsApprovedBy: row.sideEffectsApprovedBy,
    sideEffectsApprovedAt: row.sideEffectsApprovedAt,
    runnerId: row.runnerId,
    selectorMapVersion: row.selectorMapVersion,
    lastCheckAt: row.lastCheckAt,
    lastCheck: lastCheck?.success ? lastCheck.data : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Back to read-only, with nothing pending: switching on again takes two Admins from the start (C-42). */
export function readOnlyReset(
  reason: BrowserModeReason | null,
): Pick<
  BrowserProfile,
  | 'mode'
  | 'modeReason'
  | 'sideEffectsRequestedBy'
  | 'sideEffectsRequestedAt'
  | 'sideEffectsNote'
  | 'sideEffectsApprovedBy'
  | 'sideEffectsApprovedAt'
> {
  return {
    mode: 'read_only',
    modeReason: reason,
    sideEffectsRequestedBy: null,
    sideEffectsRequestedAt: null,
    sideEffectsNote: null,
    sideEffectsApprovedBy: null,
    sideEffectsApprovedAt: null,
  };
}

export const REATTACHED_REASON: { code: BrowserModeReasonCode; message: string } = {
  code: 'reattached',
  message: 'A new browser session was attached: new cookies are new trust, so side effects need two Admins again.',
};
