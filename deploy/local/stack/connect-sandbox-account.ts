import { submitAuthorizeForm } from '../../../services/sandbox/sandbox-oauth.flow';
import type { GraphqlClient, OperatorSession } from './graphql-client';

export interface ConnectedAccount {
  accountId: string;
  handle: string;
}

/**
 * Connects a sandbox account exactly as an operator's browser would: GraphQL startPlatformConnect → the
 * platform's authorize page → its login form → the redirect back to the API's callback, which exchanges
 * the code (PKCE) and stores the tokens. Nothing is shortcut through the sandbox admin API.
 */
export async function connectSandboxAccount(o: {
  gql: GraphqlClient;
  sandboxUrl: string;
  actorId: OperatorSession;
  clientId: string;
  username: string;
  password: string;
}): Promise<ConnectedAccount> {
  const started = await o.gql.request<{ startPlatformConnect: { authorizeUrl: string } }>(
    o.actorId,
    'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { authorizeUrl state } }',
    { i: { clientId: o.clientId, platform: 'sandbox' } },
  );
  const authorize = new URL(started.startPlatformConnect.authorizeUrl);
  const page = await fetch(authorize);
  await page.arrayBuffer();
  if (page.status !== 200)
    throw new Error(
      `the sandbox's authorize page answered HTTP ${page.status} (${authorize.origin}${authorize.pathname})`,
    );
  const p = authorize.searchParams;
  const need = (k: string) => {
    const v = p.get(k);
    if (!v) throw new Error(`the authorize URL has no ${k}: ${authorize.origin}${authorize.pathname}`);
    return v;
  };
  const login = await submitAuthorizeForm({
    baseUrl: o.sandboxUrl,
    clientId: need('client_id'),
    redirectUri: need('redirect_uri'),
    username: o.username,
    password: o.password,
    codeChallenge: need('code_challenge'),
    codeChallengeMethod: need('code_challenge_method'),
    state: need('state'),
    scope: p.get('scope') ?? undefined,
  });
  const location = login.headers.get('location');
  const loginBody = await login.text();
  if (login.status !== 302 || !location)
    throw new Error(
      `logging in at the sandbox failed: HTTP ${login.status} ${loginBody
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 200)}`,
    );
  const callback = await fetch(location, { redirect: 'manual' });
  const html = await callback.text();
  const accountId = /data-testid="account-id">([^<]+)</.exec(html)?.[1];
  const handle = /data-testid="handle">([^<]+)</.exec(html)?.[1];
  if (callback.status !== 200 || !accountId) {
    const said = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300);
    throw new Error(`the API's OAuth callback answered HTTP ${callback.status}: ${said}`);
  }
  return { accountId, handle: handle ?? '(unknown handle)' };
}
