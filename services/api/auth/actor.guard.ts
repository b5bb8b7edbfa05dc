import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { User } from '../../core/database/entities';
import { actorAccess } from '../../core/tenancy/scope-for';
import { EMPTY_SCOPE, runInTenantScope, TenantScope } from '../../core/tenancy/tenant-scope';
import { AppError, AppErrorCode } from '../errors/app-error';
import { APP_CONFIG, DATA_SOURCE } from '../platform/tokens';
import { Actor } from './actor';
import { ApiTokenService } from './api-token.service';
import { asOperator } from './as-operator';
import { comesFromLoopback } from './loopback';
import { PINNED_ORIGIN_KEY, PinnedOriginOf } from './pinned-origin.decorator';
import { clientIp, CSRF_HEADER, header, HttpRequestLike, SESSION_COOKIE, userAgent } from './request-info';
import { SessionService } from './session.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a script presents its API token; such a request is judged by the token, not by a cookie it may carry. */
export const API_TOKEN_BEARER = /^Bearer\s+(rzt_\S+)$/;

export interface RequestWithActor extends HttpRequestLike {
  actor?: Actor;
  tenantScope?: TenantScope;
  /** set on a session that still waits for its second factor */
  pendingSecondFactor?: { userId: string; sessionId: string };
}

export function requestOf(ctx: ExecutionContext): RequestWithActor {
  if (ctx.getType<string>() === 'graphql')
    return GqlExecutionContext.create(ctx).getContext<{ req: RequestWithActor }>().req;
  return ctx.switchToHttp().getRequest<RequestWithActor>();
}

/** Mutations and non-GET requests change state: with a cookie they need the CSRF token too (C-07). */
function changesState(ctx: ExecutionContext, req: RequestWithActor): boolean {
  if (ctx.getType<string>() === 'graphql')
    return (
      GqlExecutionContext.create(ctx).getInfo<{ operation: { operation: string } }>().operation.operation !== 'query'
    );
  return !['GET', 'HEAD', 'OPTIONS'].includes((req.method ?? 'GET').toUpperCase());
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who is asking: a session cookie (operators in the browser), a bearer API token (scripts), or, in tests and
 * local development only, `Authorization: Dev <user id>`. Then the tenant scope of that operator.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = requestOf(ctx);
    if (req.actor) return true;
    const actor = await runInTenantScope(this.ds, EMPTY_SCOPE, () => this.authenticate(ctx, req));
    const access = await actorAccess(this.ds, actor.userId);
    // A token holds staff powers only when it names them: a staff member's everyday `admin` token does not.
    actor.staff = access.staff && (actor.via !== 'api-token' || !!actor.scopes?.includes('staff'));
    req.tenantScope = access.scope;
    req.actor = actor;
    return true;
  }

  private async authenticate(ctx: ExecutionContext, req: RequestWithActor): Promise<Actor> {
    const authz = header(req, 'authorization') ?? '';
    const dev = /^Dev\s+(\S+)$/.exec(authz);
    if (dev) {
      // Development sign-in names any operator without a secret: only ever from this machine itself.
      if (!comesFromLoopback(req))
        throw new AppError(AppErrorCode.Unauthenticated, 'development sign-in works only from this machine itself');
      if (!this.config.devAuth || !UUID.test(dev[1]))
        throw new AppError(AppErrorCode.Unauthenticated, 'development sign-in is off; sign in with email and password');
      return { userId: await this.activeUser(dev[1]), via: 'dev-token' };
    }
    const bearer = API_TOKEN_BEARER.exec(authz);
    if (bearer) {
      const t = await this.tokens.resolve(bearer[1], { ip: clientIp(req), userAgent: userAgent(req) });
      if (!t) throw new AppError(AppErrorCode.Unauthenticated, 'the API token is unknown, revoked or expired');
      return { userId: await this.activeUser(t.userId), via: 'api-token', tokenId: t.id, scopes: t.scopes };
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const s = await this.sessions.resolve(cookie);
      if (!s) throw new AppError(AppErrorCode.Unauthenticated, 'your session has ended; sign in again');
      if (changesState(ctx, req)) {
        const sent = header(req, CSRF_HEADER);
        // A token that is sent must be right; without one, only the route's pinned browser origin will do.
        if (sent ? !sameSecret(sent, s.csrfToken) : !this.fromPinnedOrigin(ctx, req))
          throw new AppError(
            AppErrorCode.CsrfRequired,
            'this request is missing its CSRF token; reload the page and try again',
          );
      }
      if (s.secondFactorPending) {
        req.pendingSecondFactor = { userId: s.userId, sessionId: s.id };
        throw new AppError(AppErrorCode.Unauthenticated, 'enter your second-factor code to finish signing in');
      }
      return { userId: await this.activeUser(s.userId), via: 'session', sessionId: s.id };
    }
    throw new AppError(AppErrorCode.Unauthenticated, 'sign in first');
  }

  /** Whether an HTTP route names a pinned origin (CsrfByPinnedOrigin) and this request's Origin is exactly it. */
  private fromPinnedOrigin(ctx: ExecutionContext, req: RequestWithActor): boolean {
    if (ctx.getType<string>() !== 'http') return false;
    const originOf = this.reflector.getAllAndOverride<PinnedOriginOf | undefined>(PINNED_ORIGIN_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const origin = header(req, 'origin');
    return !!originOf && origin !== undefined && origin === new URL(originOf(this.config)).origin;
  }

  private async activeUser(id: string): Promise<string> {
    // A user row is readable only as that user (row-level security, C-01).
    const user = await asOperator(this.ds, id, () => this.ds.getRepository(User).findOne({ where: { id } }));
    if (!user || user.disabled) throw new AppError(AppErrorCode.Unauthenticated, 'unknown or disabled operator');
    return user.id;
  }
}
