import { request } from 'node:http';
import { CSRF_HEADER } from '../../../services/api/auth/request-info';
import type { FuzzWorld } from '../fuzz-world';
import type { HttpAnswer } from '../http-answer';

/** How long one fuzzed request may take before the property reports it as hanging. */
export const ANSWER_TIMEOUT_MS = 60_000;

/**
 * A request to the API with the fuzzing Admin's real session: its cookie and its CSRF token (C-07). The path is
 * sent as it is (node:http, not fetch, which would resolve `..` segments before the server ever saw them).
 */
export function sendAsAdmin(
  world: FuzzWorld,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string; csrf?: boolean },
): Promise<HttpAnswer> {
  const { session } = world.admin;
  const api = new URL(world.stack.apiUrl);
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  return new Promise((resolve) => {
    // No answer at all is a failure of its own (a hang, a reset connection): status 0 and why.
    const fail = (err: Error) => resolve({ status: 0, contentType: '', text: `no answer: ${err.name} ${err.message}` });
    let req: ReturnType<typeof request>;
    try {
      req = request(
        {
          host: api.hostname,
          port: api.port,
          path,
          method: init.method ?? 'POST',
          timeout: ANSWER_TIMEOUT_MS,
          headers: {
            cookie: session.cookie,
            ...(init.csrf === false ? {} : { [CSRF_HEADER]: session.csrf }),
            ...(body ? { 'content-length': String(body.length) } : {}),
            ...init.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', fail);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
    } catch (err) {
      // A path or header node:http will not send at all (a raw control character): no request, no answer.
      return fail(err as Error);
    }
    req.on('timeout', () => req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
    req.on('error', fail);
    req.end(body);
  });
}

export function sendGraphql(
  world: FuzzWorld,
  document: string,
  variables: Record<string, unknown>,
): Promise<HttpAnswer> {
  return sendAsAdmin(world, '/graphql', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
}
