import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppErrorCode, httpErrorBody } from './app-error';

/**
 * The body parsers' refusals (http-errors): a 4xx status and `expose` (its message is meant for the client). `type`
 * names body-parser's reason; a broken gzip or deflate stream has none (zlib's own error, given a 400).
 */
interface BodyRefusal extends Error {
  status: number;
  expose: true;
  type?: string;
  limit?: number;
  charset?: string;
  encoding?: string;
}

export function isBodyRefusal(err: unknown): err is BodyRefusal {
  const e = err as Partial<BodyRefusal> | null;
  return (
    err instanceof Error && e?.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500
  );
}

/** What the client is told, in our words, by body-parser's reason: never the body, never a parser's internals. */
const MESSAGES: Record<string, (e: BodyRefusal) => string> = {
  'entity.too.large': (e) =>
    `the request body is larger than the ${Math.round((e.limit ?? 0) / 1024)} KiB this endpoint takes`,
  'charset.unsupported': (e) => `the request body's charset "${e.charset ?? '?'}" is not supported: send UTF-8`,
  'encoding.unsupported': (e) =>
    `the request body's content encoding "${e.encoding ?? '?'}" is not supported: send it uncompressed or as gzip, deflate or br`,
  'entity.parse.failed': (e) => `the request body is not valid JSON: ${e.message}`,
  'request.aborted': () => 'the request was aborted before its body arrived',
};

export function refusalMessage(err: BodyRefusal): string {
  const known = err.type && Object.hasOwn(MESSAGES, err.type) ? MESSAGES[err.type] : undefined;
  return known ? known(err) : `the request body could not be read: ${err.message}`;
}

const log = new Logger('RequestBody');

/**
 * Answers a body the parsers refused (too large, an unsupported charset or encoding, a broken gzip stream, malformed
 * JSON) with a coded 4xx in the API's error shape. Registered right after the parsers: otherwise Nest's fallback
 * handler answers them in its own shape and logs each client's mistake at ERROR with a stack trace. One WARN line
 * instead (path without the query string, which can carry codes), for an operator helping a client's integration.
 */
export function bodyRefusalMiddleware(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (!isBodyRefusal(err)) return next(err);
  log.warn(`refused a request body: ${err.status} ${err.type ?? 'unreadable'} on ${req.method} ${req.path}`);
  if (res.headersSent) return void res.end();
  res.status(err.status).json(httpErrorBody(AppErrorCode.BadInput, refusalMessage(err)));
}
