import { Inject, UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import { newTotpSecret, otpauthUrl, verifyTotp } from '../../core/auth/totp';
import { AppConfig } from '../../core/config/app-config';
import { Agency, ApiTokenScope, User } from '../../core/database/entities';
import { MembershipRepository } from '../../core/repositories/membership.repository';
import { SecretsPort } from '../../core/secrets/secrets.port';
import { EMPTY_SCOPE, runInTenantScope } from '../../core/tenancy/tenant-scope';
import { AppError, AppErrorCode } from '../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE, SECRETS } from '../platform/tokens';
import { Actor } from './actor';
import { ActorGuard, RequestWithActor } from './actor.guard';
import { ApiTokenService } from './api-token.service';
import {
  ApiTokenModel,
  CreatedApiTokenModel,
  MeModel,
  SessionModel,
  SignInResultModel,
  TotpEnrollmentModel,
} from './auth.models';
import { CurrentActor } from './current-actor.decorator';
import { ConfirmTotpInput, CreateApiTokenInput, IdInput, SecondFactorInput, SignInInput } from './dtos/auth.inputs';
import { LoginService } from './login.service';
import { clientIp, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, userAgent } from './request-info';
import { SessionService } from './session.service';

interface CookieResponse {
  cookie(name: string, value: string, opts: Record<string, unknown>): void;
  clearCookie(name: string, opts: Record<string, unknown>): void;
}
interface Ctx {
  req: RequestWithActor;
  res: CookieResponse;
}

@Resolver()
export class AuthResolver {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
  ) {}

  private setCookies(res: CookieResponse, token: string, csrf: string): void {
    const maxAge = this.config.sessionTtlHours * 3600_000;
    // HttpOnly + Secure + SameSite=Strict (C-06); the CSRF cookie is readable by our own page only.
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge });
    res.cookie(CSRF_COOKIE, csrf, { httpOnly: false, secure: true, sameSite: 'strict', path: '/', maxAge });
  }

  @Mutation(() => SignInResultModel, {
    description: 'Email and password (and the TOTP code when enrolled); sets the session cookie',
  })
  async signIn(@Args('input') input: SignInInput, @Context() ctx: Ctx): Promise<SignInResultModel> {
    const r = await this.login.signIn(input.email, input.password, input.totpCode, {
      ip: clientIp(ctx.req),
      userAgent: userAgent(ctx.req),
    });
    this.setCookies(ctx.res, r.issued.token, r.issued.csrfToken);
    return {
      needsSecondFactor: r.needsSecondFactor,
      csrfToken: r.issued.csrfToken,
      me: r.needsSecondFactor ? null : await this.me(r.user.id, 'session'),
    };
  }

  @Mutation(() => Boolean, { description: 'Finishes a sign-in that waits for the second factor' })
  async completeSecondFactor(@Args('input') input: SecondFactorInput, @Context() ctx: Ctx): Promise<boolean> {
    const cookie = ctx.req.cookies?.[SESSION_COOKIE];
    const session = cookie ? await this.sessions.resolve(cookie) : null;
    if (!session || !session.secondFactorPending)
      throw new AppError(AppErrorCode.Unauthenticated, 'sign in with your password first');
    if (ctx.req.headers[CSRF_HEADER] !== session.csrfToken)
      throw new AppError(AppErrorCode.CsrfRequired, 'this request is missing its CSRF token');
    await this.login.completeSecondFactor(session.userId, session.id, input.code, clientIp(ctx.req));
    return true;
  }

  @Query(() => MeModel)
  @UseGuards(ActorGuard)
  whoami(@CurrentActor() actor: Actor): Promise<MeModel> {
    return this.me(actor.userId, actor.via);
  }

  @Mutation(() => Boolean)
  @UseGuards(ActorGuard)
  async signOut(@CurrentActor() actor: Actor, @Context() ctx: Ctx): Promise<boolean> {
    if (actor.sessionId) await this.sessions.revoke(actor.userId, actor.sessionId);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    ctx.res.clearCookie(CSRF_COOKIE, { path: '/' });
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: `user:${actor.userId}`,
      action: 'logout',
      subjectType: 'user',
      subjectId: actor.userId,
    });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in operator' })
  @UseGuards(ActorGuard)
  async signOutEverywhere(@CurrentActor() actor: Actor): Promise<boolean> {
    const n = await this.sessions.revokeAll(actor.userId);
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: `user:${actor.userId}`,
      action: 'logout.everywhere',
      subjectType: 'user',
      subjectId: actor.userId,
      data: { sessions: n },
    });
    return true;
  }

  @Query(() => [SessionModel])
  @UseGuards(ActorGuard)
  async mySessions(@CurrentActor() actor: Actor): Promise<SessionModel[]> {
    return (await this.sessions.list(actor.userId)).map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === actor.sessionId,
    }));
  }

  @Mutation(() => Boolean)
  @UseGuards(ActorGuard)
  async revokeSession(@CurrentActor() actor: Actor, @Args('input') input: IdInput): Promise<boolean> {
    if (!(await this.sessions.revoke(actor.userId, input.id)))
      throw new AppError(AppErrorCode.NotFound, 'session not found');
    return true;
  }

  @Mutation(() => CreatedApiTokenModel, { description: 'The token is shown once; only its hash is kept' })
  @UseGuards(ActorGuard)
  async createApiToken(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateApiTokenInput,
  ): Promise<CreatedApiTokenModel> {
    if (actor.via === 'api-token')
      throw new AppError(AppErrorCode.Forbidden, 'an API token cannot create API tokens; sign in');
    const { token, row } = await this.tokens.create(
      actor.userId,
      input.name,
      input.scopes as ApiTokenScope[],
      input.expiresInDays,
    );
    return { token, apiToken: row };
  }

  @Query(() => [ApiTokenModel])
  @UseGuards(ActorGuard)
  apiTokens(@CurrentActor() actor: Actor): Promise<ApiTokenModel[]> {
    return this.tokens.list(actor.userId);
  }

  @Mutation(() => Boolean)
  @UseGuards(ActorGuard)
  async revokeApiToken(@CurrentActor() actor: Actor, @Args('input') input: IdInput): Promise<boolean> {
    await this.tokens.revoke(actor.userId, input.id);
    return true;
  }

  @Mutation(() => TotpEnrollmentModel, { description: 'Starts TOTP enrolment; confirm with a code to turn it on' })
  @UseGuards(ActorGuard)
  async enrollTotp(@CurrentActor() actor: Actor): Promise<TotpEnrollmentModel> {
    if (actor.via !== 'session' && actor.via !== 'dev-token')
      throw new AppError(AppErrorCode.Forbidden, 'sign in to enrol a second factor');
    const user = await this.ds.getRepository(User).findOneOrFail({ where: { id: actor.userId } });
    const secret = newTotpSecret();
    const ref = `users/${user.id}/totp/${randomUUID()}`;
    await this.secrets.put(ref, secret);
    await this.secrets.put(`users/${user.id}/totp-pending`, ref);
    return { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }

  @Mutation(() => Boolean)
  @UseGuards(ActorGuard)
  async confirmTotp(@CurrentActor() actor: Actor, @Args('input') input: ConfirmTotpInput): Promise<boolean> {
    const ref = await this.secrets.get(`users/${actor.userId}/totp-pending`).catch(() => null);
    if (!ref || !verifyTotp(await this.secrets.get(ref), input.code))
      throw new AppError(
        AppErrorCode.BadInput,
        'that code does not match; check the time on your device and try again',
      );
    await this.ds.getRepository(User).update({ id: actor.userId }, { totpSecretRef: ref, totpEnabled: true });
    await this.secrets.delete(`users/${actor.userId}/totp-pending`);
    await this.audit.append({
      agencyId: null,
      clientId: null,
      actor: `user:${actor.userId}`,
      action: 'totp.enabled',
      subjectType: 'user',
      subjectId: actor.userId,
    });
    return true;
  }

  private async me(userId: string, via: string): Promise<MeModel> {
    return runInTenantScope(this.ds, { ...EMPTY_SCOPE, actorId: userId }, async () => {
      const user = await this.ds.getRepository(User).findOneOrFail({ where: { id: userId } });
      const rows = await new MembershipRepository().ofUser(this.ds.manager, userId);
      const names = await runInTenantScope(
        this.ds,
        { ...EMPTY_SCOPE, actorId: userId, memberAgencyIds: [...new Set(rows.map((r) => r.agencyId))] },
        () => this.ds.getRepository(Agency).find({ select: { id: true, name: true } }),
      );
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      return {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        totpEnabled: user.totpEnabled,
        via,
        memberships: rows.map((r) => ({
          agencyId: r.agencyId,
          agencyName: nameOf.get(r.agencyId) ?? '',
          clientId: r.clientId,
          role: r.role,
        })),
      };
    });
  }
}
