import type { BrowserProfileAccess } from '../../../activities/guard/publish-lanes/browser-profile-access';
import { BrowserProfileError } from '../../core/browser/browser-profile.errors';
import type { BrowserProfileService } from '../../core/browser/browser-profile.service';
import { BrowserProfile } from '../../core/database/entities';
import type { DataSource } from 'typeorm';
import { BROWSER_STOP_MESSAGES, isBrowserStopKind } from '../../../workflows/contracts/vocabulary/browser-lane';

/**
 * The browser lane's view of the profile store: a profile opened only after its manifest verifies (C-41) and its
 * storage state decrypts (C-40), inside this runner, for one action; a stop turns it read-only (C-43).
 */
export function browserProfileAccess(ds: DataSource, profiles: BrowserProfileService): BrowserProfileAccess {
  return {
    async open(account) {
      const row = await ds.manager.findOne(BrowserProfile, {
        where: { platformAccountId: account.id, clientId: account.clientId },
        select: { id: true, hybridWriter: true },
      });
      if (!row)
        return {
          refused: { code: 'browser_profile_missing', message: 'no browser profile is attached to the account' },
        };
      try {
        // Not inside a transaction of ours: a refused manifest's audit event must outlive the refusal.
        const opened = await profiles.openForAction(ds.manager, { clientId: account.clientId, profileId: row.id });
        return {
          profileId: row.id,
          manifest: {
            externalAccountId: opened.manifest.externalAccountId,
            handle: opened.manifest.handle,
            displayName: opened.manifest.displayName,
          },
          state: opened.state,
          hybridWriter: row.hybridWriter,
          mode: opened.profile.mode,
        };
      } catch (err) {
        if (
          err instanceof BrowserProfileError &&
          (err.code === 'manifest_invalid' || err.code === 'profile_unreadable')
        )
          return { refused: { code: `browser_${err.code}`, message: BROWSER_STOP_MESSAGES[err.code] } };
        throw err;
      }
    },

    async stopSideEffects(account, profileId, reason, actor) {
      const kind = reason.code.replace(/^browser_/, '');
      await profiles.setReadOnly({
        clientId: account.clientId,
        profileId,
        actor,
        reason: { code: isBrowserStopKind(kind) ? kind : 'selector_drift', message: reason.message },
      });
    },
  };
}
