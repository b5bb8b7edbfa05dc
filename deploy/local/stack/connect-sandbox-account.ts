import { submitAuthorizeForm } from '../../../services/sandbox/sandbox-oauth.flow';
import type { GraphqlClient, OperatorSession } from './graphql-client';

export interface ConnectedAccount {
  accountId: string;
  handle: string;
}

/**
 * Connects a sandbox account exactly as an operator's browser would: GraphQL startPlatformConnect (which sets
 * the binding cookie for the callback) → the platform's authorize page → its login form → the redirect back
 * to the API's callback with that cookie and the session, which exchanges the code (PKCE) and asks for a
 * confirmation → confirmPlatformConnect from the same session binds the account (C-12). Nothing is
 * shortcut through the sandbox admin API.
 */
export async function connectSandboxAccount(o: {
  gql: GraphqlClient;
  sandboxUrl: string;
  actorId: OperatorSession;
  clientId: string;
  username: string;
  password: string;
}): Promise<ConnectedAccount> {
  const { data: started, setCookies } = await o.gql.requestWithCookies<{
    startPlatformConnect: { authorizeUrl: string; attemptId: string };
  }>(o.actorId, 'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { authorizeUrl attemptId } }', {
    i: { clientId: o.clientId, platform: 'sandbox' },
  });
  // What the browser would send to the callback: the binding cookie (scoped to the callback) and the session.
  const binding = setCookies.filter((c) => /;\s*path=\/oauth\//i.test(c)).map((c) => c.split(';')[0]);
  const callbackCookie = [...binding, o.actorId.cookie].join('; ');
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
  const callback = await fetch(location, { redirect: 'manual', headers: { cookie: callbackCookie } });
  const html = await callback.text();
  const handle = /data-testid="handle">([^<]+)</.exec(html)?.[1];
  if (callback.status !== 200 || !handle) {
    const said = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300);
    throw new Error(`the API's OAuth callback answered HTTP ${callback.status}: ${said}`);
  }
  // The operator checks the handle the platform reported, then confirms from the session that started it.
  const confirmed = await o.gql.request<{ confirmPlatformConnect: { id: string; handle: string } }>(
    o.actorId,
    'mutation($i: ConnectAttemptInput!) { confirmPlatformConnect(input: $i) { id handle } }',
    { i: { attemptId: started.startPlatformConnect.attemptId } },
  );
  if (confirmed.confirmPlatformConnect.handle !== handle)
    throw new Error(`the callback showed ${handle} but ${confirmed.confirmPlatformConnect.handle} was connected`);
  return { accountId: confirmed.confirmPlatformConnect.id, handle };
}
