import { ConnectorError } from '../connector.errors';
import type {
  ApiVersionPin,
  OAuthClientSettings,
  OAuthTokens,
  PlatformOAuth,
  PlatformSettings,
} from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { bindOrganization, rebind } from './linkedin-author';
import { linkedinApiHttp, linkedinOAuthEndpoints } from './linkedin-http.config';
import { postingOrganizations } from './linkedin-identity';
import { linkedinAuthorKind, linkedinScopes } from './linkedin-settings';
import { tokenSchema } from './linkedin-wire';

/**
 * LinkedIn's 3-legged OAuth for web apps (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow):
 * the dialog at /oauth/v2/authorization, the code exchanged with the client secret at /oauth/v2/accessToken.
 *
 * No PKCE: LinkedIn offers PKCE only in its native-app flow (Authorization Code Flow, Native PKCE) for approved
 * native clients; a web app's dialog documents no code_challenge. Raize's server is a confidential client, so the
 * exchange is bound by the client secret and the one-time `state` (checked by the connect flow), and the verifier
 * Raize generated is not sent.
 *
 * Refresh: programmatic refresh tokens exist for approved partners only (…/shared/authentication/programmatic-refresh-tokens),
 * live 365 days from the first consent and are not extended by refreshing; the answer's refresh_token_expires_in
 * counts down. An app without them gets no refresh token: re-consent before the 60-day access token ends.
 */
export function linkedinOAuth(settings: PlatformSettings, version: ApiVersionPin): PlatformOAuth {
  const client = settings.oauth;
  if (!client) throw new Error('the linkedin platform has no OAuth client configured');
  const { authorizeUrl, http } = linkedinOAuthEndpoints(settings);
  const kind = linkedinAuthorKind(settings);
  return {
    authorizeUrl({ state }) {
      const u = new URL(authorizeUrl);
      u.search = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        state,
        // Space-separated, as the authorization-code page shows (URL-encoded as %20 or +).
        scope: linkedinScopes(kind).join(' '),
      }).toString();
      return u.toString();
    },
    async exchangeCode({ code }) {
      const tokens = await tokenCall(
        http,
        client,
        { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri },
        'authorization code',
      );
      if (kind === 'person') return tokens;
      return bindPage(tokens, linkedinApiHttp(settings, version));
    },
    async refresh(current) {
      if (!current.refreshToken)
        throw new ConnectorError(
          'auth',
          'LinkedIn cannot refresh this connection: the app has no programmatic refresh tokens, so the member must ' +
            'consent again before the access token expires',
          { health: 'reconsent_due' },
        );
      if (current.refreshExpiresAt && Date.parse(current.refreshExpiresAt) <= Date.now())
        throw new ConnectorError(
          'auth',
          'LinkedIn refresh tokens live 365 days from the first consent and this one has ended: the member must consent again',
          { health: 'refresh_expired' },
        );
      const next = await tokenCall(
        http,
        client,
        { grant_type: 'refresh_token', refresh_token: current.refreshToken },
        'refresh token',
      );
      return {
        ...next,
        accessToken: rebind(current.accessToken, next.accessToken),
        // LinkedIn answers the same refresh token (or none): the one we hold stays valid until its own end.
        refreshToken: next.refreshToken ?? current.refreshToken,
        refreshExpiresAt: next.refreshExpiresAt ?? current.refreshExpiresAt,
        scope: next.scope ?? current.scope,
      };
    },
  };
}

/**
 * A Page connection posts as the one Page the consenting member may post as (an approved ADMINISTRATOR or
 * CONTENT_ADMINISTRATOR role). With none there is nothing to connect; with several the connector cannot know which
 * one the operator meant, and it says so instead of guessing.
 */
async function bindPage(tokens: OAuthTokens, api: ConnectorHttpConfig): Promise<OAuthTokens> {
  const granted = (tokens.scope ?? '').split(/[\s,]+/);
  if (tokens.scope !== undefined && !granted.includes('w_organization_social'))
    throw new ConnectorError(
      'permanent',
      'the consent did not grant w_organization_social: the Page cannot be posted as',
      {
        health: 'missing_permissions',
      },
    );
  const pages = await postingOrganizations(api, tokens.accessToken);
  if (pages.length === 0)
    throw new ConnectorError(
      'permanent',
      'GET /rest/organizationAcls: the member holds no ADMINISTRATOR or CONTENT_ADMINISTRATOR role on a Page',
      { health: 'missing_permissions' },
    );
  if (pages.length > 1)
    throw new ConnectorError(
      'permanent',
      `GET /rest/organizationAcls: the member may post as ${pages.length} Pages; connect with a member who administers ` +
        'only the Page to publish as (choosing among several needs a Page picker in the connect flow)',
      { platformCode: 'SEVERAL_PAGES' },
    );
  return { ...tokens, accessToken: bindOrganization(tokens.accessToken, pages[0]!) };
}

async function tokenCall(
  http: ConnectorHttpConfig,
  client: OAuthClientSettings,
  grant: Record<string, string>,
  what: string,
): Promise<OAuthTokens> {
  // LinkedIn takes the client credentials in the form body (authorization-code page, step 3).
  const form: Record<string, string> = {
    ...grant,
    client_id: client.clientId,
    ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
  };
  const call = { method: 'POST', path: '/oauth/v2/accessToken', route: '/oauth/v2/accessToken' } as const;
  let t;
  try {
    t = parseAnswer(tokenSchema, await connectorRequest(http, { ...call, form }), call);
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'auth') {
      // A refused code says nothing about a connection's health (there is none yet); a refused refresh token does.
      const { health, ...rest } = err.details;
      throw new ConnectorError(
        'auth',
        `POST /oauth/v2/accessToken refused the ${what}`,
        grant.grant_type === 'refresh_token' ? { ...rest, health } : rest,
      );
    }
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
