import { CSRF_HEADER } from '../../services/api/auth/request-info';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import type { TestStack } from '../harness/stack';
import { userEmail } from './db-reads';
import type { BrowserSession } from './operator-session';
import { signIn } from './operator-session';

export interface GqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** An operator as production sees one: a password session (cookie + CSRF token) or an API token, never `Dev`. */
export interface RealActor {
  via: 'session' | 'api-token';
  userId: string;
  call(query: string, variables?: Record<string, unknown>): Promise<GqlAnswer>;
}

export interface SessionActor extends RealActor {
  via: 'session';
  session: BrowserSession;
  /** The same session's cookie with another CSRF token, or none at all. */
  callWithCsrf(csrf: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlAnswer>;
}

export const REAL_SESSION_PASSWORD = 'a long enough passphrase for a real session';

async function post(stack: TestStack, headers: Record<string, string>, query: string, variables?: unknown) {
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlAnswer;
}

/** Gives the operator a password and signs in with email and password over HTTP, as the browser does. */
export async function signedIn(stack: TestStack, userId: string): Promise<SessionActor> {
  await new TenantBootstrap(stack.ds).setPassword(userId, REAL_SESSION_PASSWORD);
  const { session, body } = await signIn(stack, await userEmail(stack.ds, userId), REAL_SESSION_PASSWORD);
  if (body.errors || !session.csrf) throw new Error(`sign-in failed: ${JSON.stringify(body.errors ?? body)}`);
  const callWithCsrf = (csrf: string | null, query: string, variables?: Record<string, unknown>) =>
    post(stack, { cookie: session.cookie, ...(csrf === null ? {} : { [CSRF_HEADER]: csrf }) }, query, variables);
  return {
    via: 'session',
    userId,
    session,
    callWithCsrf,
    call: (query, variables) => callWithCsrf(session.csrf, query, variables),
  };
}

/** An API token with `scopes`, created by the operator's own signed-in session. */
export async function withApiToken(stack: TestStack, owner: SessionActor, scopes: string[]): Promise<RealActor> {
  const created = await owner.call('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', {
    i: { name: `probe ${scopes.join(' ')}`, scopes, expiresInDays: 1 },
  });
  const token = (created.data?.createApiToken as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`createApiToken failed: ${JSON.stringify(created.errors)}`);
  return {
    via: 'api-token',
    userId: owner.userId,
    call: (query, variables) => post(stack, { authorization: `Bearer ${token}` }, query, variables),
  };
}
