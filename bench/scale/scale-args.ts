import { z } from 'zod';

/** The scale bench's command line: how many posts, over how many accounts and days, and the burst's size. */
export interface ScaleArgs {
  posts: number;
  accounts: number;
  /** accounts per client: an agency's clients each run a handful of brand accounts */
  accountsPerClient: number;
  days: number;
  /** posts due in the same minute, spread over the autonomous clients' accounts */
  burst: number;
  /** then a burst of this many with the old cache settings (0: none); keep both under the spike rule's 20 an hour */
  burstOld: number;
  /** posts scheduled with the old cache settings, then as many with the new ones, before the rest */
  comparePosts: number;
  /** timed GraphQL calls per measure */
  queries: number;
  /** seconds the worker's RSS is sampled while every post waits */
  waitSeconds: number;
  /** imports in flight at once (each client's import runs its posts in turn) */
  importConcurrency: number;
  /**
   * publish workers while the queues drain after scheduling (1: the bench's own): what the chart's backlog autoscaler
   * does in a cluster (workers.lanes.publish.autoscaling), here as extra processes on the same machine
   */
  drainWorkers: number;
  out?: string;
}

const positive = z.coerce.number().int().nonnegative();
const NAMES = [
  'posts',
  'accounts',
  'accounts-per-client',
  'days',
  'burst',
  'burst-old',
  'compare-posts',
  'queries',
  'wait-seconds',
  'import-concurrency',
  'drain-workers',
] as const;

/**
 * `--posts=N --accounts=N --days=N` and the rest (defaults sized from --posts: an account per 100 posts, at least
 * 100 so the burst keeps within the policy's spike rule), the first bare argument the JSON output path.
 */
export function parseScaleArgs(argv: string[]): ScaleArgs {
  const given = new Map<string, number>();
  let out: string | undefined;
  for (const a of argv) {
    const m = /^--([a-z-]+)=(.+)$/.exec(a);
    if (m) {
      if (!(NAMES as readonly string[]).includes(m[1]))
        throw new Error(`unknown option --${m[1]}; the options are ${NAMES.map((n) => `--${n}`).join(', ')}`);
      const v = positive.safeParse(m[2]);
      if (!v.success) throw new Error(`--${m[1]} must be a whole number, got ${m[2]}`);
      given.set(m[1], v.data);
    } else if (!a.startsWith('-') && out === undefined) out = a;
    else throw new Error(`unknown argument ${a}`);
  }
  const posts = given.get('posts') ?? 1000;
  if (posts < 2) throw new Error('--posts must be at least 2 (half with the old cache, half with the new one)');
  const accounts = given.get('accounts') ?? Math.max(100, Math.ceil(posts / 100));
  const accountsPerClient = Math.min(given.get('accounts-per-client') ?? 10, accounts);
  return {
    posts,
    accounts,
    accountsPerClient,
    days: given.get('days') ?? 30,
    burst: given.get('burst') ?? 1000,
    burstOld: given.get('burst-old') ?? 0,
    comparePosts: Math.min(given.get('compare-posts') ?? 2000, Math.floor(posts / 2)),
    queries: given.get('queries') ?? 200,
    waitSeconds: given.get('wait-seconds') ?? 120,
    importConcurrency: given.get('import-concurrency') ?? 3,
    drainWorkers: Math.max(1, given.get('drain-workers') ?? 1),
    out,
  };
}
