import { ConnectorError } from '../connector.errors';
import type { OAuthClientSettings, OAuthTokens, PlatformOAuth, PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import type { InstagramHosts } from './instagram-graph';
import { instagramHosts, instagramHttp } from './instagram-graph';
import { igLongTokenSchema, igShortTokenSchema, scopeList } from './instagram-wire';

/**
 * The fewest that publish, read back and reconcile (the profile and its media, content publishing) and read what
 * the audience writes: the comments and mentions webhooks and the mention reads need manage_comments. The analytics
 * episode's account and media insights need manage_insights
 * (https://developers.facebook.com/documentation/instagram-platform/insights, Instagram API with Instagram Login:
 * instagram_business_basic and instagram_business_manage_insights); followers need only basic.
 */
export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
];

/**
 * Business Login for Instagram: the consent dialog, the code exchange for a short-lived token (1 hour) on
 * api.instagram.com, then its exchange for a long-lived one (60 days), which refreshes itself with
 * `ig_refresh_token` once at least 24 hours old. There is no refresh token.
 */
export function instagramOAuth(settings: PlatformSettings): PlatformOAuth {
  const client = settings.oauth;
  if (!client?.clientSecret) throw new Error('the Instagram platform needs an OAuth client id and secret');
  const secret = client.clientSecret;
  const hosts = instagramHosts(settings);
  const http = instagramHttp(settings);
  return {
    // Instagram Login documents no PKCE, so no challenge is sent: the code is redeemable only with the app secret
    // and the registered redirect URI. `state` still binds the callback to the session that started the flow.
    authorizeUrl({ state }) {
      const u = new URL(`${hosts.dialog}/oauth/authorize`);
      u.search = new URLSearchParams({
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        response_type: 'code',
        scope: INSTAGRAM_SCOPES.join(','),
        state,
      }).toString();
      return u.toString();
    },
    async exchangeCode({ code }) {
      const short = await refusedAsAuth('authorization code', () => exchangeForShort(http, hosts, client, code));
      const long = await refusedAsAuth('short-lived token', () => exchangeForLong(http, hosts, secret, short.token));
      return { ...long, scope: long.scope ?? short.scope };
    },
    async refresh(current) {
      // A refused refresh keeps the health the error mapping found: expired (463) or revoked.
      const next = await refreshLongLived(http, hosts, current.accessToken);
      return { ...next, refreshToken: current.refreshToken, scope: next.scope ?? current.scope };
    },
  };
}

async function exchangeForShort(
  http: ConnectorHttpConfig,
  hosts: InstagramHosts,
  client: OAuthClientSettings,
  code: string,
): Promise<{ token: string; scope?: string }> {
  const call = { method: 'POST', route: '/oauth/access_token' } as const;
  const answer = await connectorRequest(http, {
    ...call,
    path: '',
    url: `${hosts.token}/oauth/access_token`,
    form: {
      client_id: client.clientId,
      client_secret: client.clientSecret ?? '',
      grant_type: 'authorization_code',
      redirect_uri: client.redirectUri,
      code,
    },
  });
  const t = parseAnswer(igShortTokenSchema, answer, call);
  return { token: t.access_token, scope: scopeList(t.permissions) };
}

/** The token goes in the query because that is the documented shape; connectorRequest never logs a path. */
async function exchangeForLong(
  http: ConnectorHttpConfig,
  hosts: InstagramHosts,
  secret: string,
  shortToken: string,
): Promise<OAuthTokens> {
  const query = new URLSearchParams({
    grant_type: 'ig_exchange_token',
    client_secret: secret,
    access_token: shortToken,
  });
  return longLivedCall(http, { url: `${hosts.graph}/access_token?${query}`, route: '/access_token' });
}

function refreshLongLived(http: ConnectorHttpConfig, hosts: InstagramHosts, token: string): Promise<OAuthTokens> {
  const query = new URLSearchParams({ grant_type: 'ig_refresh_token', access_token: token });
  return longLivedCall(http, { url: `${hosts.graph}/refresh_access_token?${query}`, route: '/refresh_access_token' });
}

async function longLivedCall(http: ConnectorHttpConfig, c: { url: string; route: string }): Promise<OAuthTokens> {
  const call = { method: 'GET', route: c.route } as const;
  const issuedAt = Date.now();
  const t = parseAnswer(igLongTokenSchema, await connectorRequest(http, { ...call, path: '', url: c.url }), call);
  return {
    accessToken: t.access_token,
    expiresAt: new Date(issuedAt + t.expires_in * 1000).toISOString(),
    issuedAt: new Date(issuedAt).toISOString(),
    scope: scopeList(t.permissions),
  };
}

/** A refused code or short-lived token means connecting again; retrying the same one will not help. */
async function refusedAsAuth<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof ConnectorError && (err.kind === 'permanent' || err.kind === 'auth'))
      throw new ConnectorError('auth', `the platform refused the ${what} (${err.details.status ?? 'no status'})`, {
        ...err.details,
        health: err.details.health ?? 'token_revoked',
      });
    throw err;
  }
}
