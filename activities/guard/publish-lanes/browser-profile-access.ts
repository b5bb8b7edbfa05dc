import type { BrowserStorageState } from '../../../services/core/browser/browser-driver.port';
import type { PlatformAccount } from '../../../services/core/database/entities';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { ManifestIdentity } from '../browser-identity.guard';

/** A profile opened for one action: its manifest verified, its storage state decrypted (C-40, C-41). */
export interface OpenedProfile {
  profileId: string;
  manifest: ManifestIdentity;
  state: BrowserStorageState;
  /** hybrid lane: which side writes (the other verifies) */
  hybridWriter: 'api' | 'browser';
  /** read_only until two Admins enable side effects (C-42); checked here again, beside the policy */
  mode: 'read_only' | 'side_effects';
}

/** What the browser lane needs of the profile store; the runner backs it with services/core/browser. */
export interface BrowserProfileAccess {
  /** a reason instead of a profile when none is attached, its manifest does not verify, or it cannot be opened */
  open(account: PlatformAccount, actor: string): Promise<OpenedProfile | { refused: Reason }>;
  /** C-43: drift or a challenge page turns the profile read-only (two Admins enable it again), audited */
  stopSideEffects(account: PlatformAccount, profileId: string, reason: Reason, actor: string): Promise<void>;
}
