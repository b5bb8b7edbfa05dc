/**
 * Login Kit routes of the TikTok emulator, from:
 * - https://developers.tiktok.com/doc/login-kit-web (GET https://www.tiktok.com/v2/auth/authorize/ with client_key,
 *   scope comma-separated, response_type=code, redirect_uri, state)
 * - https://developers.tiktok.com/doc/login-kit-desktop (PKCE: code_challenge = hex SHA-256 of the verifier,
 *   code_challenge_method=S256)
 * - https://developers.tiktok.com/doc/oauth-user-access-token-management (POST /v2/oauth/token/, form body with
 *   client_key, client_secret; authorization_code with redirect_uri and code_verifier; refresh_token; the answer's
 *   access_token, expires_in, open_id, refresh_token, refresh_expires_in, scope, token_type)
 * - https://developers.tiktok.com/doc/oauth-error-handling (`{error, error_description, log_id}`)
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { ConsentDesk, RegisteredApp } from '../kit/consent';
import type { IssuedTokens, TokenBook } from '../kit/token-book';
import { oauthFail } from './tiktok-emulator.wire';
import type { TikTokWorld } from './tiktok-emulator.world';

export const KNOWN_SCOPES = new Set([
  'user.info.basic',
  'user.info.profile',
  'user.info.stats',
  'video.list',
  'video.publish',
  'video.upload',
]);

export function oauthRoutes(p: {
  world: TikTokWorld;
  tokens: TokenBook;
  desk: ConsentDesk;
  app: RegisteredApp;
}): EmulatorRoute[] {
  const { world, tokens, desk, app } = p;
  const accounts = () => world.creators.map((c) => ({ id: c.openId, label: `@${c.username}` }));
  return [
    {
      method: 'GET',
      path: '/v2/auth/authorize/',
      handle(req) {
        const problem = checkAuthorize(req.query);
        if (problem) return page(400, problem);
        return desk.page('TikTok', forDesk(req), accounts());
      },
    },
    {
      method: 'POST',
      path: '/v2/auth/authorize/',
      handle: (req) =>
        desk.answer(
          forDesk(req),
          accounts().map((a) => a.id),
        ),
    },
    {
      method: 'POST',
      path: '/v2/oauth/token/',
      handle(req) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
          return oauthFail(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
        const form = new URLSearchParams(req.rawBody);
        if (form.get('client_key') !== app.clientId || form.get('client_secret') !== app.clientSecret)
          return oauthFail(401, 'invalid_client', 'Client key or secret is incorrect.');
        const grant = form.get('grant_type');
        if (grant === 'authorization_code') {
          const redeemed = desk.redeem({
            code: form.get('code') ?? '',
            clientId: form.get('client_key') ?? '',
            clientSecret: form.get('client_secret') ?? undefined,
            redirectUri: form.get('redirect_uri') ?? '',
            codeVerifier: form.get('code_verifier') ?? undefined,
            requireSecret: true,
          });
          if (redeemed === 'invalid_client')
            return oauthFail(401, 'invalid_client', 'Client key or secret is incorrect.');
          if (redeemed === 'pkce_mismatch')
            return oauthFail(400, 'invalid_grant', 'Code verifier or code challenge is invalid.');
          if (redeemed === 'invalid_grant')
            return oauthFail(400, 'invalid_grant', 'Authorization code is expired or invalid.');
          return tokenReply(redeemed.accountId, tokens.issue(redeemed.accountId, redeemed.scope));
        }
        if (grant === 'refresh_token') {
          const issued = tokens.refresh(form.get('refresh_token') ?? '');
          if (typeof issued === 'string')
            return oauthFail(400, 'invalid_grant', 'Refresh token is invalid or expired.');
          const owner = tokens.resolve(issued.accessToken);
          return tokenReply(typeof owner === 'string' ? '' : owner.accountId, issued);
        }
        return oauthFail(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
      },
    },
  ];

  function checkAuthorize(q: URLSearchParams): string | undefined {
    if (q.get('client_key') !== app.clientId) return 'client_key is unknown';
    if (q.get('response_type') !== 'code') return 'response_type must be code';
    const scopes = (q.get('scope') ?? '').split(',').filter(Boolean);
    if (!scopes.length || scopes.some((s) => !KNOWN_SCOPES.has(s)))
      return 'scope must list known scopes, comma-separated';
    const challenge = q.get('code_challenge');
    if (challenge !== null && (!/^[0-9a-f]{64}$/.test(challenge) || q.get('code_challenge_method') !== 'S256'))
      return 'code_challenge must be the hex SHA-256 of the code verifier, with code_challenge_method=S256';
    return undefined;
  }
}

/**
 * The shared consent desk speaks OAuth's generic names: TikTok's client_key becomes client_id, and its hex PKCE
 * challenge the base64url form the desk verifies (the same digest).
 */
function forDesk(req: EmulatorRequest): EmulatorRequest {
  const query = new URLSearchParams(req.query);
  const key = query.get('client_key');
  if (key !== null) {
    query.delete('client_key');
    query.set('client_id', key);
  }
  const challenge = query.get('code_challenge');
  if (challenge && /^[0-9a-f]{64}$/.test(challenge))
    query.set('code_challenge', Buffer.from(challenge, 'hex').toString('base64url'));
  return { ...req, query };
}

function tokenReply(openId: string, t: IssuedTokens): EmulatorReply {
  return {
    status: 200,
    json: {
      access_token: t.accessToken,
      expires_in: t.expiresIn,
      open_id: openId,
      refresh_token: t.refreshToken,
      refresh_expires_in: t.refreshExpiresIn,
      scope: t.scope.join(','),
      token_type: 'Bearer',
    },
  };
}

function page(status: number, message: string): EmulatorReply {
  const safe = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><p>${safe}</p>` };
}
