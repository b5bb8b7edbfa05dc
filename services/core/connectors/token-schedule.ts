import type { OAuthTokens, TokenLifecycle } from './connector.types';

/**
 * What the token workflow does next for one account, and when:
 * - refresh: ask the platform for a new pair (at `expiresAt - refreshLeadSeconds`, never before `minAgeSeconds`);
 * - check: ask the platform who the token is (a cheap identity call) so a revocation is found before a post needs it;
 * - notice: the token (or its refresh token) will end and cannot be renewed without the user: tell an operator now;
 * - expire: it has ended: the account needs a reconnect.
 */
export type TokenStepKind = 'refresh' | 'check' | 'notice' | 'expire';

export interface TokenStep {
  kind: TokenStepKind;
  at: Date;
  /** why, for `notice` and `expire` */
  signal?: 'reconsent_due' | 'token_expired' | 'refresh_expired';
}

export interface TokenScheduleFacts {
  lifecycle: TokenLifecycle;
  tokens: Pick<OAuthTokens, 'expiresAt' | 'refreshExpiresAt' | 'issuedAt'>;
  now: Date;
  /** the workflow's last look (refresh or check); null: never */
  checkedAt: Date | null;
  /** an operator was already told that re-consent is due: no second notice */
  noticed: boolean;
  /** how long before an un-renewable end the notice goes out, at least the platform's own lead */
  noticeSeconds?: number;
}

/** A week: long enough for an agency to reach the brand's owner and have them sign in again. */
export const DEFAULT_NOTICE_SECONDS = 7 * 86_400;

const at = (iso: string | undefined): Date | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
};
const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

/** When the access token should be refreshed (null: it does not expire, or the platform cannot refresh it). */
export function nextRefreshAt(lifecycle: TokenLifecycle, tokens: TokenScheduleFacts['tokens']): Date | null {
  const expiresAt = at(tokens.expiresAt);
  if (!lifecycle.refreshable || !expiresAt) return null;
  const byLead = plus(expiresAt, -lifecycle.refreshLeadSeconds);
  const issuedAt = at(tokens.issuedAt);
  // Instagram refuses to refresh a token younger than 24 h: the lead never pulls the refresh before that.
  const byAge = issuedAt && lifecycle.minAgeSeconds ? plus(issuedAt, lifecycle.minAgeSeconds) : null;
  return byAge && byAge > byLead ? byAge : byLead;
}

/** Whether a refresh is due now (a second worker that re-reads a freshly rotated pair finds it is not). */
export function isRefreshDue(lifecycle: TokenLifecycle, tokens: TokenScheduleFacts['tokens'], now: Date): boolean {
  const due = nextRefreshAt(lifecycle, tokens);
  return due !== null && due <= now;
}

/** Whether the refresh token itself ends within `withinSeconds` (it cannot be renewed: the user signs in again). */
export function refreshExpiryAhead(
  tokens: TokenScheduleFacts['tokens'],
  now: Date,
  withinSeconds: number = DEFAULT_NOTICE_SECONDS,
): boolean {
  const end = at(tokens.refreshExpiresAt);
  return end !== null && end.getTime() - now.getTime() <= withinSeconds * 1000;
}

/** The earliest thing to do; ties go to the step that matters most (expire, refresh, notice, check). */
export function nextTokenStep(f: TokenScheduleFacts): TokenStep {
  const { lifecycle, tokens } = f;
  const lead = Math.max(lifecycle.refreshLeadSeconds, f.noticeSeconds ?? DEFAULT_NOTICE_SECONDS);
  const steps: TokenStep[] = [];
  const expiresAt = at(tokens.expiresAt);
  const refreshEnds = at(tokens.refreshExpiresAt);

  const refreshAt = nextRefreshAt(lifecycle, tokens);
  if (refreshAt) steps.push({ kind: 'refresh', at: refreshAt });
  if (!lifecycle.refreshable && expiresAt) {
    // LinkedIn without partner refresh tokens: nothing renews the token, only the user signing in again.
    if (!f.noticed) steps.push({ kind: 'notice', at: plus(expiresAt, -lead), signal: 'reconsent_due' });
    steps.push({ kind: 'expire', at: expiresAt, signal: 'token_expired' });
  }
  if (lifecycle.refreshable && refreshEnds) {
    if (!f.noticed) steps.push({ kind: 'notice', at: plus(refreshEnds, -lead), signal: 'reconsent_due' });
    steps.push({ kind: 'expire', at: refreshEnds, signal: 'refresh_expired' });
  }
  steps.push({ kind: 'check', at: plus(f.checkedAt ?? f.now, lifecycle.checkEverySeconds) });

  const weight: Record<TokenStepKind, number> = { expire: 0, refresh: 1, notice: 2, check: 3 };
  // Everything in the past is due now: the most important of those goes first.
  const clamp = (s: TokenStep) => (s.at < f.now ? f.now : s.at).getTime();
  return steps.sort((a, b) => clamp(a) - clamp(b) || weight[a.kind] - weight[b.kind])[0]!;
}

/** When a pair ends, as platform_accounts shows it without opening the secret (the health centre reads these). */
export function tokenColumnsOf(
  tokens: Pick<OAuthTokens, 'expiresAt' | 'refreshExpiresAt'>,
  now: Date,
): { tokenExpiresAt: Date | null; refreshExpiresAt: Date | null; tokenCheckedAt: Date } {
  return { tokenExpiresAt: at(tokens.expiresAt), refreshExpiresAt: at(tokens.refreshExpiresAt), tokenCheckedAt: now };
}
