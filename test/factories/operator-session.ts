import { CSRF_COOKIE } from '../../services/api/auth/request-info';
import type { TestStack } from '../harness/stack';

export interface BrowserSession {
  cookie: string;
  csrf: string;
  setCookies: string[];
}

/** Signs in over HTTP as a browser would and keeps the cookies. */
export async function signIn(
  stack: TestStack,
  email: string,
  password: string,
  totpCode?: string,
): Promise<{ session: BrowserSession; body: Record<string, unknown> }> {
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignInInput!) { signIn(input: $i) { needsSecondFactor csrfToken me { id email } } }',
      variables: { i: { email, password, totpCode } },
    }),
  });
  const body = (await res.json()) as Record<string, unknown>;
  const setCookies = res.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  const csrf = new RegExp(`${CSRF_COOKIE}=([^;]+)`).exec(cookie)?.[1] ?? '';
  return { session: { cookie, csrf, setCookies }, body };
}

export async function gqlAs(
  stack: TestStack,
  s: BrowserSession | null,
  query: string,
  variables?: Record<string, unknown>,
  opts: { csrf?: boolean; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(s ? { cookie: s.cookie } : {}),
      ...(s && opts.csrf !== false ? { 'x-csrf-token': s.csrf } : {}),
      ...opts.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}
