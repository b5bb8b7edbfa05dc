interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

/** A signed-in operator, as a browser holds it: the session cookie and the CSRF token. */
export interface OperatorSession {
  email: string;
  cookie: string;
  csrf: string;
}

/** The operator's side of the API: POST /graphql as a signed-in operator (session cookie + CSRF token). */
export class GraphqlClient {
  constructor(readonly url: string) {}

  /** Signs in with email and password, as the admin app does. */
  async signIn(email: string, password: string): Promise<OperatorSession> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: SignInInput!) { signIn(input: $i) { needsSecondFactor csrfToken } }',
        variables: { i: { email, password } },
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as {
      data?: { signIn: { csrfToken: string; needsSecondFactor: boolean } };
      errors?: GraphqlError[];
    };
    if (!body.data)
      throw new Error(`sign-in as ${email} failed: ${(body.errors ?? []).map((e) => e.message).join('; ')}`);
    if (body.data.signIn.needsSecondFactor)
      throw new Error(`${email} has a second factor enrolled; the demo cannot sign in as that operator`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { email, cookie, csrf: body.data.signIn.csrfToken };
  }

  /** The data, or an error naming the operation and every GraphQL error (code: message). */
  async request<T>(who: OperatorSession | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    return (await this.requestWithCookies<T>(who, query, variables)).data;
  }

  /** request(), plus the Set-Cookie headers of the answer (startPlatformConnect sets the callback's cookie). */
  async requestWithCookies<T>(
    who: OperatorSession | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; setCookies: string[] }> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: { data?: T | null; errors?: GraphqlError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`GraphQL answered HTTP ${res.status} without JSON: ${text.slice(0, 200)}`);
    }
    const operation = /\{\s*(\w+)/.exec(query)?.[1] ?? 'request';
    if (body.errors?.length || !body.data) {
      const errors = (body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
      throw new Error(`${operation} failed: ${errors || `HTTP ${res.status} with no data`}`);
    }
    return { data: body.data, setCookies: res.headers.getSetCookie() };
  }
}
