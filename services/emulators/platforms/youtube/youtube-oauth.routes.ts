import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { IssuedTokens } from '../kit/token-book';
import type { YouTubeContext } from './youtube-context';

/**
 * Google's OAuth 2.0 for web server apps (https://developers.google.com/identity/protocols/oauth2/web-server):
 * - GET /o/oauth2/v2/auth with client_id, redirect_uri, response_type=code, scope, access_type, prompt, state,
 *   code_challenge + code_challenge_method (S256 or plain); errors shown on Google's page (`invalid_request`)
 * - POST /token (form): authorization_code (code, code_verifier, redirect_uri) and refresh_token grants, the client's
 *   id and secret in the body; answers `{access_token, expires_in, refresh_token, scope, token_type}`, a refresh
 *   without a new refresh token; errors `{error, error_description}`: invalid_grant ("Token has been expired or
 *   revoked."), invalid_client, unsupported_grant_type
 * - POST /tokeninfo (https://developers.google.com/identity/sign-in/web/backend-auth#calling-the-tokeninfo-endpoint):
 *   the token's `scope`, `aud`, `exp`, `expires_in`; `{error: 'invalid_token'}` otherwise
 * - https://developers.google.com/identity/protocols/oauth2#expiration: a project in "Testing" issues refresh tokens
 *   that expire after 7 days.
 */
const KNOWN_SCOPES = new Set(
  ['youtube', 'youtube.readonly', 'youtube.upload', 'youtube.force-ssl', 'youtubepartner'].map(
    (s) => `https://www.googleapis.com/auth/${s}`,
  ),
);

export function oauthRoutes(ctx: YouTubeContext): EmulatorRoute[] {
  const accounts = () => [...ctx.world.channels.values()].map((c) => ({ id: c.id, label: `${c.title} (${c.handle})` }));
  return [
    {
      method: 'GET',
      path: '/o/oauth2/v2/auth',
      handle: (req) => authorizeProblem(req) ?? ctx.desk.page('Google', req, accounts()),
    },
    {
      method: 'POST',
      path: '/o/oauth2/v2/auth',
      handle: (req) =>
        authorizeProblem(req) ??
        ctx.desk.answer(
          req,
          accounts().map((a) => a.id),
        ),
    },
    { method: 'POST', path: '/token', handle: (req) => token(ctx, req) },
    { method: 'POST', path: '/tokeninfo', handle: (req) => tokenInfo(ctx, req) },
    { method: 'GET', path: '/tokeninfo', handle: (req) => tokenInfo(ctx, req) },
  ];
}

/** What Google's dialog refuses before showing anything ("Error 400: invalid_request"). */
function authorizeProblem(req: EmulatorRequest): EmulatorReply | undefined {
  const q = req.query;
  const problem =
    q.get('response_type') !== 'code'
      ? 'response_type must be code'
      : !q.get('scope')
        ? 'Missing required parameter: scope'
        : q
              .get('scope')!
              .split(' ')
              .some((s) => !KNOWN_SCOPES.has(s))
          ? 'Some requested scopes were invalid'
          : q.get('code_challenge') && !['S256', 'plain'].includes(q.get('code_challenge_method') ?? 'plain')
            ? 'Invalid code_challenge_method'
            : undefined;
  if (!problem) return undefined;
  return {
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html><body><h1>Error 400: invalid_request</h1><p>${problem}</p></body></html>`,
  };
}

const tokenError = (status: number, error: string, description: string): EmulatorReply => ({
  status,
  json: { error, error_description: description },
});

function tokenAnswer(t: IssuedTokens, withRefresh: boolean): EmulatorReply {
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    json: {
      access_token: t.accessToken,
      expires_in: t.expiresIn,
      ...(withRefresh && t.refreshToken ? { refresh_token: t.refreshToken } : {}),
      scope: t.scope.join(' '),
      token_type: 'Bearer',
    },
  };
}

function token(ctx: YouTubeContext, req: EmulatorRequest): EmulatorReply {
  const form = new URLSearchParams(req.rawBody);
  const clientId = form.get('client_id') ?? '';
  const clientSecret = form.get('client_secret') ?? undefined;
  const basic = ctx.desk.checkBasic(req.headers.authorization);
  if (!basic && (clientId !== ctx.app.clientId || clientSecret !== ctx.app.clientSecret))
    return tokenError(401, 'invalid_client', 'Unauthorized');
  switch (form.get('grant_type') ?? '') {
    case 'authorization_code': {
      const redeemed = ctx.desk.redeem({
        code: form.get('code') ?? '',
        clientId: ctx.app.clientId,
        clientSecret: ctx.app.clientSecret,
        redirectUri: form.get('redirect_uri') ?? '',
        codeVerifier: form.get('code_verifier') ?? undefined,
        requireSecret: true,
      });
      if (redeemed === 'invalid_client') return tokenError(401, 'invalid_client', 'Unauthorized');
      if (redeemed === 'pkce_mismatch') return tokenError(400, 'invalid_grant', 'Invalid code verifier.');
      if (redeemed === 'invalid_grant') return tokenError(400, 'invalid_grant', 'Malformed auth code.');
      return tokenAnswer(ctx.tokens.issue(redeemed.accountId, redeemed.scope), true);
    }
    case 'refresh_token': {
      const refreshed = ctx.tokens.refresh(form.get('refresh_token') ?? '');
      if (typeof refreshed === 'string') return tokenError(400, 'invalid_grant', 'Token has been expired or revoked.');
      // Google keeps the refresh token it has: the answer carries none.
      return tokenAnswer(refreshed, false);
    }
    default:
      return tokenError(400, 'unsupported_grant_type', 'Invalid grant_type: ');
  }
}

function tokenInfo(ctx: YouTubeContext, req: EmulatorRequest): EmulatorReply {
  const token = new URLSearchParams(req.rawBody).get('access_token') ?? req.query.get('access_token') ?? undefined;
  const found = ctx.tokens.resolve(token);
  if (typeof found === 'string') return tokenError(400, 'invalid_token', 'Invalid Value');
  const exp = Math.floor(found.issuedAt / 1000) + 3599;
  return {
    status: 200,
    // tokeninfo answers numbers as strings.
    json: {
      azp: ctx.app.clientId,
      aud: ctx.app.clientId,
      scope: found.scope.join(' '),
      exp: String(exp),
      expires_in: String(Math.max(0, exp - Math.floor(ctx.world.clock.now() / 1000))),
      access_type: 'offline',
    },
  };
}
