import type { TypedDocumentString } from '../gql/graphql';

/** A GraphQL error as the API words it: `code` is extensions.code (NOT_FOUND, FORBIDDEN, …). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The API's CSRF_COOKIE (services/api/auth/request-info.ts): a `__Host-` cookie, Secure, Path=/, no Domain.
const CSRF_COOKIE = '__Host-raize_csrf';
let csrfFromSignIn: string | null = null;

/** The CSRF token of this session: the readable cookie, or the value signIn answered (C-07). */
export function csrfToken(): string | null {
  const fromCookie = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return fromCookie ? decodeURIComponent(fromCookie.slice(CSRF_COOKIE.length + 1)) : csrfFromSignIn;
}

export function rememberCsrfToken(token: string | null): void {
  csrfFromSignIn = token;
}

let onUnauthenticated: (() => void) | null = null;

/** Called when any request finds the session gone (expired, revoked, signed out elsewhere). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

/** The body of a GraphQL answer over HTTP: the API's own, so its shape is trusted rather than parsed. */
interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Sends one operation to /graphql with the session cookie. Every request carries the CSRF header (the API
 * needs it on mutations) and a JSON content type (Apollo refuses "simple" requests, another CSRF defence).
 */
export async function request<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify({ query: doc.toString(), variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'the API did not answer');
  }
  let body: GraphQLResponse<R>;
  try {
    body = (await res.json()) as GraphQLResponse<R>;
  } catch {
    throw new ApiError(
      res.status === 429 ? 'RATE_LIMITED' : 'HTTP_' + res.status,
      `the API answered HTTP ${res.status}`,
    );
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (
      code === 'UNAUTHENTICATED' &&
      onUnauthenticated &&
      !doc.toString().includes('signIn(') &&
      !doc.toString().includes('completeSecondFactor(')
    )
      onUnauthenticated();
    throw new ApiError(code, first.message);
  }
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR', 'the API answered without data');
  return body.data;
}
