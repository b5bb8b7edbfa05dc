import { leaksIn } from './leak-patterns';

/** A response as the fuzz properties judge it. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

export async function readAnswer(res: Response): Promise<HttpAnswer> {
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** What is wrong with an answer, and whether it is a server error (the fuzz step's first count). */
export interface Judgement {
  problems: string[];
  serverError: boolean;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * What every answer to bad input must be (C-54): not a 5xx, no stack trace, path or SQL in it; a refusal says why in
 * JSON, with a code a program can act on and a message a person can read.
 */
export function judgeHttpAnswer(
  a: HttpAnswer,
  sent: readonly string[],
  errorShape: (body: unknown) => string | null,
): Judgement {
  const problems: string[] = [];
  let serverError = false;
  if (a.status >= 500) {
    problems.push(`HTTP ${a.status}`);
    serverError = true;
  }
  for (const leak of leaksIn(a.text, sent)) problems.push(`the body shows a ${leak}`);
  // Node's own HTTP parser refuses an over-long request line or headers (414, 431) before the application runs, with
  // the status alone: that is the transport's standard answer, not the application's.
  const transportRefusal = (a.status === 414 || a.status === 431) && a.text === '';
  if (a.status >= 400 && !transportRefusal) {
    const body = parseJson(a.text);
    const shape = body === undefined ? `the refusal is not JSON (${a.contentType})` : errorShape(body);
    if (shape) problems.push(shape);
  }
  return { problems, serverError };
}

/**
 * The refusals below GraphQL, each with a code a program can act on: `{ error: <code> }` (the ingest, the artifact
 * routes), `{ error: { code, message } }` (the API's HTTP error filter) and Nest's `{ statusCode, message }` (the
 * body parser's 413 and 400, before any route runs: the status is the code).
 */
export function plainErrorShape(body: unknown): string | null {
  const b = body as { error?: unknown; statusCode?: unknown; message?: unknown } | null;
  const nested = b?.error as { code?: unknown; message?: unknown } | undefined;
  const code =
    typeof b?.statusCode === 'number' && typeof b.message === 'string'
      ? String(b.statusCode)
      : typeof b?.error === 'string'
        ? b.error
        : typeof nested?.code === 'string' && typeof nested.message === 'string'
          ? nested.code
          : null;
  if (!code || !/^[a-z_A-Z0-9]{3,60}$/.test(code))
    return `the refusal has no error code: ${clip(JSON.stringify(body))}`;
  return null;
}

export const clip = (s: string, n = 600): string => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
