import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { requestOf } from '../auth/actor.guard';
import { operationOf, RateLimits } from './rate-limits';

/**
 * The budget by operator (C-10). Interceptors run after every guard, so `req.actor` is the operator ActorGuard
 * verified, whichever session or API token they came with; requests without one were counted by address only.
 */
@Injectable()
export class ActorRateLimitInterceptor implements NestInterceptor {
  constructor(private readonly limits: RateLimits) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actor = requestOf(ctx)?.actor;
    if (actor) {
      const isGql = ctx.getType<string>() === 'graphql';
      const operation = isGql ? operationOf(GqlExecutionContext.create(ctx).getInfo<{ fieldName: string }>()) : '';
      this.limits.afterAuthentication(actor.userId, operation);
    }
    return next.handle();
  }
}
