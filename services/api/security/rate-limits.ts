import { Injectable } from '@nestjs/common';
import { AppError, AppErrorCode } from '../errors/app-error';
import { RateLimiter } from './rate-limiter';

const perMinute = (env: string, fallback: number) => Number(process.env[env] ?? fallback);

/** Operations that change who can do what, or stop everything: a tighter budget (C-10). */
const PRIVILEGED = new Set([
  'setKillSwitch',
  'updatePolicySettings',
  'createApiToken',
  'revokeApiToken',
  'startPlatformConnect',
  'reconnectAccount',
  'refreshConnectorStanding',
  'enrollTotp',
  'confirmTotp',
  'signOutEverywhere',
  // staff's hands on running episodes (docs/diagnostics.md)
  'retryEpisode',
  'resetEpisode',
  'replayEpisode',
]);
const LOGIN = new Set(['signIn', 'completeSecondFactor']);

/**
 * The API's request budgets (C-10), one set per process. Every key is something the server established, never
 * something the caller picked: before authentication the peer address (so rotating made-up cookies or tokens
 * buys nothing), after it the verified operator (so one operator's sessions and tokens share one budget).
 * Sign-in also has per-account lockout and a per-IP failure throttle in LoginService.
 */
@Injectable()
export class RateLimits {
  private readonly perIp = new RateLimiter(perMinute('RAIZE_RATE_LIMIT_IP_PER_MINUTE', 2400), 60_000);
  private readonly perOperator = new RateLimiter(perMinute('RAIZE_RATE_LIMIT_PER_MINUTE', 1200), 60_000);
  private readonly privileged = new RateLimiter(perMinute('RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE', 60), 60_000);
  private readonly login = new RateLimiter(perMinute('RAIZE_RATE_LIMIT_LOGIN_PER_MINUTE', 20), 60_000);

  /** Every request, authenticated or not, by the address it came from. */
  beforeAuthentication(ip: string, operation: string): void {
    this.enforce(this.perIp, `ip:${ip}`);
    if (LOGIN.has(operation)) this.enforce(this.login, `ip:${ip}`);
  }

  /** Requests ActorGuard authenticated, by operator: however many sessions and API tokens they hold. */
  afterAuthentication(userId: string, operation: string): void {
    this.enforce(this.perOperator, `user:${userId}`);
    if (PRIVILEGED.has(operation)) this.enforce(this.privileged, `user:${userId}`);
  }

  private enforce(limiter: RateLimiter, key: string): void {
    const wait = limiter.hit(key);
    if (wait) throw new AppError(AppErrorCode.RateLimited, `too many requests; try again in ${wait} s`);
  }
}

/** The GraphQL field a request runs ('' for plain HTTP routes). */
export function operationOf(info: { fieldName?: string } | undefined): string {
  return info?.fieldName ?? '';
}
