import { CSRF_HEADER } from '../../../services/api/auth/request-info';
import { changedTables } from '../db-fingerprint';
import type { InputVerdict } from '../fuzz-property';
import type { FuzzWorld } from '../fuzz-world';
import { clip, judgeHttpAnswer, parseJson, plainErrorShape, readAnswer, type HttpAnswer } from '../http-answer';
import type { RawGraphqlRequest } from './document-arbitrary';
import { judgeGraphqlAnswer } from './graphql-answer';
import { ANSWER_TIMEOUT_MS } from './send-as-admin';

function authHeaders(world: FuzzWorld, auth: RawGraphqlRequest['auth']): Record<string, string> {
  const { cookie, csrf } = world.admin.session;
  switch (auth) {
    case 'session':
      return { cookie, [CSRF_HEADER]: csrf };
    case 'no-csrf':
      return { cookie };
    case 'bogus-bearer':
      return { authorization: 'Bearer raize_not_a_real_token_0123456789' };
    case 'bogus-cookie':
      return { cookie: cookie.replace(/=([^;]{4})/, '=xxxx'), [CSRF_HEADER]: csrf };
    case 'none':
      return {};
  }
}

async function send(world: FuzzWorld, r: RawGraphqlRequest): Promise<HttpAnswer> {
  const url = new URL(`${world.stack.apiUrl}/graphql`);
  if (r.query !== undefined) url.searchParams.set('query', r.query);
  try {
    const res = await fetch(url, {
      method: r.method,
      headers: { ...authHeaders(world, r.auth), ...r.headers },
      body: r.body,
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    return await readAnswer(res);
  } catch (err) {
    return { status: 0, contentType: '', text: `no answer: ${(err as Error).name} ${(err as Error).message}` };
  }
}

/**
 * One malformed request to /graphql (C-54): the answer is never a 5xx or a leak; when it is JSON it is a GraphQL
 * answer with coded errors, or the HTTP layer's `{ statusCode, message }`; what it refused wrote nothing.
 */
export async function fuzzRawGraphql(world: FuzzWorld, r: RawGraphqlRequest): Promise<InputVerdict> {
  const before = await world.fingerprint.beforeNext();
  const answer = await send(world, r);
  const sent = [r.query ?? '', r.body?.toString('utf8') ?? ''];
  const body = parseJson(answer.text) as Record<string, unknown> | undefined;
  const graphqlShaped = !!body && typeof body === 'object' && ('errors' in body || 'data' in body);
  const j = graphqlShaped
    ? judgeGraphqlAnswer(answer, null, sent)
    : { ...judgeHttpAnswer(answer, sent, plainErrorShape), refused: true };
  if (answer.status === 0) j.problems.push(answer.text);
  const refused = answer.status >= 400 || !!(body?.errors as unknown[] | undefined)?.length || answer.status === 0;
  let partialWrite = false;
  const after = await world.fingerprint.take();
  if (refused) {
    const changed = changedTables(before, after);
    if (changed.length) {
      partialWrite = true;
      j.problems.push(`refused, yet ${changed.join(', ')} changed`);
    }
  }
  if (j.problems.length)
    j.problems.push(
      `request: ${r.method} ${JSON.stringify(r.headers)} auth=${r.auth} ${clip(r.query ?? r.body?.toString('utf8') ?? '', 300)}`,
      `answer: HTTP ${answer.status} ${clip(answer.text)}`,
    );
  return { outcome: refused ? 'refused' : 'accepted', problems: j.problems, serverError: j.serverError, partialWrite };
}
