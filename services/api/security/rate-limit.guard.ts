import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, AppErrorCode } from '../errors/app-error';
import { clientIp, header, HttpRequestLike, SESSION_COOKIE } from '../auth/request-info';
import { RateLimiter } from './rate-limiter';

const perMinute = (env: string, fallback: number) => Number(process.env[env] ?? fallback);

/** Operations that change who can do what, or stop everything: a tighter budget (C-10). */
const PRIVILEGED = new Set([
  'setKillSwitch',
  'updatePolicySettings',
  'createApiToken',
  'revokeApiToken',
  'startPlatformConnect',
  'enrollTotp',
  'confirmTotp',
  'signOutEverywhere',
]);
const LOGIN = new Set(['signIn', 'completeSecondFactor']);

/**
 * Rate limits per session, API token and IP (C-10): the general budget, a stricter one on privileged
 * mutations, and the strictest on sign-in (which also has per-account lockout in LoginService).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly general = new RateLimiter(perMinute('RAIZE_RATE_LIMIT_PER_MINUTE', 1200), 60_000);
  private readonly privileged = new RateLimiter(perMinute('RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE', 60), 60_000);
  private readonly login = new RateLimiter(perMinute('RAIZE_RATE_LIMIT_LOGIN_PER_MINUTE', 20), 60_000);

  canActivate(ctx: ExecutionContext): boolean {
    const isGql = ctx.getType<string>() === 'graphql';
    const req: HttpRequestLike = isGql
      ? GqlExecutionContext.create(ctx).getContext<{ req: HttpRequestLike }>().req
      : ctx.switchToHttp().getRequest<HttpRequestLike>();
    const field = isGql ? GqlExecutionContext.create(ctx).getInfo<{ fieldName: string }>().fieldName : '';
    const ip = clientIp(req);
    const who = req.cookies?.[SESSION_COOKIE]?.slice(0, 24) ?? header(req, 'authorization')?.slice(0, 40) ?? `ip:${ip}`;
    const checks: [RateLimiter, string][] = [
      [this.general, who],
      [this.general, `ip:${ip}:${who === `ip:${ip}` ? '' : 'auth'}`],
    ];
    if (PRIVILEGED.has(field)) checks.push([this.privileged, who]);
    if (LOGIN.has(field)) checks.push([this.login, `ip:${ip}`]);
    for (const [limiter, key] of checks) {
      const wait = limiter.hit(key);
      if (wait) throw new AppError(AppErrorCode.RateLimited, `too many requests; try again in ${wait} s`);
    }
    return true;
  }
}
