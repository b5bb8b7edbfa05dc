import type { AccountRestriction, QuotaMeter } from '../connectors/connector.types';
import { DEFAULT_NOTICE_SECONDS } from '../connectors/token-schedule';
import type { RecordedConnectorError } from '../database/entities/account-health.entity';
import type { AccountStatus } from '../database/entities/platform-account.entity';
import type { HealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';
import { isHealthSignal } from '../../../workflows/contracts/vocabulary/health-signals';
import type { ApiVersionView, AttentionItem, TokenTimeline } from './connector-health.types';
import type { HealthSeverity, OperatorWords } from './operator-words';
import {
  ACCOUNT_STATE_WORDS,
  HEALTH_SEVERITIES,
  inWords,
  OPERATOR_WORDS,
  RECEIPTS_BROKEN_NOTICE_DAYS,
  RECEIPTS_BROKEN_WORDS,
  SUNSET_NOTICE_DAYS,
  SUNSET_SOON_WORDS,
} from './operator-words';

/** Everything the health centre knows about one account, from which its attention items are derived. */
export interface AttentionFacts {
  platformName: string;
  status: AccountStatus;
  statusReason: string | null;
  token: TokenTimeline;
  apiVersion: ApiVersionView;
  restrictions: AccountRestriction[];
  missing: string[];
  quotas: QuotaMeter[];
  /** newest first */
  recentErrors: RecordedConnectorError[];
  lastSuccessAt: Date | null;
  now: Date;
  /** the account's posts whose receipt broke in the last RECEIPTS_BROKEN_NOTICE_DAYS (issue #15); absent: none */
  brokenReceipts?: number;
}

/** Signals about the token itself: a later good look at the token (checkedAt) ends them. */
const TOKEN_SIGNALS = new Set<HealthSignal>(['token_revoked', 'token_expired', 'refresh_expired']);

export const severityRank = (s: HealthSeverity): number => HEALTH_SEVERITIES.indexOf(s);

/** The most severe of the items (null when there are none). */
export function worstSeverity(items: AttentionItem[]): HealthSeverity | null {
  return items.reduce<HealthSeverity | null>(
    (w, i) => (w === null || severityRank(i.severity) < severityRank(w) ? i.severity : w),
    null,
  );
}

/**
 * What needs an operator's attention on this account, most severe first, one item per reason: its state, its token
 * schedule, its API version's sunset, the platform's restrictions and missing permissions, full meters, and the
 * errors since the last call that worked.
 */
export function deriveAttention(f: AttentionFacts): AttentionItem[] {
  // A disconnected account is gone on purpose: nothing about it needs doing.
  if (f.status === 'disconnected') return [];
  const items: AttentionItem[] = [];
  const signal = (code: HealthSignal, over: Partial<OperatorWords> = {}) =>
    items.push({ code, signal: code, ...inWords({ ...OPERATOR_WORDS[code], ...over }, f.platformName) });

  if (f.status === 'needs_reconnect')
    signal(f.statusReason && isHealthSignal(f.statusReason) ? f.statusReason : 'token_revoked');
  if (f.status === 'quarantined' || f.status === 'read_only') {
    const code = f.status === 'quarantined' ? 'account_quarantined' : 'account_read_only';
    items.push({ code, signal: null, ...inWords(ACCOUNT_STATE_WORDS[code], f.platformName) });
  }
  if (f.status === 'connected' || f.status === 'read_only') tokenAttention(f, signal);
  if (f.brokenReceipts) {
    const headline = RECEIPTS_BROKEN_WORDS.headline
      .replaceAll('{count}', String(f.brokenReceipts))
      .replaceAll('{days}', String(RECEIPTS_BROKEN_NOTICE_DAYS));
    items.push({
      code: 'receipts_broken',
      signal: null,
      ...inWords({ ...RECEIPTS_BROKEN_WORDS, headline }, f.platformName),
    });
  }
  sunsetAttention(f, signal, items);

  // The connector words each restriction with what to do about it on that platform: more precise than ours.
  for (const r of f.restrictions) signal(r.code, { whatToDo: r.message });
  if (f.missing.length)
    signal('missing_permissions', {
      whatToDo: `${OPERATOR_WORDS.missing_permissions.whatToDo} Missing: ${f.missing.join('; ')}.`,
    });
  for (const q of f.quotas) {
    const current = !q.resetsAt || Date.parse(q.resetsAt) > f.now.getTime();
    if (q.limit !== null && q.used >= q.limit && current)
      signal(q.unit === 'posts' ? 'daily_limit' : 'quota_exhausted');
  }
  // Errors since the last call that worked are still going on; older ones are history. A token refused before the
  // token workflow's last good look (a refresh, a check, a reconnect) has been replaced since.
  const after = (d: Date | null, iso: string) => !d || Date.parse(iso) > d.getTime();
  for (const e of f.recentErrors)
    if (e.signal && after(f.lastSuccessAt, e.at) && (!TOKEN_SIGNALS.has(e.signal) || after(f.token.checkedAt, e.at)))
      signal(e.signal);

  return mostSevereFirst(items);
}

function tokenAttention(f: AttentionFacts, signal: (code: HealthSignal, over?: Partial<OperatorWords>) => void) {
  const { token, now } = f;
  const past = (d: Date | null) => d !== null && d.getTime() <= now.getTime();
  const soon = (d: Date | null) => d !== null && d.getTime() - now.getTime() <= DEFAULT_NOTICE_SECONDS * 1000;
  if (token.refreshable && past(token.refreshExpiresAt)) signal('refresh_expired');
  else if (!token.refreshable && past(token.expiresAt)) signal('token_expired');
  // Renewable, but the token workflow has not renewed it in time: it still may, so a warning.
  else if (token.refreshable && past(token.expiresAt))
    signal('token_expired', {
      severity: 'warning',
      whatToDo: 'Raize will try to renew it. If this stays, reconnect the account, signed in as the same account.',
    });
  else if (soon(token.signInAgainBy)) signal('reconsent_due');
}

function sunsetAttention(
  f: AttentionFacts,
  signal: (code: HealthSignal, over?: Partial<OperatorWords>) => void,
  items: AttentionItem[],
) {
  const days = f.apiVersion.daysToSunset;
  if (days === null) return;
  if (days <= 0) signal('api_version_sunset');
  else if (days < SUNSET_NOTICE_DAYS) {
    const put = (s: string) => s.replaceAll('{version}', f.apiVersion.version ?? '').replaceAll('{days}', String(days));
    items.push({
      code: 'api_version_sunset',
      signal: 'api_version_sunset',
      ...inWords(
        { ...SUNSET_SOON_WORDS, headline: put(SUNSET_SOON_WORDS.headline), whatToDo: put(SUNSET_SOON_WORDS.whatToDo) },
        f.platformName,
      ),
    });
  }
}

/** One item per code (its most severe version), most severe first; equal ones keep the order they were found in. */
function mostSevereFirst(items: AttentionItem[]): AttentionItem[] {
  const byCode = new Map<string, AttentionItem>();
  for (const i of items) {
    const seen = byCode.get(i.code);
    if (!seen || severityRank(i.severity) < severityRank(seen.severity)) byCode.set(i.code, i);
  }
  return [...byCode.values()].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
