import { ConnectorError } from '../connector.errors';
import type { ApiVersionPin, OAuthClientSettings, OAuthTokens, PlatformOAuth } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { platformCodeOf } from './tiktok-errors';
import { tiktokHttp } from './tiktok-http.config';
import { tiktokRoutes } from './tiktok-routes';
import type { TikTokSettings } from './tiktok-settings';
import { TIKTOK_DRAFT_SCOPE, TIKTOK_SCOPES } from './tiktok-settings';
import { tokenSchema } from './tiktok-wire';

/** Where the consent dialog lives (Login Kit for Web); the API host answers the token endpoint. */
export const TIKTOK_AUTHORIZE_BASE_URL = 'https://www.tiktok.com';

/**
 * Login Kit (https://developers.tiktok.com/doc/login-kit-web, .../login-kit-desktop,
 * .../oauth-user-access-token-management): `client_key` (not client_id), scopes comma-separated, the client secret
 * at the token endpoint. Web Login Kit documents no PKCE; Desktop documents S256 with the challenge as the HEX
 * SHA-256 of the verifier (not base64url) and code_verifier at the token endpoint. We send it in that form: it binds
 * the code to the session that started the connect even if the secret leaked, and a server ignoring it loses nothing.
 */
export function tiktokOAuth(settings: TikTokSettings, pin: ApiVersionPin): PlatformOAuth {
  const client = settings.oauth;
  if (!client) throw new Error('the tiktok platform has no OAuth client configured');
  if (!client.clientSecret) throw new Error('the tiktok platform needs its client secret for the token endpoint');
  const http = tiktokHttp(settings, pin);
  const routes = tiktokRoutes(pin.version);
  const scopes = settings.tiktokPostMode === 'draft' ? [...TIKTOK_SCOPES, TIKTOK_DRAFT_SCOPE] : TIKTOK_SCOPES;
  return {
    authorizeUrl({ state, codeChallenge }) {
      const u = new URL(routes.authorize, settings.publicUrl ?? TIKTOK_AUTHORIZE_BASE_URL);
      u.search = new URLSearchParams({
        client_key: client.clientId,
        scope: scopes.join(','),
        response_type: 'code',
        redirect_uri: client.redirectUri,
        state,
        code_challenge: hexChallenge(codeChallenge),
        code_challenge_method: 'S256',
      }).toString();
      return u.toString();
    },
    exchangeCode: ({ code, codeVerifier }) =>
      tokenCall(http, routes.token, client, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: client.redirectUri,
        code_verifier: codeVerifier,
      }),
    async refresh(current) {
      const expired = current.refreshExpiresAt !== undefined && Date.parse(current.refreshExpiresAt) <= Date.now();
      if (!current.refreshToken)
        throw new ConnectorError('auth', 'the stored TikTok credential has no refresh token', {
          health: 'refresh_expired',
        });
      const next = await tokenCall(
        http,
        routes.token,
        client,
        { grant_type: 'refresh_token', refresh_token: current.refreshToken },
        expired ? 'refresh_expired' : 'token_revoked',
      );
      // TikTok rotates the refresh token on every refresh; should an answer ever lack one, keep the stored one.
      return {
        ...next,
        refreshToken: next.refreshToken ?? current.refreshToken,
        refreshExpiresAt: next.refreshToken ? next.refreshExpiresAt : current.refreshExpiresAt,
      };
    },
  };
}

/** The base64url S256 challenge Raize computes, re-encoded as the hex digest TikTok's PKCE expects. */
export function hexChallenge(base64urlChallenge: string): string {
  const digest = Buffer.from(base64urlChallenge, 'base64url');
  if (digest.length !== 32) throw new Error('the PKCE challenge is not a SHA-256 digest');
  return digest.toString('hex');
}

async function tokenCall(
  http: ConnectorHttpConfig,
  route: string,
  client: OAuthClientSettings,
  grant: Record<string, string>,
  refusedMeans: 'token_revoked' | 'refresh_expired' = 'token_revoked',
): Promise<OAuthTokens> {
  const call = { method: 'POST', path: route, route } as const;
  const form = { client_key: client.clientId, client_secret: client.clientSecret ?? '', ...grant };
  const what = grant.grant_type === 'refresh_token' ? 'refresh token' : 'authorization code';
  const refused = (details: ConnectorError['details']) =>
    new ConnectorError(
      'auth',
      `POST ${route} refused the ${what} (${details.platformCode ?? details.status ?? 'no code'})`,
      {
        ...details,
        health: refusedMeans,
      },
    );
  try {
    const answer = await connectorRequest(http, { ...call, form });
    // The token endpoint may answer an OAuth error with a 200 and `{error, error_description, log_id}`.
    const code = platformCodeOf(answer.body);
    if (code) throw refused({ status: answer.status, platformCode: code, requestId: answer.requestId });
    const issuedAt = Date.now();
    const t = parseAnswer(tokenSchema, answer, call);
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: new Date(issuedAt + t.expires_in * 1000).toISOString(),
      ...(t.refresh_expires_in
        ? { refreshExpiresAt: new Date(issuedAt + t.refresh_expires_in * 1000).toISOString() }
        : {}),
      issuedAt: new Date(issuedAt).toISOString(),
      // TikTok lists scopes comma-separated; OAuthTokens keeps them space-separated like every other platform.
      ...(t.scope
        ? {
            scope: t.scope
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
              .join(' '),
          }
        : {}),
    };
  } catch (err) {
    if (!(err instanceof ConnectorError) || err.details.health === 'api_version_sunset') throw err;
    if (err.kind === 'permanent') throw refused(err.details);
    if (err.kind === 'auth' && !err.details.health) throw refused(err.details);
    throw err;
  }
}
