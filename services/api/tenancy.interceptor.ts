import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { EMPTY_SCOPE, runInTenantScope } from '../core/tenancy/tenant-scope';
import { requestOf } from './auth/actor.guard';
import { DATA_SOURCE } from './platform/tokens';

/**
 * Runs every resolver and controller inside the caller's tenant scope (C-01): the database connection it
 * uses carries the scope, so row-level security holds even where a query forgets its WHERE.
 */
@Injectable()
export class TenancyInterceptor implements NestInterceptor {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const scope = requestOf(ctx)?.tenantScope ?? EMPTY_SCOPE;
    return from(runInTenantScope(this.ds, scope, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
