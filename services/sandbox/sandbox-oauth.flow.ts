// Drives the sandbox OAuth authorization-code + PKCE flow over HTTP, as a browser + client app would.
// Used by tests (here and in other packages) that need real tokens obtained the real way.
import { createHash, randomBytes } from 'node:crypto';
import type { TokenResponse } from './sandbox.types';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url'); // 43 chars
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}

export interface AuthorizeInput {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  codeChallenge: string;
  codeChallengeMethod?: string;
  state?: string;
  scope?: string;
}

/** Submits the login form of POST /oauth/authorize and returns the raw response (302 on success). */
export async function submitAuthorizeForm(input: AuthorizeInput): Promise<Response> {
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    code_challenge: input.codeChallenge,
    code_challenge_method: input.codeChallengeMethod ?? 'S256',
    username: input.username,
    password: input.password,
  });
  if (input.state !== undefined) form.set('state', input.state);
  if (input.scope !== undefined) form.set('scope', input.scope);
  return fetch(`${input.baseUrl}/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
}

/** Logs in through the authorize form and returns the code and state from the redirect. */
export async function authorizeForCode(input: AuthorizeInput): Promise<{ code: string; state: string | null }> {
  const res = await submitAuthorizeForm(input);
  const location = res.headers.get('location');
  await res.arrayBuffer();
  if (res.status !== 302 || !location) throw new Error(`authorize failed: HTTP ${res.status}`);
  const url = new URL(location);
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`authorize redirected without a code: ${location}`);
  return { code, state: url.searchParams.get('state') };
}

export interface TokenExchangeInput {
  baseUrl: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  code: string;
  codeVerifier: string;
}

/** POST /oauth/token (authorization_code) and return the raw response. */
export function exchangeCode(input: TokenExchangeInput): Promise<Response> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
    client_id: input.clientId,
    code_verifier: input.codeVerifier,
  });
  if (input.clientSecret !== undefined) form.set('client_secret', input.clientSecret);
  return fetch(`${input.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** The whole flow: PKCE pair → login form → code → tokens. Throws on any failure. */
export async function obtainTokensViaOAuth(
  input: Omit<AuthorizeInput, 'codeChallenge' | 'codeChallengeMethod'> & { clientSecret?: string },
): Promise<TokenResponse> {
  const pkce = createPkcePair();
  const { code } = await authorizeForCode({ ...input, codeChallenge: pkce.challenge });
  const res = await exchangeCode({ ...input, code, codeVerifier: pkce.verifier });
  const body = (await res.json()) as TokenResponse | { error: string };
  if (!res.ok || !('access_token' in body))
    throw new Error(`token exchange failed: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}
