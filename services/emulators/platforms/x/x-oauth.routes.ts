/**
 * X's OAuth 2.0 authorization code flow with PKCE, emulated. Sources:
 * - https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code (scopes, 2-hour access tokens,
 *   refresh tokens only with offline.access)
 * - https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token (authorize URL parameters, PKCE,
 *   POST /2/oauth2/token with HTTP Basic for confidential clients, the refresh grant)
 * X accepts code_challenge_method `plain` too; the emulator takes S256 only, which is what Raize sends.
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { ConsentDesk } from '../kit/consent';
import type { IssuedTokens, TokenBook } from '../kit/token-book';
import type { XEmulatorState } from './x-emulator-state';
import { oauthError } from './x-problems';

export const AUTHORIZE_PATH = '/i/oauth2/authorize';
export const TOKEN_PATH = '/2/oauth2/token';

export function xOAuthRoutes(state: XEmulatorState, consent: ConsentDesk, tokens: TokenBook): EmulatorRoute[] {
  const choices = () => state.accounts.map((a) => ({ id: a.id, label: `@${a.handle}` }));
  return [
    {
      method: 'GET',
      path: AUTHORIZE_PATH,
      handle: (req) => authorizeProblem(req) ?? consent.page('X', req, choices()),
    },
    {
      method: 'POST',
      path: AUTHORIZE_PATH,
      handle: (req) =>
        authorizeProblem(req) ??
        consent.answer(
          req,
          state.accounts.map((a) => a.id),
        ),
    },
    { method: 'POST', path: TOKEN_PATH, handle: (req) => token(req, consent, tokens) },
  ];
}

function authorizeProblem(req: EmulatorRequest): EmulatorReply | undefined {
  const q = req.query;
  const missing = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge'].filter(
    (p) => !q.get(p),
  );
  if (missing.length || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256')
    return {
      status: 400,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<!doctype html><p>Something went wrong. You weren’t able to give access to the App.</p>',
    };
  return undefined;
}

function token(req: EmulatorRequest, consent: ConsentDesk, tokens: TokenBook): EmulatorReply {
  // A confidential client authenticates with HTTP Basic; without it X answers this, whatever the grant.
  if (!consent.checkBasic(req.headers.authorization))
    return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    return oauthError(400, 'invalid_request', 'Missing required parameter [grant_type].');
  const form = new URLSearchParams(req.rawBody);
  const clientId = Buffer.from(req.headers.authorization!.slice(6), 'base64').toString('utf8').split(':')[0]!;
  switch (form.get('grant_type') ?? '') {
    case 'authorization_code': {
      const redeemed = consent.redeem({
        code: form.get('code') ?? '',
        clientId,
        redirectUri: form.get('redirect_uri') ?? '',
        codeVerifier: form.get('code_verifier') ?? undefined,
        requireSecret: false,
      });
      if (typeof redeemed === 'string')
        return oauthError(400, 'invalid_request', 'Value passed for the authorization code was invalid.');
      return answer(tokens.issue(redeemed.accountId, redeemed.scope));
    }
    case 'refresh_token': {
      const refreshed = tokens.refresh(form.get('refresh_token') ?? '');
      if (typeof refreshed === 'string')
        return oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');
      return answer(refreshed);
    }
    default:
      return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type');
  }
}

function answer(t: IssuedTokens): EmulatorReply {
  const offline = t.scope.includes('offline.access');
  return {
    status: 200,
    json: {
      token_type: 'bearer',
      expires_in: t.expiresIn,
      access_token: t.accessToken,
      scope: t.scope.join(' '),
      // The TokenBook issues one either way; X hands it out only for offline.access.
      ...(offline && t.refreshToken ? { refresh_token: t.refreshToken } : {}),
    },
  };
}
