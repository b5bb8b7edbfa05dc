// Request authentication: admin token, bearer access tokens (after identity swaps) and page sessions.
import { HttpError, headerValue, parseCookies } from './http-utils';
import { safeEqual, sha256Hex } from './secrets';
import type { SandboxDeps } from './deps';
import type { RequestContext } from './router';
import type { StoredToken, StoredUser } from './store';

export const ADMIN_HEADER = 'x-sandbox-admin';
export const SESSION_COOKIE = 'sbx_session';

export function requireAdmin(deps: SandboxDeps, ctx: RequestContext): void {
  const given = headerValue(ctx.req.headers[ADMIN_HEADER]);
  if (!given || !safeEqual(given, deps.adminToken)) {
    throw new HttpError(401, 'unauthorized', `Missing or invalid ${ADMIN_HEADER} header`);
  }
}

function unauthorized(message: string, error = 'invalid_token'): HttpError {
  return new HttpError(401, 'unauthorized', message, {
    'www-authenticate': `Bearer realm="sandbox", error="${error}"`,
  });
}

export interface Identity {
  /** The user the token resolves to now (after identity swaps). */
  user: StoredUser;
  token: StoredToken;
}

export function requireIdentity(deps: SandboxDeps, ctx: RequestContext): Identity {
  const header = headerValue(ctx.req.headers.authorization);
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthorized('Missing bearer access token', 'invalid_request');
  const token = deps.store.findToken(sha256Hex(match[1]!), 'access');
  if (!token) throw unauthorized('Invalid access token');
  if (token.expiresAt !== null && token.expiresAt <= deps.store.now()) throw unauthorized('Access token expired');
  const user = deps.store.findUserById(deps.store.resolveUserId(token.userId));
  if (!user) throw unauthorized('The account behind this token no longer exists');
  return { user, token };
}

export function sessionUser(deps: SandboxDeps, ctx: RequestContext): StoredUser | undefined {
  const sessionId = parseCookies(headerValue(ctx.req.headers.cookie))[SESSION_COOKIE];
  if (!sessionId) return undefined;
  const session = deps.store.findSession(sha256Hex(sessionId));
  return session ? deps.store.findUserById(session.userId) : undefined;
}
