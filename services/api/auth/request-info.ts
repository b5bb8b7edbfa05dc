export interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
  method?: string;
  cookies?: Record<string, string>;
}

export function header(req: HttpRequestLike, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function clientIp(req: HttpRequestLike): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

export function userAgent(req: HttpRequestLike): string | null {
  return header(req, 'user-agent')?.slice(0, 300) ?? null;
}

/**
 * `__Host-` cookies (C-15): a browser keeps them only when Secure, Path=/ and without Domain, so neither a sibling
 * subdomain nor a plain-http page on the network can set or shadow the session or the CSRF token.
 */
export const SESSION_COOKIE = '__Host-raize_session';
export const CSRF_COOKIE = '__Host-raize_csrf';
/** What a `__Host-` cookie must carry, when it is set and when it is cleared (a clear without Secure is ignored). */
export const HOST_COOKIE_ATTRIBUTES = { secure: true, path: '/', sameSite: 'strict' } as const;
export const CSRF_HEADER = 'x-csrf-token';
