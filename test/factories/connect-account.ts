import { randomUUID } from 'node:crypto';
import { submitAuthorizeForm } from '../../services/sandbox/sandbox-oauth.flow';
import type { TestStack } from '../harness/stack';

export interface ConnectedAccount {
  accountId: string;
  sandboxUserId: string;
  username: string;
  handle: string;
}

/**
 * Connects a sandbox account exactly as an operator would: GraphQL start → the platform's login form →
 * redirect to the API callback.
 */
export async function connectSandboxAccount(
  stack: TestStack,
  actorId: string,
  clientId: string,
): Promise<ConnectedAccount> {
  const username = `brand_${randomUUID().slice(0, 8)}`;
  const user = await stack.sandboxAdmin.createUser({
    username,
    password: 'correct horse battery',
    displayName: 'Brand',
  });
  const started = await stack.gql<{ startPlatformConnect: { authorizeUrl: string; state: string } }>(
    actorId,
    'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { authorizeUrl state } }',
    { i: { clientId, platform: 'sandbox' } },
  );
  if (!started.data) throw new Error(`startPlatformConnect failed: ${JSON.stringify(started.errors)}`);
  const authorize = new URL(started.data.startPlatformConnect.authorizeUrl);
  const p = authorize.searchParams;
  const page = await fetch(authorize);
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}`);
  const res = await submitAuthorizeForm({
    baseUrl: stack.sandbox.url,
    clientId: p.get('client_id')!,
    redirectUri: p.get('redirect_uri')!,
    username,
    password: 'correct horse battery',
    codeChallenge: p.get('code_challenge')!,
    codeChallengeMethod: p.get('code_challenge_method')!,
    state: p.get('state')!,
    scope: p.get('scope') ?? undefined,
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`login at the sandbox failed: ${res.status}`);
  const callback = await fetch(location);
  const html = await callback.text();
  const id = /data-testid="account-id">([^<]+)</.exec(html)?.[1];
  if (callback.status !== 200 || !id) throw new Error(`callback failed (${callback.status}): ${html.slice(0, 300)}`);
  return { accountId: id, sandboxUserId: user.id, username, handle: user.handle };
}
