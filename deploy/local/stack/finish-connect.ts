import type { GraphqlClient, OperatorSession } from './graphql-client';

export interface ConnectedAccount {
  accountId: string;
  handle: string;
}

export interface StartedConnect {
  authorizeUrl: string;
  attemptId: string;
}

/** Step 1 as the admin app does it: GraphQL startPlatformConnect, which also sets the callback's binding cookie. */
export async function startConnect(
  gql: GraphqlClient,
  actor: OperatorSession,
  clientId: string,
  platform: string,
): Promise<{ started: StartedConnect; setCookies: string[] }> {
  const { data, setCookies } = await gql.requestWithCookies<{ startPlatformConnect: StartedConnect }>(
    actor,
    'mutation($i: StartConnectInput!) { startPlatformConnect(input: $i) { authorizeUrl attemptId } }',
    { i: { clientId, platform } },
  );
  return { started: data.startPlatformConnect, setCookies };
}

const text = (html: string, max: number) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

/**
 * The platform's redirect back, followed as the operator's browser would (the binding cookie scoped to the callback
 * and the session), then the operator's confirmation of the handle the platform reported, from the same session.
 */
export async function finishConnect(o: {
  gql: GraphqlClient;
  actorId: OperatorSession;
  started: StartedConnect;
  setCookies: string[];
  /** the platform's redirect (the callback URL with code and state) */
  location: string;
}): Promise<ConnectedAccount> {
  const binding = o.setCookies.filter((c) => /;\s*path=\/oauth\//i.test(c)).map((c) => c.split(';')[0]);
  const callbackCookie = [...binding, o.actorId.cookie].join('; ');
  const callback = await fetch(o.location, { redirect: 'manual', headers: { cookie: callbackCookie } });
  const html = await callback.text();
  const handle = /data-testid="handle">([^<]+)</.exec(html)?.[1];
  if (callback.status !== 200 || !handle)
    throw new Error(`the API's OAuth callback answered HTTP ${callback.status}: ${text(html, 300)}`);
  const confirmed = await o.gql.request<{ confirmPlatformConnect: { id: string; handle: string } }>(
    o.actorId,
    'mutation($i: ConnectAttemptInput!) { confirmPlatformConnect(input: $i) { id handle } }',
    { i: { attemptId: o.started.attemptId } },
  );
  if (confirmed.confirmPlatformConnect.handle !== handle)
    throw new Error(`the callback showed ${handle} but ${confirmed.confirmPlatformConnect.handle} was connected`);
  return { accountId: confirmed.confirmPlatformConnect.id, handle };
}

/**
 * Connects an account of a platform emulator as an operator would: the platform's consent dialog (the emulators'
 * ConsentDesk page), "Continue as <account>", the redirect back to the API, the confirmation.
 */
export async function connectEmulatedAccount(o: {
  gql: GraphqlClient;
  actorId: OperatorSession;
  clientId: string;
  platform: string;
  /** the emulated account to pick on the dialog; default the first it offers (each emulator seeds the brand's first) */
  accountId?: string;
}): Promise<ConnectedAccount> {
  const { started, setCookies } = await startConnect(o.gql, o.actorId, o.clientId, o.platform);
  const dialog = await fetch(started.authorizeUrl);
  const page = await dialog.text();
  if (dialog.status !== 200)
    throw new Error(`the ${o.platform} consent dialog answered HTTP ${dialog.status}: ${text(page, 200)}`);
  const accountId = o.accountId ?? /data-account="([^"]+)"/.exec(page)?.[1];
  if (!accountId || !page.includes(`data-account="${accountId}"`))
    throw new Error(`the ${o.platform} consent dialog does not offer the account ${accountId ?? '(none offered)'}`);
  const answer = await fetch(started.authorizeUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: accountId }).toString(),
  });
  await answer.arrayBuffer();
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(`the ${o.platform} consent dialog did not redirect back (HTTP ${answer.status})`);
  if (new URL(location).searchParams.get('error'))
    throw new Error(`the ${o.platform} consent dialog answered ${new URL(location).searchParams.get('error')}`);
  return finishConnect({ gql: o.gql, actorId: o.actorId, started, setCookies, location });
}
