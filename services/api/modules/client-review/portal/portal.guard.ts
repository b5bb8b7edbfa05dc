import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { sameDigest } from '../../../../core/review/review-tokens';
import type { RequestWithActor } from '../../../auth/actor.guard';
import { CSRF_HEADER, header } from '../../../auth/request-info';
import { AppError, AppErrorCode } from '../../../errors/app-error';
import { RateLimiter } from '../../../security/rate-limiter';
import { PortalAccessService, type PortalContext } from './portal-access.service';

/** The portal's session cookie: `__Host-` (Secure, Path=/, no Domain), HttpOnly, SameSite=Strict (C-06). */
export const PORTAL_COOKIE = '__Host-raize_portal';

type PortalRequest = RequestWithActor & { portal?: PortalContext; method?: string };

const perSession = new RateLimiter(Number(process.env.RAIZE_PORTAL_RATE_PER_MINUTE ?? 300), 60_000);

/**
 * A portal request's credentials: the portal cookie, checked against its link now, and for anything but a read the
 * CSRF token of that session (C-07). The request's tenant scope becomes the link's one client and nothing else:
 * no operator, no agency (C-01). An operator's session or API token opens nothing here, and the portal's cookie
 * opens nothing of the operator API (ActorGuard never reads it).
 */
@Injectable()
export class PortalGuard implements CanActivate {
  constructor(private readonly access: PortalAccessService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<PortalRequest>();
    const token = req.cookies?.[PORTAL_COOKIE];
    const portal = token ? await this.access.resolve(token) : null;
    if (!portal)
      throw new AppError(AppErrorCode.Unauthenticated, 'this review page has expired; open your review link again');
    const wait = perSession.hit(portal.sessionId);
    if (wait) throw new AppError(AppErrorCode.RateLimited, `too many requests; try again in ${wait} s`);
    if (!['GET', 'HEAD'].includes((req.method ?? 'GET').toUpperCase())) {
      const sent = header(req, CSRF_HEADER);
      if (!sent || !sameDigest(sent, portal.csrfToken))
        throw new AppError(AppErrorCode.CsrfRequired, 'reload the review page and try again');
    }
    req.portal = portal;
    req.tenantScope = portal.scope;
    return true;
  }
}

export const CurrentPortal = createParamDecorator((_: unknown, ctx: ExecutionContext): PortalContext => {
  const portal = ctx.switchToHttp().getRequest<PortalRequest>().portal;
  if (!portal) throw new Error('CurrentPortal used on a route without PortalGuard');
  return portal;
});
