import { ConnectorError } from '../connector.errors';
import type { OAuthClientSettings, OAuthTokens, PlatformOAuth, PlatformSettings } from '../connector.types';
import { parseAnswer } from '../http/connector-http';
import type { GraphClient } from './facebook-graph';
import { FACEBOOK_DEFAULT_BASE_URL, FACEBOOK_DIALOG_BASE_URL, graphClient, graphRequest } from './facebook-graph';
import { FACEBOOK_REQUIRED_TASK, FACEBOOK_SCOPES, MISSING_TASK_WORDS } from './facebook-permissions';
import { graphAccountsSchema, graphMeSchema, graphPermissionsSchema, graphTokenSchema } from './facebook-wire';

/**
 * Facebook Login, manual flow (https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow)
 * with PKCE S256, which Facebook documents for manually built flows (…/advanced/oidc-token, marked "in testing"):
 * we send the challenge and the verifier, and also the app secret, so a Facebook that ignores PKCE still gets a
 * confidential client. The account Raize connects is a Page: the access token we store is the Page token, and the
 * refresh token is the long-lived user token it was derived from (…/access-tokens/get-long-lived), which refresh()
 * uses to extend itself and re-derive the Page token.
 */
export function facebookOAuth(settings: PlatformSettings, version: string): PlatformOAuth {
  const client = settings.oauth;
  if (!client?.clientSecret) throw new Error('the facebook platform needs an OAuth client with its app secret');
  const graph = graphClient(settings, version);
  const dialogBase =
    settings.publicUrl ??
    (settings.baseUrl === FACEBOOK_DEFAULT_BASE_URL ? FACEBOOK_DIALOG_BASE_URL : settings.baseUrl);
  const flow = new PageGrantFlow(graph, {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUri: client.redirectUri,
  });
  return {
    authorizeUrl({ state, codeChallenge }) {
      const u = new URL(`/${version}/dialog/oauth`, dialogBase);
      u.search = new URLSearchParams({
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        state,
        response_type: 'code',
        scope: FACEBOOK_SCOPES.join(','),
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return u.toString();
    },
    async exchangeCode({ code, codeVerifier }) {
      const short = await flow.token(
        { code, redirect_uri: client.redirectUri, code_verifier: codeVerifier },
        'authorization code',
      );
      return flow.pageTokens(short.access_token, undefined);
    },
    async refresh(current) {
      if (!current.refreshToken)
        throw new ConnectorError('auth', 'the stored Facebook credential has no user token to renew the Page token', {
          health: 'refresh_expired',
        });
      const pageId = await flow.pageOf(current.accessToken);
      const renewed = await flow.pageTokens(current.refreshToken, pageId);
      return { ...renewed, refreshToken: renewed.refreshToken ?? current.refreshToken };
    },
  };
}

class PageGrantFlow {
  constructor(
    private readonly graph: GraphClient,
    private readonly client: Required<OAuthClientSettings>,
  ) {}

  /** GET /oauth/access_token: the app's credentials with a code or a token to exchange. */
  async token(grant: Record<string, string>, what: string) {
    const call = { method: 'GET', route: '/oauth/access_token' } as const;
    try {
      const a = await graphRequest(
        // The app secret goes as client_secret here; an appsecret_proof of a token we do not have yet means nothing.
        { ...this.graph, appSecret: undefined },
        {
          ...call,
          path: '/oauth/access_token',
          query: { client_id: this.client.clientId, client_secret: this.client.clientSecret, ...grant },
          token: '',
        },
      );
      return parseAnswer(graphTokenSchema, a, call);
    } catch (err) {
      // A used, expired or foreign code, or a dead user token: the user must connect again; retrying will not help.
      // Rate limits and Facebook's temporary errors pass through as they are: they say nothing about the grant.
      if (err instanceof ConnectorError && ['auth', 'permanent', 'not_found'].includes(err.kind)) {
        const expired = err.details.health === 'token_expired';
        throw new ConnectorError('auth', `Facebook refused the ${what}`, {
          ...err.details,
          health: what === 'user token' && expired ? 'refresh_expired' : 'token_revoked',
        });
      }
      throw err;
    }
  }

  /** The Page the stored Page token belongs to, while it still works; undefined once Facebook refuses it. */
  async pageOf(pageToken: string): Promise<string | undefined> {
    const call = { method: 'GET', route: '/me' } as const;
    try {
      const a = await graphRequest(this.graph, { ...call, path: '/me', query: { fields: 'id' }, token: pageToken });
      return parseAnswer(graphMeSchema, a, call).id;
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'auth') return undefined;
      throw err;
    }
  }

  /**
   * A user token → a long-lived user token → the one Page it grants, with its Page token (which does not expire when
   * derived from a long-lived user token). More than one Page is refused: one connection is one Page.
   */
  async pageTokens(userToken: string, pageId: string | undefined): Promise<OAuthTokens> {
    const issuedAt = new Date();
    const long = await this.token({ grant_type: 'fb_exchange_token', fb_exchange_token: userToken }, 'user token');
    const pages = await this.accounts(long.access_token);
    const page = pageId ? pages.find((p) => p.id === pageId) : pages.length === 1 ? pages[0] : undefined;
    if (!page) {
      if (pageId)
        throw new ConnectorError('auth', 'Facebook no longer grants this Page to the app; connect the Page again', {
          health: 'token_revoked',
        });
      throw new ConnectorError(
        'permanent',
        pages.length
          ? `Facebook granted ${pages.length} Pages; connect one Page per connection (choose only that Page in Facebook's dialog)`
          : "Facebook granted no Page; choose the Page to connect in Facebook's dialog",
        { health: 'missing_permissions' },
      );
    }
    if (!page.tasks.includes(FACEBOOK_REQUIRED_TASK))
      throw new ConnectorError('permanent', `Facebook says this connection lacks ${MISSING_TASK_WORDS}`, {
        health: 'missing_permissions',
      });
    const scope = await this.grantedScopes(long.access_token);
    return {
      accessToken: page.access_token,
      refreshToken: long.access_token,
      refreshExpiresAt: long.expires_in
        ? new Date(issuedAt.getTime() + long.expires_in * 1000).toISOString()
        : undefined,
      issuedAt: issuedAt.toISOString(),
      scope,
    };
  }

  private async accounts(userToken: string) {
    const call = { method: 'GET', route: '/me/accounts' } as const;
    const a = await graphRequest(this.graph, {
      ...call,
      path: '/me/accounts',
      // Enough for any one person's Pages; a grant of more than one is refused anyway.
      query: { fields: 'id,name,access_token,tasks', limit: '100' },
      token: userToken,
    });
    return parseAnswer(graphAccountsSchema, a, call).data;
  }

  private async grantedScopes(userToken: string): Promise<string> {
    const call = { method: 'GET', route: '/me/permissions' } as const;
    const a = await graphRequest(this.graph, { ...call, path: '/me/permissions', token: userToken });
    return parseAnswer(graphPermissionsSchema, a, call)
      .data.filter((p) => p.status === 'granted')
      .map((p) => p.permission)
      .join(' ');
  }
}
