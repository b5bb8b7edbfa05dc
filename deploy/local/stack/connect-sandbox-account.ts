import { submitAuthorizeForm } from '../../../services/sandbox/sandbox-oauth.flow';
import type { ConnectedAccount } from './finish-connect';
import { finishConnect, startConnect } from './finish-connect';
import type { GraphqlClient, OperatorSession } from './graphql-client';

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
  const { started, setCookies } = await startConnect(o.gql, o.actorId, o.clientId, 'sandbox');
  const authorize = new URL(started.authorizeUrl);
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
  return finishConnect({ gql: o.gql, actorId: o.actorId, started, setCookies, location });
}
