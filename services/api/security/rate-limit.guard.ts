import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { clientIp, HttpRequestLike } from '../auth/request-info';
import { operationOf, RateLimits } from './rate-limits';

/**
 * The budget by address, before anyone is authenticated (C-10): global, so it runs ahead of ActorGuard and counts
 * requests whose credentials turn out to be made up. Cookies and headers are not looked at: a caller chooses
 * them. The per-operator budget follows authentication (ActorRateLimitInterceptor).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limits: RateLimits) {}

  canActivate(ctx: ExecutionContext): boolean {
    const isGql = ctx.getType<string>() === 'graphql';
    const req: HttpRequestLike = isGql
      ? GqlExecutionContext.create(ctx).getContext<{ req: HttpRequestLike }>().req
      : ctx.switchToHttp().getRequest<HttpRequestLike>();
    const operation = isGql ? operationOf(GqlExecutionContext.create(ctx).getInfo<{ fieldName: string }>()) : '';
    this.limits.beforeAuthentication(clientIp(req), operation);
    return true;
  }
}
