import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorClock } from './emulator-clock';

/**
 * OAuth tokens as a platform emulator issues and checks them (test and demo infrastructure). Each platform file
 * sets the lifetimes its reference page documents; tokens are random strings and only their hashes are kept.
 *
 * Controls tests need: revoke everything of an account (the user removed the app), expire an access token early,
 * expire a refresh token, and re-point a token at another account (the "token now resolves to another account"
 * case of the fingerprint check).
 */
export interface TokenBookOptions {
  /** prefix of issued tokens, so a log line shows whose emulator issued one (never a real token format) */
  prefix: string;
  /** null: the access token does not expire (Facebook Page tokens) */
  accessTtlSeconds: number | null;
  /** null: refresh tokens do not expire; ignored when `issueRefreshTokens` is false */
  refreshTtlSeconds: number | null;
  issueRefreshTokens: boolean;
  /** a refresh returns a new refresh token and voids the one used (X, TikTok) */
  rotateRefresh: boolean;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number | null;
  refreshExpiresIn: number | null;
  scope: string[];
}

export type TokenProblem = 'unknown' | 'expired' | 'revoked';

interface TokenRecord {
  kind: 'access' | 'refresh';
  accountId: string;
  scope: string[];
  issuedAt: number;
  expiresAt: number | null;
  revoked: boolean;
  /** the grant (one consent) this token belongs to: reusing a rotated refresh token revokes the grant */
  grant: string;
  used: boolean;
}

const hash = (t: string) => createHash('sha256').update(t).digest('hex');

export class TokenBook {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly options: TokenBookOptions,
    private readonly clock: EmulatorClock,
  ) {}

  /** A new pair for a consent (authorization code) or a long-lived exchange. */
  issue(accountId: string, scope: string[], grant: string = randomBytes(8).toString('hex')): IssuedTokens {
    const now = this.clock.now();
    const accessToken = `${this.options.prefix}_at_${randomBytes(24).toString('base64url')}`;
    const accessTtl = this.options.accessTtlSeconds;
    this.tokens.set(hash(accessToken), {
      kind: 'access',
      accountId,
      scope,
      issuedAt: now,
      expiresAt: accessTtl === null ? null : now + accessTtl * 1000,
      revoked: false,
      grant,
      used: false,
    });
    let refreshToken: string | undefined;
    const refreshTtl = this.options.issueRefreshTokens ? this.options.refreshTtlSeconds : null;
    if (this.options.issueRefreshTokens) {
      refreshToken = `${this.options.prefix}_rt_${randomBytes(24).toString('base64url')}`;
      this.tokens.set(hash(refreshToken), {
        kind: 'refresh',
        accountId,
        scope,
        issuedAt: now,
        expiresAt: refreshTtl === null ? null : now + refreshTtl * 1000,
        revoked: false,
        grant,
        used: false,
      });
    }
    return { accessToken, refreshToken, expiresIn: accessTtl, refreshExpiresIn: refreshTtl, scope };
  }

  /** Who an access token belongs to, or why it does not work. */
  resolve(accessToken: string | undefined): { accountId: string; scope: string[]; issuedAt: number } | TokenProblem {
    return this.check(accessToken, 'access');
  }

  /**
   * Refresh with a refresh token. With rotation the used token dies; presenting a used one again revokes the
   * whole grant, as OAuth 2.0 Security BCP recommends and X and TikTok document.
   */
  refresh(refreshToken: string): IssuedTokens | TokenProblem {
    const record = this.tokens.get(hash(refreshToken));
    if (record?.kind === 'refresh' && record.used && this.options.rotateRefresh) {
      this.revokeGrant(record.grant);
      return 'revoked';
    }
    const found = this.check(refreshToken, 'refresh');
    if (typeof found === 'string') return found;
    if (this.options.rotateRefresh) record!.used = true;
    const issued = this.issue(found.accountId, found.scope, record!.grant);
    if (!this.options.rotateRefresh && issued.refreshToken) {
      // Without rotation the platform keeps the refresh token it has: hand the same one back.
      this.tokens.delete(hash(issued.refreshToken));
      issued.refreshToken = refreshToken;
      issued.refreshExpiresIn =
        record!.expiresAt === null ? null : Math.max(0, Math.floor((record!.expiresAt - this.clock.now()) / 1000));
    }
    return issued;
  }

  /**
   * Exchange a still-valid access token for a fresh one of the same account (Instagram's ig_refresh_token, Meta's
   * fb_exchange_token); `minAgeSeconds` is the platform's "at least 24 hours old" rule.
   */
  extend(accessToken: string, minAgeSeconds = 0): IssuedTokens | TokenProblem | 'too_young' {
    const found = this.resolve(accessToken);
    if (typeof found === 'string') return found;
    if (this.clock.now() - found.issuedAt < minAgeSeconds * 1000) return 'too_young';
    return this.issue(found.accountId, found.scope);
  }

  /** The user removed the app or changed the password: every token of the account stops working. */
  revokeAccount(accountId: string): void {
    for (const r of this.tokens.values()) if (r.accountId === accountId) r.revoked = true;
  }

  revokeGrant(grant: string): void {
    for (const r of this.tokens.values()) if (r.grant === grant) r.revoked = true;
  }

  /** Ends an access token's life now (the next call answers the platform's expired-token error). */
  expire(token: string): void {
    const r = this.tokens.get(hash(token));
    if (r) r.expiresAt = this.clock.now() - 1;
  }

  /** The token now belongs to another account: what the fingerprint check must catch. */
  repoint(token: string, accountId: string): void {
    const r = this.tokens.get(hash(token));
    if (r) r.accountId = accountId;
  }

  /** Every token of an account now answers as another account (the platform re-issued or swapped them). */
  repointAccount(fromAccountId: string, toAccountId: string): void {
    for (const r of this.tokens.values()) if (r.accountId === fromAccountId) r.accountId = toAccountId;
  }

  private check(token: string | undefined, kind: TokenRecord['kind']) {
    if (!token) return 'unknown' as const;
    const r = this.tokens.get(hash(token));
    if (!r || r.kind !== kind) return 'unknown' as const;
    if (r.revoked) return 'revoked' as const;
    if (r.expiresAt !== null && r.expiresAt <= this.clock.now()) return 'expired' as const;
    return { accountId: r.accountId, scope: r.scope, issuedAt: r.issuedAt };
  }
}
