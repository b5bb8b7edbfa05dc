import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnApplicationShutdown } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
import { currentTracing } from '../core/telemetry/otel-sdk';
import { withSpan } from '../core/telemetry/tracing';
import { requestOf } from './auth/actor.guard';

/** One span per GraphQL operation or HTTP route, with the actor's id and nothing of the input (C-49). */
@Injectable()
export class TelemetryInterceptor implements NestInterceptor, OnApplicationShutdown {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const isGql = ctx.getType<string>() === 'graphql';
    const name = isGql
      ? `graphql.${GqlExecutionContext.create(ctx).getInfo<{ fieldName: string }>().fieldName}`
      : `http.${ctx.getClass().name}.${ctx.getHandler().name}`;
    const actor = requestOf(ctx)?.actor?.userId;
    return from(
      withSpan(name, { 'raize.operation': name, 'raize.actor': actor ? `user:${actor}` : 'anonymous' }, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }

  /** The last requests' spans leave before the process does (the server has stopped taking requests by now). */
  async onApplicationShutdown(): Promise<void> {
    await currentTracing()?.forceFlush();
  }
}
