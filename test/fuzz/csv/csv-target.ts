import fc from 'fast-check';
import { changedTables } from '../db-fingerprint';
import type { InputVerdict } from '../fuzz-property';
import type { FuzzWorld } from '../fuzz-world';
import { judgeGraphqlAnswer } from '../graphql/graphql-answer';
import { sendGraphql } from '../graphql/send-as-admin';
import { clip, parseJson } from '../http-answer';
import type { FuzzCsv } from './csv-arbitrary';

const DRY_RUN = `mutation($i: ImportPostsDryRunInput!) { importPostsDryRun(input: $i) {
  digest valid postCount errors { line code message } occurrences { platformAccountId scheduledAt } } }`;
const IMPORT = 'mutation($i: ImportPostsInput!) { importPosts(input: $i) { batchId postIds } }';

interface DryRun {
  digest: string;
  valid: boolean;
  postCount: number;
  errors: { line: number; code: string; message: string }[];
  occurrences: { platformAccountId: string; scheduledAt: string }[];
}

/** How the import is then asked for: with the dry run's digest, another digest, or the CSV changed after the dry run. */
export type ImportAsk = 'same' | 'other-digest' | 'changed-csv';
export const importAsk: fc.Arbitrary<ImportAsk> = fc.constantFrom(
  'same',
  'same',
  'same',
  'same',
  'other-digest',
  'changed-csv',
);

/**
 * One fuzzed CSV through both mutations (C-54): the dry run writes nothing ever; the import either refuses and writes
 * nothing, or schedules exactly the posts the dry run listed (the same count, accounts and instants, all the tenant's).
 */
export async function fuzzCsvImport(world: FuzzWorld, input: FuzzCsv, ask: ImportAsk): Promise<InputVerdict> {
  const problems: string[] = [];
  let serverError = false;
  let partialWrite = false;
  const clientId = world.own.clientId;
  const fp0 = await world.fingerprint.beforeNext();
  const dry = await sendGraphql(world, DRY_RUN, { i: { clientId, csv: input.csv } });
  const dj = judgeGraphqlAnswer(dry, 'importPostsDryRun', [input.csv]);
  problems.push(...dj.problems.map((p) => `dry run: ${p}`));
  serverError ||= dj.serverError;
  const fp1 = await world.fingerprint.take();
  const dryWrote = changedTables(fp0, fp1);
  if (dryWrote.length) {
    partialWrite = true;
    problems.push(`the dry run changed ${dryWrote.join(', ')}`);
  }
  const plan = (parseJson(dry.text) as { data?: { importPostsDryRun?: DryRun } } | undefined)?.data?.importPostsDryRun;
  if (!plan) return verdict('refused', problems, serverError, partialWrite, dry.text);

  const csv = ask === 'changed-csv' ? `${input.csv}\n"added later",@nobody_here,next\n` : input.csv;
  const digest = ask === 'other-digest' ? plan.digest.replace(/^./, (c) => (c === '0' ? '1' : '0')) : plan.digest;
  const imp = await sendGraphql(world, IMPORT, { i: { clientId, csv, dryRunDigest: digest } });
  const ij = judgeGraphqlAnswer(imp, 'importPosts', [csv]);
  problems.push(...ij.problems.map((p) => `import: ${p}`));
  serverError ||= ij.serverError;
  const fp2 = await world.fingerprint.take();
  const result = (
    parseJson(imp.text) as { data?: { importPosts?: { batchId: string; postIds: string[] } } } | undefined
  )?.data?.importPosts;
  if (!result) {
    const wrote = changedTables(fp1, fp2);
    if (wrote.length) {
      partialWrite = true;
      problems.push(`the refused import changed ${wrote.join(', ')}`);
    }
    return verdict('refused', problems, serverError, partialWrite, imp.text);
  }
  if (!plan.valid || ask !== 'same')
    problems.push(`an import was accepted for a ${plan.valid ? 'changed' : 'invalid'} plan (${ask})`);
  problems.push(...(await consistency(world, plan, result)));
  return verdict('accepted', problems, serverError, partialWrite, imp.text);
}

/** An accepted import scheduled exactly the dry run's posts: as many, on the same accounts, at the same instants. */
async function consistency(
  world: FuzzWorld,
  plan: DryRun,
  result: { batchId: string; postIds: string[] },
): Promise<string[]> {
  const out: string[] = [];
  if (result.postIds.length !== plan.postCount)
    out.push(`the dry run planned ${plan.postCount} posts, the import answered ${result.postIds.length}`);
  const jobs = await world.stack.ds.query<{ account: string; at: Date; client: string }[]>(
    `SELECT platform_account_id AS account, scheduled_at AS at, client_id AS client FROM publish_jobs WHERE id = ANY($1::uuid[])`,
    [result.postIds],
  );
  if (jobs.length !== result.postIds.length)
    out.push(`${result.postIds.length} post ids answered, ${jobs.length} stored`);
  if (jobs.some((j) => j.client !== world.own.clientId)) out.push('a post was scheduled outside the importing client');
  const key = (account: string, at: string | Date) => `${account}@${new Date(at).toISOString()}`;
  const planned = plan.occurrences.map((o) => key(o.platformAccountId, o.scheduledAt)).sort();
  const stored = jobs.map((j) => key(j.account, j.at)).sort();
  if (JSON.stringify(planned) !== JSON.stringify(stored))
    out.push(
      `scheduled ${clip(JSON.stringify(stored), 300)} but the dry run showed ${clip(JSON.stringify(planned), 300)}`,
    );
  return out;
}

function verdict(
  outcome: 'accepted' | 'refused',
  problems: string[],
  serverError: boolean,
  partialWrite: boolean,
  last: string,
): InputVerdict {
  if (problems.length) problems.push(`last answer: ${clip(last)}`);
  return { outcome, problems, serverError, partialWrite };
}
