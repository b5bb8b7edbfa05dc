import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { loadTemporalConfig } from '../../../services/core/config/temporal-config';
import type { CrashPoint } from '../../../services/worker/crash-point';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { temporalClient } from '../../harness/test-env';
import { creationEpisodes } from './creation-episodes';
import type { HeldWorker, WorkerLife } from './crash-worker';
import { holdWorker } from './crash-worker';
import { engagementEpisodes } from './engagement-episodes';
import type { Episode, EpisodeDriver } from './episode';
import { activitySequence } from './episode';
import { publishEpisodes } from './publish-episodes';
import { seededRandom, seedFromEnv } from './seeded-random';
import type { Boundary, EpisodeKind, PerKind, Trial } from './trial-plan';
import { boundariesOf, boundaryName, EPISODE_KINDS, intoLives, planTrials } from './trial-plan';

// How many kills (RAIZE_CRASH_TRIALS, 100 by default: 40 publish, 30 creation, 30 engagement) and which ones
// (RAIZE_CRASH_SEED, printed with the results so a failing run can be repeated).
const TRIALS = Number(process.env.RAIZE_CRASH_TRIALS ?? 100);
const SEED = seedFromEnv();
const COUNTS: PerKind<number> = (() => {
  const publish = Math.round(TRIALS * 0.4);
  const creation = Math.round(TRIALS * 0.3);
  return { publish, creation, engagement: TRIALS - publish - creation };
})();
// Episodes killed in one worker life: every parked activity holds a worker slot until the kill, and the creation lane
// has four (temporal.yaml).
const PER_LIFE: PerKind<number> = { publish: 6, creation: 4, engagement: 5 };
/** after a boundary parked, how long a life waits for the next one before it dies with the ones reached */
const PARK_WAIT_MS = 30_000;
const LIFE_DEADLINE_MS = 180_000;
/** a run killed in its last life waits out its activity's start-to-close (two minutes at most) and its retry */
const SETTLE_DEADLINE_MS = 8 * 60_000;
const MAX_REDO_ROUNDS = 4;
/**
 * How long a killed activity takes to come back: Temporal retries it only after its start-to-close (or heartbeat)
 * timeout, set in the workflows' proxies. Only orders the lives (longest first); nothing is asserted on it.
 */
const RECOVERY_SECONDS: Record<string, number> = {
  scheduleApprovedItem: 120,
  guardedReply: 120,
  routeMessage: 60,
  draftReply: 60,
  recordInbound: 60,
  markConversation: 60,
  guardedPublish: 20,
};
const recovery = (t: Trial) => RECOVERY_SECONDS[t.boundary.activity] ?? 30;

const secs = (ms: number) => `${Math.round(ms / 1000)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stderr.write(`[crash matrix] ${line}\n`);

describe('[C-53] the crash matrix: the worker killed at every activity boundary of the publish, creation and engagement episodes', () => {
  let stack: TestStack;
  let temporal: { client: Client; close: () => Promise<void> };
  let drivers: PerKind<EpisodeDriver>;
  let life: WorkerLife | undefined;
  /** the next worker process, loaded while the current one lives */
  let next: HeldWorker | undefined;
  const nextLife = (o?: Parameters<HeldWorker['start']>[0]): Promise<WorkerLife> => {
    const held = next ?? holdWorker(stack);
    next = holdWorker(stack);
    return held.start(o);
  };
  const episodes: { episode: Episode; trial?: Trial }[] = [];
  const boundaries = {} as PerKind<Boundary[]>;
  let operating = true;
  let operator: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    const queues = loadTemporalConfig().taskQueues;
    // The guard's start-to-close is short, so a publish attempt killed in flight comes back in seconds; it still fits
    // every connector call of one attempt (the worker checks that when it starts).
    stack = await startTestStack({
      connectorTimeoutMs: 1500,
      env: {
        // The worker runs each lane on temporal.yaml's own queue: the API and the ingest start episodes there too.
        RAIZE_TASK_QUEUE: queues.publish,
        RAIZE_PUBLISH_TIMEOUT_SECONDS: '20',
        RAIZE_CONNECTOR_TIMEOUT_MS: '1500',
        RAIZE_ARTIFACTS_DIR: mkdtempSync(join(tmpdir(), 'raize-crash-artifacts-')),
      },
    });
    temporal = await temporalClient({ dataDir: stack.dataDir });
    drivers = {
      publish: await publishEpisodes(stack, temporal.client),
      creation: await creationEpisodes(stack, temporal.client, queues.creation),
      engagement: await engagementEpisodes(stack, temporal.client, queues.engagement),
    };
    // The operators: approve what waits for them, across every worker life.
    operator = (async () => {
      while (operating) {
        await Promise.all(EPISODE_KINDS.map((k) => drivers[k].operate().catch(() => undefined)));
        await sleep(300);
      }
    })();
  }, 300_000);

  afterAll(async () => {
    operating = false;
    await operator;
    await life?.kill();
    next?.discard();
    for (const k of EPISODE_KINDS) await drivers?.[k].close().catch(() => undefined);
    await temporal?.close();
    await stack?.close();
  });

  const verdicts = async () =>
    Promise.all(episodes.map(async (e) => ({ ...e, verdict: await drivers[e.episode.kind].verdict(e.episode) })));

  /** Polls until every episode ended (or the deadline), and answers the last verdicts. */
  async function settle(deadlineMs: number): Promise<Awaited<ReturnType<typeof verdicts>>[number][]> {
    const start = Date.now();
    let said = start;
    for (;;) {
      const v = await verdicts();
      if (v.every((e) => e.verdict.ended) || Date.now() > start + deadlineMs) return v;
      if (Date.now() - said > 30_000) {
        said = Date.now();
        log(
          `${v.filter((e) => e.verdict.ended).length}/${v.length} runs ended after ${Math.round((said - start) / 1000)} s`,
        );
      }
      await sleep(2000);
    }
  }

  it('[C-53] records every activity boundary of the three episodes from a real run without crashes', async () => {
    const runs = await Promise.all(EPISODE_KINDS.map((k) => drivers[k].start(1)));
    episodes.push(...runs.flat().map((episode) => ({ episode })));
    life = await nextLife();
    const done = await settle(180_000);
    expect(done.filter((e) => !e.verdict.ended).map((e) => `${e.episode.kind}: ${e.verdict.seen}`)).toEqual([]);
    await life.kill();
    life = undefined;
    for (const [i, k] of EPISODE_KINDS.entries()) {
      const sequence = await activitySequence(temporal.client, runs[i]![0]!.workflowId);
      boundaries[k] = boundariesOf(sequence);
      log(`${k}: ${sequence.join(' → ')} (${boundaries[k].length} boundaries)`);
    }
    // The side effect of each episode is among its boundaries: the dangerous one is right after it.
    expect(boundaries.publish.map(boundaryName)).toContain('guardedPublish#1:after');
    expect(boundaries.creation.map(boundaryName)).toContain('scheduleApprovedItem#1:after');
    expect(boundaries.engagement.map(boundaryName)).toContain('guardedReply#1:after');
  }, 300_000);

  it(
    '[C-53] kills at each boundary and at seeded random ones: exactly one post, reply or scheduled item each, and every episode ends',
    async () => {
      expect(Object.keys(boundaries)).toHaveLength(EPISODE_KINDS.length);
      const rand = seededRandom(SEED);
      const trials = planTrials(boundaries, COUNTS, rand);
      const queue = intoLives(trials, PER_LIFE, rand, recovery);
      log(`seed ${SEED}: ${trials.length} trials in ${queue.length} worker lives`);
      const hit = new Map<number, Trial>();
      let redo = 0;
      const started = Date.now();

      let missedSoFar: Trial[] = [];
      for (let n = 1; queue.length || (missedSoFar.length && redo < MAX_REDO_ROUNDS); n++) {
        // A boundary a run did not reach in its life is tried again on a fresh run (its first run is still judged).
        if (!queue.length) {
          redo++;
          queue.push(...intoLives(missedSoFar, PER_LIFE, rand, recovery));
          missedSoFar = [];
        }
        const batch = queue.shift()!;
        const lifeStart = Date.now();
        // Started while no worker runs, so every activity of these runs happens in the life that kills them.
        const byKind = (k: EpisodeKind) => batch.filter((t) => t.kind === k);
        const runs = await Promise.all(EPISODE_KINDS.map((k) => drivers[k].start(byKind(k).length)));
        const points: CrashPoint[] = [];
        const mine: { episode: Episode; trial?: Trial }[] = [];
        EPISODE_KINDS.forEach((k, i) =>
          byKind(k).forEach((trial, j) => {
            const episode = runs[i]![j]!;
            mine.push({ episode, trial });
            points.push({ ...trial.boundary, workflowId: episode.workflowId });
          }),
        );
        episodes.push(...mine);
        const made = Date.now();
        const current = await nextLife({ points, waitMs: PARK_WAIT_MS });
        life = current;
        const up = Date.now();
        let timer: NodeJS.Timeout | undefined;
        const how = await Promise.race([
          current.ended,
          new Promise<string>((resolve) => {
            timer = setTimeout(() => resolve(current.kill()), LIFE_DEADLINE_MS);
          }),
        ]);
        clearTimeout(timer);
        const parked = current.parked();
        life = undefined;
        const missed: Trial[] = [];
        for (const run of mine) {
          if (parked.some((p) => p.workflowId === run.episode.workflowId)) hit.set(run.trial!.id, run.trial!);
          else {
            missed.push(run.trial!);
            // Its run is still judged, as a bystander of the kill; the trial goes to a fresh run.
            run.trial = undefined;
          }
        }
        log(
          `life ${n}: ${parked.length}/${batch.length} boundaries reached, ${how} (runs started in ${secs(made - lifeStart)}, ` +
            `worker up in ${secs(up - made)}, killed ${secs(Date.now() - up)} later; ${secs(Date.now() - started)} in all)` +
            (missed.length ? `; missed ${missed.map((t) => `${t.kind} ${boundaryName(t.boundary)}`).join(', ')}` : ''),
        );
        missedSoFar.push(...missed);
      }

      // The last life: no crash points; every run killed before must come back and end.
      life = await nextLife();
      next?.discard();
      next = undefined;
      const lastLife = Date.now();
      const final = await settle(SETTLE_DEADLINE_MS);
      log(`settled ${secs(Date.now() - lastLife)} after the crash-free worker started`);
      const judged = final.filter((e) => e.trial);
      const name = (e: (typeof final)[number]) =>
        `${e.episode.kind} ${e.trial ? boundaryName(e.trial.boundary) : '(no kill point)'} ${e.episode.workflowId}: ${e.verdict.seen}`;
      const duplicates = final.filter((e) => e.verdict.made > 1 || e.verdict.twice.length);
      const lost = final.filter((e) => e.verdict.made === 0);
      const stuck = final.filter((e) => !e.verdict.ended);
      const count = (k: EpisodeKind) => judged.filter((e) => e.trial!.kind === k).length;
      log(
        `crash matrix: ${judged.length} trials (publish ${count('publish')}, creation ${count('creation')}, engagement ${count('engagement')}), ` +
          `${EPISODE_KINDS.reduce((s, k) => s + boundaries[k].length, 0)} boundaries, ${duplicates.length} duplicates, ` +
          `${lost.length} lost, ${judged.filter((e) => e.verdict.ended).length} episodes ended (seed ${SEED}) ` +
          `in ${Math.round((Date.now() - started) / 1000)} s`,
      );
      expect(duplicates.map(name)).toEqual([]);
      expect(lost.map(name)).toEqual([]);
      expect(stuck.map(name)).toEqual([]);
      // Every boundary of every episode was killed at least once (the matrix), and every trial's boundary was reached.
      for (const k of EPISODE_KINDS.filter((kind) => COUNTS[kind] >= boundaries[kind].length)) {
        const killed = new Set([...hit.values()].filter((t) => t.kind === k).map((t) => boundaryName(t.boundary)));
        expect(boundaries[k].map(boundaryName).filter((b) => !killed.has(b))).toEqual([]);
      }
      expect(hit.size).toBe(trials.length);
    },
    45 * 60_000,
  );
});
