import { z } from 'zod';
import { ConnectorError } from '../connector.errors';

const tokenSchema = z.object({ access_token: z.string().min(1), refresh_token: z.string().optional(), expires_in: z.number().optional(), token_type: z.string() });

export interface SandboxOAuthClient {
  baseUrl: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

export function sandboxAuthorizeUrl(c: SandboxOAuthClient, state: string, challenge: string, publicBaseUrl = c.baseUrl): string {
  const u = new URL('/oauth/authorize', publicBaseUrl);
  u.search = new URLSearchParams({
    response_type: 'code', client_id: c.clientId, redirect_uri: c.redirectUri, state, code_challenge: challenge, code_challenge_method: 'S256', scope: 'profile posts',
  }).toString();
  return u.toString();
}

/** Exchanges an authorization code with its PKCE verifier; the tokens go straight to the secrets backend. */
export async function sandboxExchangeCode(c: SandboxOAuthClient, code: string, verifier: string): Promise<{ accessToken: string; refreshToken?: string; expiresAt?: string }> {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: c.redirectUri, client_id: c.clientId, code_verifier: verifier });
  if (c.clientSecret) body.set('client_secret', c.clientSecret);
  const res = await fetch(`${c.baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body, signal: AbortSignal.timeout(15000) });
  if (!res.ok) throw new ConnectorError(res.status >= 500 ? 'transient' : 'auth', `the platform refused the authorization code (${res.status})`, { status: res.status });
  const t = tokenSchema.parse(await res.json());
  return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: t.expires_in ? new Date(Date.now() + t.expires_in * 1000).toISOString() : undefined };
}
