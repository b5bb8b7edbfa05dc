import { RUNNER_STALE_MS } from '../../../activities/publish/publish-route.activities';
import type { RunningBrowserRunner } from '../../../services/browser/runner/runner.app';
import { startTestBrowserRunner } from '../../harness/browser-runner';
import type { TestStack } from '../../harness/stack';
import { addOperator, APPROVE, REQUEST, SET_LANE } from '../browser-api/browser-api-world';
import type { BrowserAccount } from './browser-lane-world';
import { browserAccount } from './browser-lane-world';

const ok = <T>(r: { data?: T; errors?: unknown[] }, what: string): T => {
  if (!r.data) throw new Error(`${what}: ${JSON.stringify(r.errors)}`);
  return r.data;
};

/**
 * A browser-lane account switched to the hybrid lane through the API. Its profile stays read-only: with the API as
 * the writer (the default `hybrid_writer`), the page only verifies, and the policy needs no side-effect mode for that.
 */
export async function hybridAccount(
  stack: TestStack,
  o: { sessionOf?: 'brand' | 'other' } = {},
): Promise<BrowserAccount> {
  const a = await browserAccount(stack, { ...o, enable: false });
  ok(await stack.gql(a.t.users.admin, SET_LANE, { a: a.accountId, l: 'hybrid' }), 'setAccountLane hybrid');
  return a;
}

/** C-42 through the API: one Admin asks, a different Admin approves. */
export async function enableSideEffects(stack: TestStack, a: Pick<BrowserAccount, 't' | 'profileId'>): Promise<void> {
  const second = await addOperator(stack, a.t, 'Admin', 'Second Admin');
  ok(await stack.gql(a.t.users.admin, REQUEST, { p: a.profileId, n: 'the page writes' }), 'request');
  ok(await stack.gql(second, APPROVE, { p: a.profileId }), 'approve');
}

/** Which side of a hybrid account writes. Set in the database: the API has no mutation for it yet. */
export async function setHybridWriter(stack: TestStack, profileId: string, writer: 'api' | 'browser'): Promise<void> {
  await stack.ds.query('UPDATE browser_profiles SET hybrid_writer = $2, updated_at = now() WHERE id = $1', [
    profileId,
    writer,
  ]);
}

export async function profileRunner(stack: TestStack, profileId: string): Promise<string | null> {
  const [row] = await stack.ds.query<{ runner_id: string | null }[]>(
    'SELECT runner_id FROM browser_profiles WHERE id = $1',
    [profileId],
  );
  return row!.runner_id;
}

/** The job's idempotency key: the one the API lane sends as Idempotency-Key. */
export async function jobIdempotencyKey(stack: TestStack, jobId: string): Promise<string> {
  const [row] = await stack.ds.query<{ idempotency_key: string }[]>(
    'SELECT idempotency_key FROM publish_jobs WHERE id = $1',
    [jobId],
  );
  return row!.idempotency_key;
}

/** The platform's request log, by route: which side (API or page) actually wrote. */
export async function platformWrites(stack: TestStack): Promise<{ apiPosts: (string | null)[]; composeForms: number }> {
  const log = await stack.sandboxAdmin.listRequests();
  return {
    apiPosts: log.filter((r) => r.method === 'POST' && r.path === '/posts').map((r) => r.idempotencyKey),
    composeForms: log.filter((r) => r.method === 'POST' && r.path === '/compose').length,
  };
}

/** Runners started by one test file; each is closed once, whoever asks first. */
export class Runners {
  private readonly open = new Map<string, RunningBrowserRunner>();

  constructor(private readonly stack: TestStack) {}

  async start(): Promise<RunningBrowserRunner> {
    const r = await startTestBrowserRunner(this.stack);
    this.open.set(r.runnerId, r);
    return r;
  }

  async close(runnerId: string): Promise<void> {
    const r = this.open.get(runnerId);
    this.open.delete(runnerId);
    await r?.close();
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.open.keys()]) await this.close(id);
  }
}

/**
 * Sandbox runners the routing would pick right now (beat within RUNNER_STALE_MS, not stopped): anything left by an earlier test
 * file of this run (a crash skips `close()`) would take this file's attempts, so a test that needs none waits it out.
 */
export async function waitForNoLiveRunner(stack: TestStack, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await stack.ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM browser_runners
        WHERE stopped_at IS NULL AND 'sandbox' = ANY (platforms) AND heartbeat_at > now() - make_interval(secs => $1)`,
      [RUNNER_STALE_MS / 1000],
    );
    if (Number(row!.n) === 0) return;
    if (Date.now() > deadline) throw new Error(`${row!.n} sandbox runner(s) still alive from elsewhere`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
