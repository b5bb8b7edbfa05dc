/**
 * OAuth of the LinkedIn emulator, from:
 * - https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow (GET
 *   https://www.linkedin.com/oauth/v2/authorization with response_type=code, client_id, redirect_uri, state, scope
 *   space-separated; POST /oauth/v2/accessToken, form body with grant_type, code, client_id, client_secret,
 *   redirect_uri; answer `{access_token, expires_in, refresh_token, refresh_token_expires_in, scope}` with the scope
 *   comma-separated; access tokens live 60 days; codes are short-lived and used once)
 * - https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens (grant_type=
 *   refresh_token for approved partners; refresh tokens live 365 days from the first grant and refreshing does not
 *   extend them; an app without the program gets no refresh_token)
 * - https://learn.microsoft.com/en-us/linkedin/shared/authentication/token-introspection (POST /oauth/v2/introspectToken
 *   with client_id, client_secret, token → `{active, status, scope, expires_at, ...}`)
 *
 * The web flow documents no PKCE (LinkedIn offers PKCE to approved native apps only): a code_challenge sent anyway is
 * held to by the shared ConsentDesk, one not sent is not asked for.
 */
import type { EmulatorReply, EmulatorRoute } from '../../emulator-server';
import type { ConsentDesk, RegisteredApp } from '../kit/consent';
import type { IssuedTokens, TokenBook } from '../kit/token-book';
import { oauthError } from './linkedin-problems';
import type { LinkedInWorld } from './linkedin-world';

export const KNOWN_SCOPES = new Set([
  'openid',
  'profile',
  'email',
  'w_member_social',
  'r_member_social',
  'w_organization_social',
  'r_organization_social',
  'rw_organization_admin',
  'r_organization_admin',
]);

export function oauthRoutes(p: {
  world: LinkedInWorld;
  tokens: TokenBook;
  desk: ConsentDesk;
  app: RegisteredApp;
}): EmulatorRoute[] {
  const { world, tokens, desk, app } = p;
  const accounts = () => world.members.map((m) => ({ id: m.urn, label: `${m.givenName} ${m.familyName}` }));
  return [
    {
      method: 'GET',
      path: '/oauth/v2/authorization',
      handle(req) {
        const problem = checkAuthorize(req.query);
        if (problem) return { status: 400, headers: { 'content-type': 'text/html' }, body: `<p>${problem}</p>` };
        return desk.page('LinkedIn', req, accounts());
      },
    },
    {
      method: 'POST',
      path: '/oauth/v2/authorization',
      handle: (req) =>
        desk.answer(
          req,
          accounts().map((a) => a.id),
        ),
    },
    {
      method: 'POST',
      path: '/oauth/v2/accessToken',
      handle(req) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
          return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
        const form = new URLSearchParams(req.rawBody);
        if (form.get('client_id') !== app.clientId || form.get('client_secret') !== app.clientSecret)
          return oauthError(401, 'invalid_client', 'Client authentication failed');
        const grant = form.get('grant_type');
        if (grant === 'authorization_code') return exchange(form);
        if (grant === 'refresh_token') return refresh(form);
        return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
      },
    },
    {
      method: 'POST',
      path: '/oauth/v2/introspectToken',
      handle(req) {
        const form = new URLSearchParams(req.rawBody);
        if (form.get('client_id') !== app.clientId || form.get('client_secret') !== app.clientSecret)
          return oauthError(401, 'invalid_client', 'Client authentication failed');
        const found = tokens.resolve(form.get('token') ?? undefined);
        if (typeof found === 'string')
          return { status: 200, json: { active: false, status: found === 'unknown' ? 'invalid' : found } };
        return {
          status: 200,
          json: {
            active: true,
            status: 'active',
            client_id: app.clientId,
            auth_type: '3L',
            scope: found.scope.join(','),
            created_at: Math.floor(found.issuedAt / 1000),
            authorized_at: Math.floor(found.issuedAt / 1000),
          },
        };
      },
    },
  ];

  function exchange(form: URLSearchParams): EmulatorReply {
    const redeemed = desk.redeem({
      code: form.get('code') ?? '',
      clientId: form.get('client_id') ?? '',
      clientSecret: form.get('client_secret') ?? undefined,
      redirectUri: form.get('redirect_uri') ?? '',
      codeVerifier: form.get('code_verifier') ?? undefined,
      requireSecret: true,
    });
    if (typeof redeemed === 'string')
      return redeemed === 'invalid_client'
        ? oauthError(401, 'invalid_client', 'Client authentication failed')
        : oauthError(
            400,
            'invalid_request',
            'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.',
          );
    return tokenAnswer(tokens.issue(redeemed.accountId, redeemed.scope));
  }

  function refresh(form: URLSearchParams): EmulatorReply {
    if (!world.refreshTokens)
      return oauthError(400, 'invalid_request', 'This application is not allowed to use programmatic refresh tokens');
    const issued = tokens.refresh(form.get('refresh_token') ?? '');
    if (issued === 'expired') return oauthError(400, 'invalid_request', 'The provided refresh token has expired');
    if (typeof issued === 'string')
      return oauthError(400, 'invalid_request', 'The provided refresh token is invalid or has been revoked');
    return tokenAnswer(issued);
  }

  function tokenAnswer(t: IssuedTokens): EmulatorReply {
    return {
      status: 200,
      json: {
        access_token: t.accessToken,
        expires_in: t.expiresIn,
        ...(world.refreshTokens && t.refreshToken
          ? { refresh_token: t.refreshToken, refresh_token_expires_in: t.refreshExpiresIn }
          : {}),
        scope: t.scope.join(','),
      },
    };
  }
}

function checkAuthorize(q: URLSearchParams): string | null {
  if (q.get('response_type') !== 'code') return 'response_type must be code';
  const scopes = (q.get('scope') ?? '').split(/[\s,]+/).filter(Boolean);
  if (scopes.length === 0) return 'scope is required';
  const unknown = scopes.find((s) => !KNOWN_SCOPES.has(s));
  if (unknown) return `Scope "${unknown}" is not authorized for your application`;
  return null;
}
