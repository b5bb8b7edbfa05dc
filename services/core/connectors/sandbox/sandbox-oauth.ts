import { ConnectorError } from '../connector.errors';
import type { OAuthClientSettings, OAuthTokens, PlatformOAuth, PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { sandboxHttp } from './sandbox-http.config';
import { sandboxTokenSchema } from './sandbox-wire';

const SCOPE = ['profile', 'posts'].join(' ');

/** OAuth 2.0 authorization code + PKCE (S256) and refresh against the sandbox; tokens go straight to the secrets backend. */
export function sandboxOAuth(settings: PlatformSettings): PlatformOAuth {
  const client = settings.oauth;
  if (!client) throw new Error('the sandbox platform has no OAuth client configured');
  const http = sandboxHttp(settings);
  return {
    authorizeUrl({ state, codeChallenge }) {
      const u = new URL('/oauth/authorize', settings.publicUrl ?? settings.baseUrl);
      u.search = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        scope: SCOPE,
      }).toString();
      return u.toString();
    },
    exchangeCode: ({ code, codeVerifier }) =>
      tokenCall(
        http,
        client,
        { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: codeVerifier },
        'authorization code',
      ),
    async refresh(current) {
      if (!current.refreshToken)
        throw new ConnectorError('auth', 'the stored credential has no refresh token', { health: 'refresh_expired' });
      const next = await tokenCall(
        http,
        client,
        { grant_type: 'refresh_token', refresh_token: current.refreshToken },
        'refresh token',
      );
      // The platform may keep the refresh token it has: never wipe the stored one.
      return { ...next, refreshToken: next.refreshToken ?? current.refreshToken };
    },
  };
}

async function tokenCall(
  http: ConnectorHttpConfig,
  client: OAuthClientSettings,
  grant: Record<string, string>,
  what: string,
): Promise<OAuthTokens> {
  const form: Record<string, string> = {
    ...grant,
    client_id: client.clientId,
    ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
  };
  const call = { method: 'POST', path: '/oauth/token', route: '/oauth/token' } as const;
  try {
    const t = parseAnswer(sandboxTokenSchema, await connectorRequest(http, { ...call, form }), call);
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: t.expires_in ? new Date(Date.now() + t.expires_in * 1000).toISOString() : undefined,
      issuedAt: new Date().toISOString(),
      scope: t.scope,
    };
  } catch (err) {
    // invalid_grant (400) or invalid_client (401): the account must be connected again; retrying will not help.
    if (err instanceof ConnectorError && (err.kind === 'permanent' || err.kind === 'auth')) {
      throw new ConnectorError('auth', `the platform refused the ${what} (${err.details.status ?? 'no status'})`, {
        ...err.details,
        health: 'token_revoked',
      });
    }
    throw err;
  }
}
