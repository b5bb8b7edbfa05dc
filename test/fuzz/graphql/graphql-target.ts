import { changedTables } from '../db-fingerprint';
import type { InputVerdict } from '../fuzz-property';
import type { FuzzWorld } from '../fuzz-world';
import { clip, parseJson } from '../http-answer';
import { stringsIn } from '../leak-patterns';
import type { FuzzField } from './fuzz-fields';
import { judgeGraphqlAnswer } from './graphql-answer';
import { sendGraphql } from './send-as-admin';

/**
 * One fuzzed call of a field: sent as the Admin, judged (no server error, no leak, a coded error), and when refused
 * the database compared with how it was just before (C-54: a refused input writes nothing).
 */
export async function fuzzGraphqlCall(
  world: FuzzWorld,
  f: FuzzField,
  variables: Record<string, unknown>,
): Promise<InputVerdict> {
  const before = await world.fingerprint.beforeNext();
  const answer = await sendGraphql(world, f.document, variables);
  const j = judgeGraphqlAnswer(answer, f.name, stringsIn(variables));
  if (answer.status === 0) j.problems.push(answer.text);
  const crossed = foreignIdsIn(world, answer.text);
  if (crossed.length) j.problems.push(`answered with the other tenant's ${crossed.join(', ')} (C-02)`);
  let partialWrite = false;
  const after = await world.fingerprint.take();
  if (j.refused) {
    const changed = changedTables(before, after);
    if (changed.length) {
      partialWrite = true;
      j.problems.push(`refused, yet ${changed.join(', ')} changed`);
    }
  }
  if (j.problems.length) j.problems.push(`answer: HTTP ${answer.status} ${clip(answer.text)}`);
  return {
    outcome: j.refused ? 'refused' : 'accepted',
    problems: j.problems,
    serverError: j.serverError,
    partialWrite,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The other tenant's ids that appear in the answer's data: the fuzzer sends them as arguments, and an answer that
 * carries one back read or changed what the Admin may not see (C-02). Error messages are not data.
 */
function foreignIdsIn(world: FuzzWorld, text: string): string[] {
  const data = (parseJson(text) as { data?: unknown } | undefined)?.data;
  if (!data) return [];
  const json = JSON.stringify(data);
  return Object.entries(world.pools.foreign).flatMap(([table, ids]) =>
    // UUIDs only: a serial id ("9") would match any number in the answer.
    ids.filter((id) => UUID.test(id) && json.includes(id)).map((id) => `${table} ${id}`),
  );
}
