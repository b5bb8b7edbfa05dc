import { ConnectorError } from '../connector.errors';
import type { OAuthClientSettings, OAuthTokens, PlatformOAuth, PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { googleOAuthEndpoints } from './youtube-http.config';
import { googleTokenSchema } from './youtube-wire';

/**
 * The fewest scopes that publish, read back and reconcile: youtube.upload covers videos.insert and thumbnails.set;
 * youtube.readonly covers channels.list?mine, videos.list and playlistItems.list, which for the private videos an
 * unaudited project uploads answer only to the owner (https://developers.google.com/youtube/v3/guides/auth/installed-apps#identify-access-scopes).
 */
export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
];

/** A Google Cloud project in "Testing" gets refresh tokens that die 7 days after consent. */
export const TESTING_REFRESH_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Google OAuth 2.0 for web server apps with PKCE (S256), offline access and a consent prompt, so that a refresh
 * token comes back each time the account is connected
 * (https://developers.google.com/identity/protocols/oauth2/web-server). Refresh tokens do not rotate.
 */
export function youtubeOAuth(settings: PlatformSettings): PlatformOAuth {
  const client = settings.oauth;
  if (!client) throw new Error('the youtube platform has no OAuth client configured');
  const { authorizeUrl, http } = googleOAuthEndpoints(settings);
  const testing = settings.appInTesting === true;
  return {
    authorizeUrl({ state, codeChallenge }) {
      const u = new URL(authorizeUrl);
      u.search = new URLSearchParams({
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        response_type: 'code',
        scope: YOUTUBE_SCOPES.join(' '),
        // Without offline access there is no refresh token; without the prompt a re-connect gets none either.
        access_type: 'offline',
        prompt: 'consent',
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return u.toString();
    },
    async exchangeCode({ code, codeVerifier }) {
      const form = {
        grant_type: 'authorization_code',
        code,
        redirect_uri: client.redirectUri,
        code_verifier: codeVerifier,
      };
      const now = Date.now();
      const t = await tokenCall(http, client, form, 'authorization code');
      const refreshExpiresAt =
        t.refreshExpiresAt ??
        (testing && t.refreshToken ? new Date(now + TESTING_REFRESH_TTL_SECONDS * 1000).toISOString() : undefined);
      return { ...t, issuedAt: new Date(now).toISOString(), refreshExpiresAt };
    },
    async refresh(current) {
      if (!current.refreshToken)
        throw new ConnectorError('auth', 'the stored credential has no refresh token', { health: 'refresh_expired' });
      try {
        const next = await tokenCall(
          http,
          client,
          { grant_type: 'refresh_token', refresh_token: current.refreshToken },
          'refresh token',
        );
        return {
          ...next,
          // Google answers a refresh without a refresh token: the one we hold stays valid.
          refreshToken: next.refreshToken ?? current.refreshToken,
          refreshExpiresAt: next.refreshExpiresAt ?? current.refreshExpiresAt,
          // The first consent's time, kept: the testing-mode rule counts 7 days from it, not from the last refresh.
          issuedAt: current.issuedAt ?? new Date().toISOString(),
          scope: next.scope ?? current.scope,
        };
      } catch (err) {
        throw testing ? testingModeExpiry(err, current) : err;
      }
    },
  };
}

/** invalid_grant on a testing project's grant at least 7 days old: the project's mode, not the user, ended it. */
function testingModeExpiry(err: unknown, current: OAuthTokens): unknown {
  if (!(err instanceof ConnectorError) || err.details.platformCode !== 'invalid_grant') return err;
  const issued = current.issuedAt ? Date.parse(current.issuedAt) : NaN;
  if (Number.isNaN(issued) || Date.now() - issued < TESTING_REFRESH_TTL_SECONDS * 1000) return err;
  return new ConnectorError(
    'auth',
    'POST /token refused the refresh token: the Google Cloud project is in testing mode, where refresh tokens ' +
      'stop working 7 days after consent; publish the app (In production) and connect the account again',
    { ...err.details, health: 'refresh_expired' },
  );
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
  const call = { method: 'POST', path: '/token', route: '/token' } as const;
  let t;
  try {
    t = parseAnswer(googleTokenSchema, await connectorRequest(http, { ...call, form }), call);
  } catch (err) {
    // Nothing rotates on Google's side, so a token call whose answer was lost is safe to make again.
    if (err instanceof ConnectorError && err.kind === 'outcome_unknown')
      throw new ConnectorError('transient', `POST /token for the ${what} got no usable answer`, err.details);
    throw err;
  }
  const now = Date.now();
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAt: t.expires_in !== undefined ? new Date(now + t.expires_in * 1000).toISOString() : undefined,
    refreshExpiresAt:
      t.refresh_token_expires_in !== undefined
        ? new Date(now + t.refresh_token_expires_in * 1000).toISOString()
        : undefined,
    issuedAt: new Date(now).toISOString(),
    scope: t.scope,
  };
}
