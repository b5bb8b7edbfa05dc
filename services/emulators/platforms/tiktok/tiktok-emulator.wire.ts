import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import type { Creator, TikTokWorld } from './tiktok-emulator.world';

/**
 * TikTok's v2 answer shape (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling): every body carries
 * `error: {code, message, log_id}` with code `ok` on success, and the log id also travels in `x-tt-logid`.
 */
export function logId(): string {
  return `2026${randomBytes(12).toString('hex').toUpperCase()}`;
}

export function ok(data: unknown): EmulatorReply {
  const id = logId();
  return { status: 200, headers: { 'x-tt-logid': id }, json: { data, error: { code: 'ok', message: '', log_id: id } } };
}

export function fail(status: number, code: string, message: string): EmulatorReply {
  const id = logId();
  return { status, headers: { 'x-tt-logid': id }, json: { data: {}, error: { code, message, log_id: id } } };
}

/** The body a status fault or an unknown route answers with. */
export function errorFor(status: number, message: string): unknown {
  const code =
    status === 401
      ? 'access_token_invalid'
      : status === 429
        ? 'rate_limit_exceeded'
        : status >= 500
          ? 'internal_error'
          : 'invalid_params';
  return { data: {}, error: { code, message, log_id: logId() } };
}

/** OAuth endpoints answer `{error, error_description, log_id}` (https://developers.tiktok.com/doc/oauth-error-handling). */
export function oauthFail(status: number, error: string, description: string): EmulatorReply {
  return { status, json: { error, error_description: description, log_id: logId() } };
}

export const rateLimited = () =>
  fail(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.');

export interface Caller {
  creator: Creator;
  /** a key for per-token rate windows (the token itself is never kept) */
  tokenKey: string;
  scope: string[];
}

/** Bearer auth: the token must resolve, be alive, and carry one of `scopes` (any). */
export function authorize(
  req: EmulatorRequest,
  tokens: TokenBook,
  world: TikTokWorld,
  scopes: string[],
): Caller | EmulatorReply {
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
  const found = tokens.resolve(token);
  if (typeof found === 'string')
    return fail(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
  const creator = world.creator(found.accountId);
  if (!creator) return fail(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
  if (scopes.length && !scopes.some((s) => found.scope.includes(s)))
    return fail(
      401,
      'scope_not_authorized',
      'The user did not authorize the scope required for completing this request.',
    );
  const tokenKey = createHash('sha256')
    .update(token ?? '')
    .digest('hex')
    .slice(0, 16);
  return { creator, tokenKey, scope: found.scope };
}

export const isReply = (x: Caller | EmulatorReply): x is EmulatorReply => 'status' in x;

/** POST bodies are JSON (`Content-Type: application/json; charset=UTF-8`). */
export function jsonBody(req: EmulatorRequest): unknown {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json') || req.jsonError) return undefined;
  return req.json ?? {};
}
