import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { User } from '../../core/database/entities';
import { AppError, AppErrorCode } from '../errors/app-error';
import { APP_CONFIG, DATA_SOURCE } from '../platform/tokens';
import { Actor } from './actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

export function requestOf(ctx: ExecutionContext): RequestWithActor {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<{ req: RequestWithActor }>().req;
  return ctx.switchToHttp().getRequest<RequestWithActor>();
}

/**
 * Development operator token: `Authorization: Dev <user id>` names an existing user. Refused in production;
 * the security issue replaces it with sessions and API tokens.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = requestOf(ctx);
    const header = req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    const m = /^Dev\s+(\S+)$/.exec(value ?? '');
    if (!m || this.config.env === 'production' || !UUID.test(m[1])) {
      throw new AppError(AppErrorCode.Unauthenticated, 'sign in first: send Authorization: Dev <user id> (development token)');
    }
    const user = await this.ds.getRepository(User).findOne({ where: { id: m[1] } });
    if (!user) throw new AppError(AppErrorCode.Unauthenticated, 'unknown operator');
    req.actor = { userId: user.id, via: 'dev-token' };
    return true;
  }
}
