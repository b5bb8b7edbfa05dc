import { ConnectorError } from '../connector.errors';
import type { OAuthClientSettings, OAuthTokens, PlatformOAuth, PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { mapXTokenError } from './x-errors';
import { xAuthorizeUrl, xHttp } from './x-http.config';
import { xTokenSchema } from './x-wire';

/**
 * The fewest scopes that publish with media, read back and reconcile
 * (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code#scopes): tweet.write to post,
 * media.write to upload, tweet.read + users.read for GET /2/users/me and the post lookups (X wants both for
 * /users/me), offline.access for a refresh token at all.
 */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];

/**
 * OAuth 2.0 authorization code with PKCE (S256) as a confidential client: the token endpoint takes the app's id and
 * secret as HTTP Basic (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token). Access tokens
 * live 2 hours; each refresh returns a new refresh token and voids the one used.
 */
export function xOAuth(settings: PlatformSettings): PlatformOAuth {
  const client = settings.oauth;
  if (!client) throw new Error('the x platform has no OAuth client configured');
  const http: ConnectorHttpConfig = { ...xHttp(settings), mapError: mapXTokenError };
  return {
    authorizeUrl({ state, codeChallenge }) {
      const u = new URL(xAuthorizeUrl(settings));
      u.search = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        scope: X_SCOPES.join(' '),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return u.toString();
    },
    exchangeCode: ({ code, codeVerifier }) =>
      tokenCall(http, client, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: client.redirectUri,
        code_verifier: codeVerifier,
      }),
    async refresh(current) {
      if (!current.refreshToken)
        throw new ConnectorError('auth', 'the stored credential has no refresh token (offline.access not granted)', {
          health: 'refresh_expired',
        });
      const next = await tokenCall(http, client, { grant_type: 'refresh_token', refresh_token: current.refreshToken });
      // X always rotates; should an answer ever lack the new one, the stored one is all we have.
      return { ...next, refreshToken: next.refreshToken ?? current.refreshToken, scope: next.scope ?? current.scope };
    },
  };
}

async function tokenCall(
  http: ConnectorHttpConfig,
  client: OAuthClientSettings,
  grant: Record<string, string>,
): Promise<OAuthTokens> {
  const headers: Record<string, string> = {};
  if (client.clientSecret)
    headers.authorization = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  const call = { method: 'POST', path: '/2/oauth2/token', route: '/2/oauth2/token' } as const;
  const now = Date.now();
  try {
    const t = parseAnswer(
      xTokenSchema,
      await connectorRequest(http, { ...call, form: { ...grant, client_id: client.clientId }, headers }),
      call,
    );
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: t.expires_in !== undefined ? new Date(now + t.expires_in * 1000).toISOString() : undefined,
      // X documents no lifetime for refresh tokens: none is claimed.
      issuedAt: new Date(now).toISOString(),
      scope: t.scope,
    };
  } catch (err) {
    // A refresh whose answer was lost may have used up the refresh token we hold. Asking again is the only way to
    // know: either it still works, or X refuses it (auth, connect again), which is where we would be anyway.
    if (err instanceof ConnectorError && err.kind === 'outcome_unknown')
      throw new ConnectorError('transient', 'POST /2/oauth2/token got no usable answer', err.details);
    throw err;
  }
}
