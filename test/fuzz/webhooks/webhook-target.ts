import { changedTables } from '../db-fingerprint';
import type { InputVerdict } from '../fuzz-property';
import type { FuzzWorld } from '../fuzz-world';
import { clip, judgeHttpAnswer, parseJson, plainErrorShape, readAnswer, type HttpAnswer } from '../http-answer';
import type { WebhookRequest } from './webhook-requests';

const inboundCount = async (world: FuzzWorld): Promise<number> =>
  Number((await world.stack.ds.query<{ n: string }[]>('SELECT count(*) AS n FROM inbound_events'))[0]!.n);

async function send(ingestUrl: string, r: WebhookRequest): Promise<HttpAnswer> {
  try {
    const res = await fetch(`${ingestUrl}${r.path}`, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      signal: AbortSignal.timeout(30_000),
    });
    return await readAnswer(res);
  } catch (err) {
    return { status: 0, contentType: '', text: `no answer: ${(err as Error).name} ${(err as Error).message}` };
  }
}

/**
 * One fuzzed delivery (C-54 with C-31..C-34): never a 5xx or a leak, a refusal is `{ error: <code> }` and stores
 * nothing; an acknowledged one stored at most the events it counts, in inbound_events and nowhere else.
 */
export async function fuzzDelivery(world: FuzzWorld, ingestUrl: string, r: WebhookRequest): Promise<InputVerdict> {
  const before = await world.fingerprint.beforeNext();
  const rowsBefore = await inboundCount(world);
  const answer = await send(ingestUrl, r);
  const sent = r.body ? [r.body.toString('utf8'), ...Object.values(r.headers)] : Object.values(r.headers);
  const j = judgeHttpAnswer(answer, sent, plainErrorShape);
  if (answer.status === 0) j.problems.push(answer.text);
  const changed = changedTables(before, await world.fingerprint.take());
  const accepted = answer.status >= 200 && answer.status < 300;
  let partialWrite = false;
  if (!accepted && changed.length) {
    partialWrite = true;
    j.problems.push(`refused, yet ${changed.join(', ')} changed`);
  }
  if (accepted && r.method === 'POST') {
    const ack = parseJson(answer.text) as { ok?: unknown; events?: unknown } | undefined;
    const stored = (await inboundCount(world)) - rowsBefore;
    if (ack?.ok !== true || typeof ack.events !== 'number')
      j.problems.push(`an acknowledgement without its counts: ${clip(answer.text)}`);
    else if (stored > ack.events) j.problems.push(`acknowledged ${ack.events} events but stored ${stored}`);
    const elsewhere = changed.filter((t) => t !== 'inbound_events');
    if (elsewhere.length) j.problems.push(`a delivery changed ${elsewhere.join(', ')}`);
  }
  if (j.problems.length)
    j.problems.push(
      `request: ${r.method} ${r.path} ${clip(JSON.stringify(r.headers), 400)}`,
      `answer: HTTP ${answer.status} ${clip(answer.text)}`,
    );
  return { outcome: accepted ? 'accepted' : 'refused', problems: j.problems, serverError: j.serverError, partialWrite };
}
