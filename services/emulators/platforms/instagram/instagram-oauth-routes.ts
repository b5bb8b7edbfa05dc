/**
 * Business Login for Instagram, as the emulator serves it, from:
 * - https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login (the
 *   dialog with client_id, redirect_uri, response_type=code, scope, state; the code exchange answering
 *   `{data:[{access_token, user_id, permissions}]}`; short-lived tokens of 1 hour; no PKCE)
 * - https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize and .../oauth-access-token
 *   (errors `{error_type, code, error_message}`, "Matching code was not found or was already used")
 * - https://developers.facebook.com/docs/instagram-platform/reference/access_token (GET /access_token,
 *   grant_type=ig_exchange_token, client_secret, access_token → long-lived token of 60 days)
 * - https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token (GET /refresh_access_token,
 *   grant_type=ig_refresh_token: a long-lived token at least 24 hours old and not expired; 60 days from the refresh)
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { ConsentDesk, RegisteredApp } from '../kit/consent';
import type { IssuedTokens, TokenBook, TokenProblem } from '../kit/token-book';
import { GRAPH, graphError, tokenHostError } from './instagram-graph-errors';
import { paramsOf } from './instagram-content-routes';
import type { InstagramWorld } from './instagram-world';

/** The age a long-lived token must reach before it can be refreshed. */
export const REFRESH_MIN_AGE_SECONDS = 24 * 3600;

export interface OAuthContext {
  world: InstagramWorld;
  app: RegisteredApp;
  desk: ConsentDesk;
  /** short-lived tokens (1 hour), from the code exchange */
  shortTokens: TokenBook;
  /** long-lived tokens (60 days) */
  longTokens: TokenBook;
}

/** Paths that authenticate themselves (the dialog, the code, the exchanges), not with a bearer token. */
export const OAUTH_PATHS: ReadonlySet<string> = new Set([
  '/oauth/authorize',
  '/oauth/access_token',
  '/access_token',
  '/refresh_access_token',
]);

export function oauthRoutes(ctx: OAuthContext): EmulatorRoute[] {
  const ids = () => ctx.world.accounts.map((a) => a.id);
  const labels = () => ctx.world.accounts.map((a) => ({ id: a.id, label: `@${a.handle}` }));
  return [
    { method: 'GET', path: '/oauth/authorize', handle: (req) => ctx.desk.page('Instagram', req, labels()) },
    { method: 'POST', path: '/oauth/authorize', handle: (req) => ctx.desk.answer(req, ids()) },
    { method: 'POST', path: '/oauth/access_token', handle: (req) => exchangeCode(ctx, req) },
    { method: 'GET', path: '/access_token', handle: (req) => exchangeForLongLived(ctx, req) },
    { method: 'GET', path: '/refresh_access_token', handle: (req) => refresh(ctx, req) },
  ];
}

function exchangeCode(ctx: OAuthContext, req: EmulatorRequest): EmulatorReply {
  const p = paramsOf(req);
  if (p.get('grant_type') !== 'authorization_code') return tokenHostError('Invalid grant_type');
  const redeemed = ctx.desk.redeem({
    code: p.get('code') ?? '',
    clientId: p.get('client_id') ?? '',
    clientSecret: p.get('client_secret') ?? undefined,
    redirectUri: p.get('redirect_uri') ?? '',
    requireSecret: true,
  });
  if (redeemed === 'invalid_client') return tokenHostError('Invalid platform app');
  if (typeof redeemed === 'string') return tokenHostError('Matching code was not found or was already used.');
  const t = ctx.shortTokens.issue(redeemed.accountId, redeemed.scope);
  return {
    status: 200,
    json: { data: [{ access_token: t.accessToken, user_id: redeemed.accountId, permissions: t.scope.join(',') }] },
  };
}

function exchangeForLongLived(ctx: OAuthContext, req: EmulatorRequest): EmulatorReply {
  const p = paramsOf(req);
  if (p.get('grant_type') !== 'ig_exchange_token') return graphError(GRAPH.invalidParameter);
  if (p.get('client_secret') !== ctx.app.clientSecret) return graphError(GRAPH.badClientSecret);
  const short = ctx.shortTokens.resolve(p.get('access_token') ?? undefined);
  if (typeof short === 'string') return tokenProblem(short);
  return longLived(ctx.longTokens.issue(short.accountId, short.scope));
}

function refresh(ctx: OAuthContext, req: EmulatorRequest): EmulatorReply {
  const p = paramsOf(req);
  if (p.get('grant_type') !== 'ig_refresh_token') return graphError(GRAPH.invalidParameter);
  const next = ctx.longTokens.extend(p.get('access_token') ?? '', REFRESH_MIN_AGE_SECONDS);
  if (next === 'too_young')
    return graphError({ code: 100, message: '(#100) The access token must be at least 24 hours old to be refreshed' });
  if (typeof next === 'string') return tokenProblem(next);
  return longLived(next);
}

function longLived(t: IssuedTokens): EmulatorReply {
  return { status: 200, json: { access_token: t.accessToken, token_type: 'bearer', expires_in: t.expiresIn } };
}

export function tokenProblem(problem: TokenProblem): EmulatorReply {
  if (problem === 'expired') return graphError(GRAPH.expiredToken);
  if (problem === 'revoked') return graphError(GRAPH.revokedToken);
  return graphError(GRAPH.badToken);
}
