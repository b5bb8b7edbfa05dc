import { randomBytes } from 'node:crypto';
import type { OperatorSession } from '../../deploy/local/stack/graphql-client';
import { graphqlCall } from './graphql-call';

/** One CSV import of one client: what the operator uploads, and how many posts it makes. */
export interface ImportChunk {
  clientId: string;
  csv: string;
  posts: number;
}

export interface ImportOutcome {
  clientId: string;
  postIds: string[];
  /** dry run + import, as the operator waits for them (the last try's) */
  ms: number;
  /** tries answered UNAVAILABLE before this one: the API cancelled what they scheduled and said to try again */
  unavailable: number;
}

/** An import the API refused whole because Temporal did not answer in time: it says to try again in a minute. */
const UNAVAILABLE_WAIT_MS = 30_000;
const UNAVAILABLE_TRIES = 6;

/** `YYYY-MM-DDTHH:MM` of a UTC instant: the import's local date-time for a client in UTC. */
export function localMinute(at: Date): string {
  return at.toISOString().slice(0, 16);
}

/** One row: a text and the accounts it goes to at one local time; a row fans out into one post per account. */
export interface CsvRow {
  text: string;
  accountIds: string[];
  at: Date;
}

export function toCsv(rows: readonly CsvRow[]): string {
  // Texts are plain words (no comma, quote or newline), so no field needs quoting.
  return ['text,accounts,date', ...rows.map((r) => `${r.text},${r.accountIds.join('|')},${localMinute(r.at)}`)].join(
    '\n',
  );
}

/**
 * A client's `posts` over `days` from `start`: rows at evenly spread minutes, each for all the client's accounts (a
 * brand posting on all its channels at once), the last row for as many as are left; cut into imports of at most
 * `rowsPerImport` rows (the import takes 500 rows and 2,000 posts at most: IMPORT_LIMITS).
 */
export function clientImports(
  client: { id: string; accountIds: string[] },
  o: { posts: number; start: Date; days: number; rowsPerImport: number; label: string },
): ImportChunk[] {
  const per = client.accountIds.length;
  const rowCount = Math.ceil(o.posts / per);
  const minutes = o.days * 1440;
  const rows: CsvRow[] = Array.from({ length: rowCount }, (_, r) => ({
    text: `Scale ${o.label} post ${r + 1} of ${rowCount} ${randomBytes(6).toString('hex')}`,
    accountIds: client.accountIds.slice(0, Math.min(per, o.posts - r * per)),
    at: new Date(o.start.getTime() + Math.floor((r * minutes) / rowCount) * 60_000),
  }));
  const chunks: ImportChunk[] = [];
  for (let i = 0; i < rows.length; i += o.rowsPerImport) {
    const slice = rows.slice(i, i + o.rowsPerImport);
    chunks.push({ clientId: client.id, csv: toCsv(slice), posts: slice.reduce((n, r) => n + r.accountIds.length, 0) });
  }
  return chunks;
}

const DRY_RUN = `mutation($i: ImportPostsDryRunInput!) {
  importPostsDryRun(input: $i) { digest valid postCount errors { line code message } }
}`;
const IMPORT = `mutation($i: ImportPostsInput!) { importPosts(input: $i) { batchId postIds } }`;

/**
 * The operator's bulk path through the API: the dry run, then the import of exactly that plan, whose every post goes
 * through schedulePublish (the job, its audit event, then its publish workflow's start). A dry run with an error
 * stops the bench: the seed and the CSV are the bench's own, so an error is a bench bug, not a measurement.
 */
export async function runImport(url: string, who: OperatorSession, chunk: ImportChunk): Promise<ImportOutcome> {
  for (let unavailable = 0; ; unavailable++) {
    try {
      return { ...(await importOnce(url, who, chunk)), unavailable };
    } catch (err) {
      // Anything else is a bench bug or a real failure: it stops the bench. This one is the API's documented answer
      // under overload (nothing of the import stays scheduled), and the operator's move is to try again.
      if (!(err instanceof Error && /failed: UNAVAILABLE:/.test(err.message)) || unavailable + 1 >= UNAVAILABLE_TRIES)
        throw err;
      await new Promise((r) => setTimeout(r, UNAVAILABLE_WAIT_MS));
    }
  }
}

async function importOnce(
  url: string,
  who: OperatorSession,
  chunk: ImportChunk,
): Promise<Omit<ImportOutcome, 'unavailable'>> {
  const t0 = performance.now();
  const dry = await graphqlCall<{
    importPostsDryRun: {
      digest: string;
      valid: boolean;
      postCount: number;
      errors: { line: number; code: string; message: string }[];
    };
  }>(url, who, DRY_RUN, { i: { clientId: chunk.clientId, csv: chunk.csv } }, 120_000);
  const plan = dry.importPostsDryRun;
  if (!plan.valid || plan.postCount !== chunk.posts)
    throw new Error(
      `the dry run refused the bench's CSV (${plan.postCount}/${chunk.posts} posts): ${plan.errors
        .slice(0, 3)
        .map((e) => `line ${e.line} ${e.code}: ${e.message}`)
        .join('; ')}`,
    );
  const done = await graphqlCall<{ importPosts: { batchId: string; postIds: string[] } }>(
    url,
    who,
    IMPORT,
    { i: { clientId: chunk.clientId, csv: chunk.csv, dryRunDigest: plan.digest } },
    // One request schedules every post of the chunk in turn: minutes on a loaded 2-core machine.
    30 * 60_000,
  );
  return { clientId: chunk.clientId, postIds: done.importPosts.postIds, ms: performance.now() - t0 };
}

/**
 * Runs imports `concurrency` at a time (never two of one client at once: a client's imports would only wait for
 * each other on its audit chain) until `budget` posts are scheduled or the queue is empty; returns what ran.
 */
export async function runImports(
  queue: ImportChunk[],
  o: { url: string; who: OperatorSession; concurrency: number; budget: number; onDone?: (r: ImportOutcome) => void },
): Promise<ImportOutcome[]> {
  const done: ImportOutcome[] = [];
  const busy = new Set<string>();
  let scheduled = 0;
  const take = (): ImportChunk | undefined => {
    if (scheduled >= o.budget) return undefined;
    const i = queue.findIndex((c) => !busy.has(c.clientId));
    if (i < 0) return undefined;
    const [chunk] = queue.splice(i, 1);
    scheduled += chunk.posts;
    busy.add(chunk.clientId);
    return chunk;
  };
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      for (let c = take(); c; c = take()) {
        const r = await runImport(o.url, o.who, c);
        busy.delete(c.clientId);
        done.push(r);
        o.onDone?.(r);
      }
    }),
  );
  return done;
}
