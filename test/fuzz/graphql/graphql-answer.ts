import type { HttpAnswer, Judgement } from '../http-answer';
import { clip, judgeHttpAnswer, parseJson, plainErrorShape } from '../http-answer';

interface GraphqlError {
  message?: unknown;
  extensions?: { code?: unknown };
}
interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

/** The generic answer of formatGraphqlError to an error nobody expected: a 500 in all but the status code. */
const UNEXPECTED = 'INTERNAL_SERVER_ERROR';

/**
 * A GraphQL answer to fuzzed input: the HTTP rules of every answer, then a GraphQL body whose every error has a code
 * (never the unexpected-error code) and a message of a few words. `refused`: the field gave no data, with errors.
 */
export function judgeGraphqlAnswer(
  a: HttpAnswer,
  field: string | null,
  sent: readonly string[],
): Judgement & { refused: boolean } {
  const body = parseJson(a.text) as GraphqlBody | undefined;
  if (!body || typeof body !== 'object' || (!('data' in body) && !('errors' in body))) {
    // Refused before GraphQL ran (the body parser's 413 on a body over 1 MB): the HTTP layer's coded refusal.
    const j = judgeHttpAnswer(a, sent, plainErrorShape);
    if (a.status < 400) j.problems.push(`not a GraphQL response (HTTP ${a.status}): ${clip(a.text)}`);
    return { ...j, refused: true };
  }
  const j = judgeHttpAnswer(a, sent, () => null);
  for (const e of body.errors ?? []) {
    const code = e.extensions?.code;
    if (code === UNEXPECTED) {
      j.serverError = true;
      j.problems.push(`an unexpected error (${UNEXPECTED}) on ${JSON.stringify(e)}`);
    } else if (typeof code !== 'string' || !code)
      j.problems.push(`an error without a code: ${clip(JSON.stringify(e))}`);
    if (typeof e.message !== 'string' || e.message.trim().length < 8)
      j.problems.push(`an error without a clear message: ${clip(JSON.stringify(e))}`);
  }
  const data = field && body.data ? body.data[field] : null;
  const refused = !!body.errors?.length && (data === null || data === undefined);
  return { ...j, refused };
}
