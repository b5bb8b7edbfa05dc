import { Inject, UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import { AppConfig } from '../../core/config/app-config';
import { Agency, ApiTokenScope, User } from '../../core/database/entities';
import { MembershipRepository } from '../../core/repositories/membership.repository';
import { PlatformStaffRepository } from '../../core/repositories/platform-staff.repository';
import { EMPTY_SCOPE, runInTenantScope } from '../../core/tenancy/tenant-scope';
import { AppError, AppErrorCode } from '../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE } from '../platform/tokens';
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
import {
  ConfirmTotpInput,
  CreateApiTokenInput,
  EnrollTotpInput,
  IdInput,
  SecondFactorInput,
  SignInInput,
} from './dtos/auth.inputs';
import { LoginService } from './login.service';
import { clientIp, CSRF_COOKIE, CSRF_HEADER, HOST_COOKIE_ATTRIBUTES, SESSION_COOKIE, userAgent } from './request-info';
import { SessionService } from './session.service';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { SessionOnly, TokenScope } from './token-scope.decorator';

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
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
    private readonly totp: TotpEnrolmentService,
  ) {}

  private setCookies(res: CookieResponse, token: string, csrf: string): void {
    const maxAge = this.config.sessionTtlHours * 3600_000;
    // HttpOnly + Secure + SameSite=Strict (C-06); the CSRF cookie is readable by our own page only.
    res.cookie(SESSION_COOKIE, token, { ...HOST_COOKIE_ATTRIBUTES, httpOnly: true, maxAge });
    res.cookie(CSRF_COOKIE, csrf, { ...HOST_COOKIE_ATTRIBUTES, httpOnly: false, maxAge });
  }

  @Mutation(() => SignInResultModel, {
    description: 'Email and password (and the TOTP code when enrolled); sets the session cookie',
  })
  @SessionOnly()
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

  @Mutation(() => SignInResultModel, {
    description: 'Finishes a sign-in that waits for the second factor; replaces the session cookie and CSRF token',
  })
  @SessionOnly()
  async completeSecondFactor(@Args('input') input: SecondFactorInput, @Context() ctx: Ctx): Promise<SignInResultModel> {
    const cookie = ctx.req.cookies?.[SESSION_COOKIE];
    const session = cookie ? await this.sessions.resolve(cookie) : null;
    if (!session || !session.secondFactorPending)
      throw new AppError(AppErrorCode.Unauthenticated, 'sign in with your password first');
    if (ctx.req.headers[CSRF_HEADER] !== session.csrfToken)
      throw new AppError(AppErrorCode.CsrfRequired, 'this request is missing its CSRF token');
    const r = await this.login.completeSecondFactor(session, input.code, {
      ip: clientIp(ctx.req),
      userAgent: userAgent(ctx.req),
    });
    // A new session, not the pending one promoted: the old cookie and CSRF token end here (C-06).
    this.setCookies(ctx.res, r.issued.token, r.issued.csrfToken);
    return { needsSecondFactor: false, csrfToken: r.issued.csrfToken, me: await this.me(r.user.id, 'session') };
  }

  @Query(() => MeModel)
  @UseGuards(ActorGuard)
  async whoami(@CurrentActor() actor: Actor): Promise<MeModel> {
    // As this request holds it: a staff member's token without the staff scope is not staff.
    return { ...(await this.me(actor.userId, actor.via)), staff: actor.staff === true };
  }

  @Mutation(() => Boolean)
  @UseGuards(ActorGuard)
  @SessionOnly()
  async signOut(@CurrentActor() actor: Actor, @Context() ctx: Ctx): Promise<boolean> {
    if (actor.sessionId) await this.sessions.revoke(actor.userId, actor.sessionId);
    ctx.res.clearCookie(SESSION_COOKIE, HOST_COOKIE_ATTRIBUTES);
    ctx.res.clearCookie(CSRF_COOKIE, HOST_COOKIE_ATTRIBUTES);
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
  @TokenScope('admin')
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
  @TokenScope('admin')
  async revokeSession(@CurrentActor() actor: Actor, @Args('input') input: IdInput): Promise<boolean> {
    if (!(await this.sessions.revoke(actor.userId, input.id)))
      throw new AppError(AppErrorCode.NotFound, 'session not found');
    return true;
  }

  @Mutation(() => CreatedApiTokenModel, { description: 'The token is shown once; only its hash is kept' })
  @UseGuards(ActorGuard)
  @SessionOnly()
  async createApiToken(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateApiTokenInput,
  ): Promise<CreatedApiTokenModel> {
    if (actor.via === 'api-token')
      throw new AppError(AppErrorCode.Forbidden, 'an API token cannot create API tokens; sign in');
    if (input.scopes.includes('staff') && !actor.staff)
      throw new AppError(AppErrorCode.Forbidden, 'only platform staff can create a token with the staff scope');
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
  @TokenScope('admin')
  async revokeApiToken(@CurrentActor() actor: Actor, @Args('input') input: IdInput): Promise<boolean> {
    await this.tokens.revoke(actor.userId, input.id);
    return true;
  }

  @Mutation(() => TotpEnrollmentModel, {
    description:
      'Starts TOTP enrolment; confirm with a code to turn it on. When TOTP is on already, needs the password or a current code',
  })
  @UseGuards(ActorGuard)
  @SessionOnly()
  async enrollTotp(
    @CurrentActor() actor: Actor,
    @Context() ctx: Ctx,
    @Args('input', { type: () => EnrollTotpInput, nullable: true }) input?: EnrollTotpInput,
  ): Promise<TotpEnrollmentModel> {
    if (actor.via !== 'session' && actor.via !== 'dev-token')
      throw new AppError(AppErrorCode.Forbidden, 'sign in to enrol a second factor');
    return this.totp.start(
      actor.userId,
      { password: input?.currentPassword, code: input?.currentCode },
      clientIp(ctx.req),
    );
  }

  @Mutation(() => Boolean)
  @UseGuards(ActorGuard)
  @SessionOnly()
  async confirmTotp(@CurrentActor() actor: Actor, @Args('input') input: ConfirmTotpInput): Promise<boolean> {
    await this.totp.confirm(actor.userId, input.code);
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
        staff: await new PlatformStaffRepository().scopeActorIsStaff(this.ds.manager),
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
