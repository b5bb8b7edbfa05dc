import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { changedTables } from '../db-fingerprint';
import type { InputVerdict } from '../fuzz-property';
import type { FuzzWorld } from '../fuzz-world';
import { sendAsAdmin } from '../graphql/send-as-admin';
import { clip, judgeHttpAnswer, parseJson, plainErrorShape } from '../http-answer';
import type { FuzzUpload } from './upload-arbitrary';

/** Every file under the artifact store's directory, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Only the artifact rows, the audit of the store and the tenant's usage may change when an upload is accepted. */
const UPLOAD_WRITES = new Set(['artifacts', 'audit_events']);

/**
 * One fuzzed upload or download (C-47, C-54): never a 5xx or a leak; a refusal is `{ error, message }` and leaves
 * the database and the store's directory as they were; an accepted upload is one object, named by its checksum
 * under the tenant's own prefix, holding exactly the bytes sent.
 */
export async function fuzzUpload(world: FuzzWorld, u: FuzzUpload): Promise<InputVerdict> {
  const before = await world.fingerprint.beforeNext();
  const filesBefore = filesUnder(world.artifactsDir);
  const answer = await sendAsAdmin(world, u.path, { method: u.method, headers: u.headers, body: u.body });
  const j = judgeHttpAnswer(answer, [u.path, ...Object.values(u.headers)], plainErrorShape);
  if (answer.status === 0) j.problems.push(answer.text);
  const changed = changedTables(before, await world.fingerprint.take());
  const filesAfter = filesUnder(world.artifactsDir);
  const added = filesAfter.filter((f) => !filesBefore.includes(f));
  const removed = filesBefore.filter((f) => !filesAfter.includes(f));
  if (removed.length) j.problems.push(`files disappeared from the store: ${removed.join(', ')}`);
  const accepted = u.method === 'POST' && answer.status === 201;
  let partialWrite = false;
  if (!accepted && u.method === 'POST' && (changed.length || added.length)) {
    partialWrite = true;
    j.problems.push(`refused, yet ${[...changed, ...added].join(', ')} changed`);
  }
  if (u.method === 'GET' && answer.status === 200) j.problems.push('a made-up token was served');
  if (accepted) j.problems.push(...acceptedProblems(world, u, answer.text, added, changed));
  if (j.problems.length)
    j.problems.push(
      `request: ${u.method} ${clip(u.path, 300)} ${JSON.stringify(u.headers)} (${u.body?.length ?? 0} bytes)`,
      `answer: HTTP ${answer.status} ${clip(answer.text)}`,
    );
  return { outcome: accepted ? 'accepted' : 'refused', problems: j.problems, serverError: j.serverError, partialWrite };
}

function acceptedProblems(world: FuzzWorld, u: FuzzUpload, text: string, added: string[], changed: string[]): string[] {
  const out: string[] = [];
  const ref = parseJson(text) as { key?: unknown; clientId?: unknown } | undefined;
  const key = typeof ref?.key === 'string' ? ref.key : '';
  const prefix = `${world.own.agencyId}/${world.own.clientId}/`;
  const sha = createHash('sha256')
    .update(u.body ?? Buffer.alloc(0))
    .digest('hex');
  if (!key.startsWith(prefix) || !key.includes(sha) || key.includes('..'))
    out.push(`the accepted upload's key ${JSON.stringify(key)} is not <tenant>/<kind>/<sha256 of the bytes>`);
  else if (!readFileSync(join(world.artifactsDir, ...key.split('/'))).equals(u.body ?? Buffer.alloc(0)))
    out.push('the stored object does not hold the bytes sent');
  if (added.some((f) => f.split('/').join('/') !== key))
    out.push(`files other than the object appeared: ${added.join(', ')}`);
  const elsewhere = changed.filter((t) => !UPLOAD_WRITES.has(t));
  if (elsewhere.length) out.push(`an upload changed ${elsewhere.join(', ')}`);
  return out;
}
