import { randomUUID } from 'node:crypto';
import { submitAuthorizeForm } from '../../services/sandbox/sandbox-oauth.flow';
import type { TestStack } from '../harness/stack';
import type { BrowserSession } from './operator-session';

export interface ConnectedAccount {
  accountId: string;
  sandboxUserId: string;
  username: string;
  handle: string;
}

/** Who calls the API: a development actor id (`Authorization: Dev …`) or a signed-in browser session. */
export type ConnectCaller = string | BrowserSession;

export interface StartedConnect {
  attemptId: string;
  state: string;
  authorizeUrl: URL;
  /** the Cookie header a browser would send to the callback (the binding cookie set by startPlatformConnect) */
  callbackCookie: string;
}

export const SANDBOX_PASSWORD = 'correct horse battery';

function callerHeaders(caller: ConnectCaller): Record<string, string> {
  return typeof caller === 'string'
    ? { authorization: `Dev ${caller}` }
    : { cookie: caller.cookie, 'x-csrf-token': caller.csrf };
}

/** One GraphQL call with the caller's credentials; the raw response too, for its Set-Cookie headers. */
export async function connectGql<T>(
  stack: TestStack,
  caller: ConnectCaller,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }; res: Response }> {
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders(caller) },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await res.json()) as never, res };
}

/** GraphQL startPlatformConnect, keeping the binding cookie the browser would store. */
export async function startConnect(
  stack: TestStack,
  caller: ConnectCaller,
  clientId: string,
  platform = 'sandbox',
): Promise<StartedConnect> {
  const { body, res } = await connectGql<{
    startPlatformConnect: { authorizeUrl: string; state: string; attemptId: string };
  }>(
    stack,
    caller,
    'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { authorizeUrl state attemptId } }',
    { i: { clientId, platform } },
  );
  if (!body.data) throw new Error(`startPlatformConnect failed: ${JSON.stringify(body.errors)}`);
  const callbackCookie = res.headers
    .getSetCookie()
    .filter((c) => /path=\/oauth\//i.test(c))
    .map((c) => c.split(';')[0])
    .join('; ');
  const s = body.data.startPlatformConnect;
  return { attemptId: s.attemptId, state: s.state, authorizeUrl: new URL(s.authorizeUrl), callbackCookie };
}

/** A sandbox brand user, signed in at the sandbox's authorize form: answers the redirect back to the API. */
export async function authorizeAtSandbox(stack: TestStack, authorize: URL, username: string): Promise<string> {
  const page = await fetch(authorize);
  await page.arrayBuffer();
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}`);
  const p = authorize.searchParams;
  const res = await submitAuthorizeForm({
    baseUrl: stack.sandbox.url,
    clientId: p.get('client_id')!,
    redirectUri: p.get('redirect_uri')!,
    username,
    password: SANDBOX_PASSWORD,
    codeChallenge: p.get('code_challenge')!,
    codeChallengeMethod: p.get('code_challenge_method')!,
    state: p.get('state')!,
    scope: p.get('scope') ?? undefined,
  });
  const location = res.headers.get('location');
  await res.arrayBuffer();
  if (res.status !== 302 || !location) throw new Error(`login at the sandbox failed: ${res.status}`);
  return location;
}

/** The browser following the platform's redirect to the API's callback, with the cookies it holds. */
export async function openCallback(location: string, cookie: string): Promise<{ status: number; html: string }> {
  const res = await fetch(location, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}

export async function createSandboxBrand(stack: TestStack): Promise<{ id: string; username: string; handle: string }> {
  const username = `brand_${randomUUID().slice(0, 8)}`;
  const user = await stack.sandboxAdmin.createUser({ username, password: SANDBOX_PASSWORD, displayName: 'Brand' });
  return { id: user.id, username, handle: user.handle };
}

export const CONFIRM_CONNECT =
  'mutation($i: ConnectAttemptInput!) { confirmPlatformConnect(input: $i) { id handle clientId externalAccountId } }';

/**
 * Connects a sandbox account exactly as an operator would: GraphQL start (binding cookie) → the platform's
 * login form → redirect to the API callback in the same browser → the operator confirms the handle.
 */
export async function connectSandboxAccount(
  stack: TestStack,
  caller: ConnectCaller,
  clientId: string,
  brand?: { id: string; username: string; handle: string },
): Promise<ConnectedAccount> {
  const user = brand ?? (await createSandboxBrand(stack));
  const started = await startConnect(stack, caller, clientId);
  const location = await authorizeAtSandbox(stack, started.authorizeUrl, user.username);
  const callback = await openCallback(location, started.callbackCookie);
  if (callback.status !== 200) throw new Error(`callback failed (${callback.status}): ${callback.html.slice(0, 300)}`);
  const { body } = await connectGql<{ confirmPlatformConnect: { id: string; handle: string } }>(
    stack,
    caller,
    CONFIRM_CONNECT,
    { i: { attemptId: started.attemptId } },
  );
  if (!body.data) throw new Error(`confirmPlatformConnect failed: ${JSON.stringify(body.errors)}`);
  return {
    accountId: body.data.confirmPlatformConnect.id,
    sandboxUserId: user.id,
    username: user.username,
    handle: user.handle,
  };
}
