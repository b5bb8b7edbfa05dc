import { request } from 'node:http';
import type { OperatorSession } from '../../deploy/local/stack/graphql-client';

/** POST over node:http: fetch (undici) gives up on an answer whose headers take over 5 minutes, as a long import's do. */
function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.end(body);
  });
}

/**
 * One POST /graphql as a signed-in operator, with no retry: a timed call must be one request, and a failed one must
 * fail the bench rather than be hidden by a second try. `timeoutMs` is long for imports (one request schedules
 * hundreds of posts in turn).
 */
export async function graphqlCall<T>(
  url: string,
  who: OperatorSession,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs = 30_000,
): Promise<T> {
  const res = await post(
    url,
    { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
    JSON.stringify({ query, variables }),
    timeoutMs,
  );
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    throw new Error(`GraphQL answered HTTP ${res.status} without JSON: ${res.text.slice(0, 200)}`);
  }
  if (body.errors?.length || !body.data) {
    const operation = /\{\s*(\w+)/.exec(query)?.[1] ?? 'request';
    const errors = (body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    throw new Error(`${operation} failed: ${errors || `HTTP ${res.status} with no data`}`);
  }
  return body.data;
}
