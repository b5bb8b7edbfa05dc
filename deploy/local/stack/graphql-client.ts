interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

/** How often a read is tried when the API is briefly away, and the error codes that mean "briefly away". */
const READ_ATTEMPTS = 8;
const TRANSIENT_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'UNAVAILABLE']);

class TransientError extends Error {}

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
    // A read is repeated through a moment without an API (a replica dying, Postgres restarting: docs/cluster.md);
    // a mutation never is, since only its caller knows whether running it twice is harmless.
    const isRead = !/^\s*mutation\b/.test(query);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(who, query, variables);
      } catch (err) {
        if (!isRead || attempt >= READ_ATTEMPTS || !(err instanceof TransientError)) throw err;
        await new Promise((r) => setTimeout(r, Math.min(1000 * attempt, 5000)));
      }
    }
  }

  private async once<T>(
    who: OperatorSession | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; setCookies: string[] }> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    }).catch((err: Error) => {
      throw new TransientError(`GraphQL could not be reached: ${err.message}`);
    });
    const text = await res.text();
    if (res.status === 502 || res.status === 503) throw new TransientError(`GraphQL answered HTTP ${res.status}`);
    let body: { data?: T | null; errors?: GraphqlError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`GraphQL answered HTTP ${res.status} without JSON: ${text.slice(0, 200)}`);
    }
    const operation = /\{\s*(\w+)/.exec(query)?.[1] ?? 'request';
    if (body.errors?.length || !body.data) {
      const errors = (body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
      if (body.errors?.some((e) => TRANSIENT_CODES.has(e.extensions?.code ?? '')))
        throw new TransientError(`${operation} failed: ${errors}`);
      throw new Error(`${operation} failed: ${errors || `HTTP ${res.status} with no data`}`);
    }
    return { data: body.data, setCookies: res.headers.getSetCookie() };
  }
}
