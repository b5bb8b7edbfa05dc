import type { AccountRestriction, QuotaMeter } from '../connectors/connector.types';
import type { RecordedConnectorError } from '../database/entities/account-health.entity';
import type { AccountStatus } from '../database/entities/platform-account.entity';
import type { HealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';
import type { AccountStateAttention, HealthSeverity } from './operator-words';

/**
 * Why an account is listed as needing attention: a platform's signal, a state Raize put the account in, or posts of
 * the account that were removed or changed on the platform after publishing (issue #15).
 */
export type AttentionCode = HealthSignal | AccountStateAttention | 'receipts_broken';

export interface AttentionItem {
  code: AttentionCode;
  /** the health signal behind it; null for Raize's own account states */
  signal: HealthSignal | null;
  severity: HealthSeverity;
  headline: string;
  whatToDo: string;
}

/** When the account's tokens end and what happens before then, without opening the secret. */
export interface TokenTimeline {
  expiresAt: Date | null;
  refreshExpiresAt: Date | null;
  /** the token workflow's last look (refresh or check) */
  checkedAt: Date | null;
  /** the platform renews tokens without the user */
  refreshable: boolean;
  /** when the token workflow refreshes next (null: nothing to refresh, or the platform cannot) */
  nextRefreshAt: Date | null;
  /** the latest the account owner must sign in again (null: not before someone revokes it) */
  signInAgainBy: Date | null;
}

export interface ApiVersionView {
  /** null when Raize has no descriptor for the platform */
  version: string | null;
  /** ISO date */
  sunsetsAt: string | null;
  /** calendar days until the sunset date; 0 or less: retired */
  daysToSunset: number | null;
  source: string | null;
}

/** One account, as the connector health centre shows it. */
export interface AccountHealthView {
  accountId: string;
  agencyId: string;
  clientId: string;
  platform: string;
  platformName: string;
  handle: string;
  status: AccountStatus;
  statusReason: string | null;
  token: TokenTimeline;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  standingCheckedAt: Date | null;
  quotas: QuotaMeter[];
  restrictions: AccountRestriction[];
  missing: string[];
  /** newest first */
  recentErrors: RecordedConnectorError[];
  apiVersion: ApiVersionView;
  /** most severe first */
  attention: AttentionItem[];
  worstSeverity: HealthSeverity | null;
}
