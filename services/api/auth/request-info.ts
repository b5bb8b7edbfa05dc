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

export const SESSION_COOKIE = 'raize_session';
export const CSRF_COOKIE = 'raize_csrf';
export const CSRF_HEADER = 'x-csrf-token';
