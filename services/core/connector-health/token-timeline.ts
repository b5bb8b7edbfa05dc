import type { TokenLifecycle } from '../connectors/connector.types';
import { nextRefreshAt } from '../connectors/token-schedule';
import type { PlatformAccount } from '../database/entities/platform-account.entity';
import type { TokenTimeline } from './connector-health.types';

type TokenColumns = Pick<PlatformAccount, 'tokenExpiresAt' | 'refreshExpiresAt' | 'tokenCheckedAt'>;

/**
 * The account's token schedule from its columns and the platform's lifecycle: the same rule the token workflow
 * follows (token-schedule.ts), so what the screen says is what will happen. The issue time lives in the secret, so a
 * platform's minimum token age is not applied here: the refresh may come a little later than shown, never earlier.
 */
export function tokenTimeline(account: TokenColumns, lifecycle: TokenLifecycle | undefined): TokenTimeline {
  const refreshable = lifecycle?.refreshable ?? false;
  const expiresAt = account.tokenExpiresAt;
  return {
    expiresAt,
    refreshExpiresAt: account.refreshExpiresAt,
    checkedAt: account.tokenCheckedAt,
    refreshable,
    nextRefreshAt: lifecycle && expiresAt ? nextRefreshAt(lifecycle, { expiresAt: expiresAt.toISOString() }) : null,
    signInAgainBy: refreshable ? account.refreshExpiresAt : expiresAt,
  };
}
