import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Lane } from '../../../services/core/config/temporal-config';
import { loadTemporalConfig } from '../../../services/core/config/temporal-config';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, sandboxPostsBy, schedulePost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { temporalClient } from '../../harness/test-env';
import type { Backlog } from './task-queue-state';
import { backlogOf, total, untilPolled } from './task-queue-state';
import type { FloodClient } from './flood';
import { seedCreationItems, seedFloodClient, startFlood, untouchedEpisodes } from './flood';
import type { LaneRig, RigOptions } from './lane-rig';
import { startLaneWorkers, startSharedWorker } from './lane-rig';
import { slowModelGateway } from './slow-model-gateway';
import type { RunTasks, TaskWait } from './task-latency';
import { longest, taskWaits } from './task-latency';

/** C-26's promise, as a number: no task of a due publish waits longer than this for a worker slot. */
const BOUND_MS = 2000;
/** Due time → the post exists on the platform: the wait bound plus the guarded publish's own work. */
const ON_TIME_MS = 5000;
/** Per case: real planning episodes (each opens its own plan from the template) and real creation episodes. */
const PLANS = 1600;
const ITEMS = 500;
/** A planner or creator model call, as the slot sees it. */
const MODEL_CALL_MS = 1000;
/** "still large": what the flood must have left waiting when the publish is due and when it went out. */
const MIN_BACKLOG = 1000;
/** The publish is due this long after the workers started on the queued flood: in the middle of it. */
const DUE_AFTER_START_MS = 5000;
/** How long after the due time a case keeps reading the publish's history at most. */
const LOOK_MS = 60_000;

interface Outcome {
  waits: TaskWait[];
  backlogAtDue: Backlog;
  /** flood episodes that had not yet done their first step (database count), at due and when the case stopped */
  untouchedAtDue: number;
  untouchedAfter: number;
  /** due → the platform's post; null: not published when the case stopped looking */
  lateMs: number | null;
  /** how long after the due time the case last looked */
  lookedPastDueMs: number;
  flooded: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The figures behind the assertions, on stderr as the harness reports its own (docs/architecture.md quotes a run). */
function show(label: string, o: Outcome, modelCalls: number): void {
  const waits = o.waits.map((w) => `${w.kind}:${w.name}=${w.waitedMs}ms${w.startedAt === null ? '(waiting)' : ''}`);
  const published = o.lateMs === null ? `not by ${o.lookedPastDueMs} ms after due` : `${o.lateMs} ms after due`;
  process.stderr.write(
    `\n[lanes] ${label}: ${o.flooded} episodes flooded; server backlog at due ${JSON.stringify(o.backlogAtDue)}; ` +
      `episodes not past their first step ${o.untouchedAtDue} at due, ${o.untouchedAfter} after; ` +
      `model calls so far ${modelCalls}; published ${published}; longest wait ${longest(o.waits)?.waitedMs} ms\n` +
      `  ${waits.join(' ')}\n`,
  );
}

/**
 * C-26 under load (real Temporal dev server, Postgres, OPA wasm, sandbox platform): thousands of real planning and
 * creation tasks queue up, and a publish falls due in the middle of them. With the lanes (temporal.yaml's queues and
 * slots, createLaneWorkers) its tasks start at once; with the same flood on one shared queue they wait behind it.
 * The model calls of the flood are a labelled test double that takes a second (slow-model-gateway.ts).
 */
describe('[C-26] lanes under load (real Temporal, Postgres, sandbox)', () => {
  let stack: TestStack;
  let temporal: { client: Client; close: () => Promise<void> };
  let flood: FloodClient;
  let items: { planId: string; itemId: string }[];
  const runTag = randomUUID().slice(0, 8);
  const yaml = loadTemporalConfig();
  // temporal.yaml's own queue names, made unique to this run: two lanes given one queue there share one here too.
  const laneQueue = (lane: Lane) => `${yaml.taskQueues[lane]}-${runTag}`;
  const model = slowModelGateway(MODEL_CALL_MS);
  const rig = (queueFor: (l: Lane) => string): RigOptions => ({
    queueFor,
    providers: model.gateway,
    connectorTimeoutMs: 1500,
  });

  beforeAll(async () => {
    // The API starts publishing episodes on the publish lane's queue of this run.
    // The planner's and creator's model calls reach the double through the stack's tool gateway (issue #16).
    stack = await startTestStack({
      connectorTimeoutMs: 1500,
      env: { RAIZE_TASK_QUEUE: laneQueue('publish') },
      gatewayProviders: model.gateway,
    });
    temporal = await temporalClient();
    flood = await seedFloodClient(stack, temporal.client);
    items = await seedCreationItems(stack, flood, 2 * ITEMS);
  }, 120_000);
  afterAll(async () => {
    // The flood's episodes stay open on queues nobody polls any more; the run's in-memory server is dropped at the
    // end, and terminating thousands here would only load it while the next file runs.
    await temporal?.close();
    await stack?.close();
  });

  /**
   * A publish due in the middle of a flood on `queues`, served by the workers `start` makes; measured from its own
   * history. The flood is queued first (starting thousands of episodes is the slow part, and a backlog that built up
   * is what C-26 is about), then the workers start on it and the publish falls due while they work through it.
   */
  async function publishInFlood(
    start: () => Promise<LaneRig>,
    queues: { planning: string; creation: string },
    o: {
      tag: string;
      items: { planId: string; itemId: string }[];
      /** when to stop reading: `progressed` counts flood episodes that took their first step since the due time */
      enough: (run: RunTasks, posted: boolean, progressed: number, pastDueMs: number) => boolean;
    },
  ): Promise<Outcome> {
    const t = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, `Due in the middle of a flood (${o.tag})`);
    const flooded = await startFlood(temporal.client, flood, queues, { plans: PLANS, items: o.items, tag: o.tag });
    const startedAt = Date.now();
    const workers = await start();
    try {
      await untilPolled(temporal.client, laneQueue('publish'), startedAt);
      const due = new Date(Date.now() + DUE_AFTER_START_MS);
      const post = await schedulePost(stack, t.users.author, {
        clientId: t.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        inSeconds: 0,
        at: due,
      });
      await sleep(due.getTime() - Date.now());
      const backlog = async () => {
        const [p, c] = await Promise.all([
          backlogOf(temporal.client, queues.planning),
          backlogOf(temporal.client, queues.creation),
        ]);
        // One queue in the control: counted once.
        if (queues.planning === queues.creation) return p;
        return { workflowTasks: p.workflowTasks + c.workflowTasks, activityTasks: p.activityTasks + c.activityTasks };
      };
      const untouched = () => untouchedEpisodes(stack, flood, { plans: PLANS, items: o.items, tag: o.tag });
      const [backlogAtDue, untouchedAtDue] = await Promise.all([backlog(), untouched()]);
      const deadline = Date.now() + LOOK_MS;
      let run: RunTasks = { waits: [], closed: false };
      let posted: { createdAt: string }[] = [];
      let left = untouchedAtDue;
      for (;;) {
        [run, posted, left] = await Promise.all([
          taskWaits(temporal.client, post.workflowId),
          sandboxPostsBy(stack, acc.sandboxUserId),
          untouched(),
        ]);
        const pastDueMs = Date.now() - due.getTime();
        if (o.enough(run, posted.length > 0, untouchedAtDue - left, pastDueMs) || Date.now() > deadline) break;
        await sleep(500);
      }
      const lateMs = posted.length ? Date.parse(posted[0].createdAt) - due.getTime() : null;
      const lookedPastDueMs = Date.now() - due.getTime();
      return {
        waits: run.waits,
        backlogAtDue,
        untouchedAtDue,
        untouchedAfter: left,
        lateMs,
        lookedPastDueMs,
        flooded,
      };
    } finally {
      await workers.stop();
    }
  }

  it('[C-26] with each lane on its own queue and slots, a publish due in a flood of planning and creation work waits under 2 s for every task and goes out on time', async () => {
    const out = await publishInFlood(
      () => startLaneWorkers(rig(laneQueue)),
      { planning: laneQueue('planning'), creation: laneQueue('creation') },
      // Until the episode has closed: every task of the publish, up to the end of its proof, is measured.
      { tag: 'lanes', items: items.slice(0, ITEMS), enough: (r, posted) => posted && r.closed },
    );
    show('lanes', out, model.calls());
    expect(out.flooded).toBe(PLANS + ITEMS);
    // The lanes' workers were working through the flood, and most of it still waited when the publish was due and done.
    expect(out.untouchedAfter).toBeLessThan(out.flooded);
    expect(total(out.backlogAtDue)).toBeGreaterThanOrEqual(MIN_BACKLOG);
    expect(out.untouchedAtDue).toBeGreaterThanOrEqual(MIN_BACKLOG);
    expect(out.untouchedAfter).toBeGreaterThanOrEqual(MIN_BACKLOG);
    // Every workflow task and activity of the publish, from its start to the end of its proof.
    expect(out.waits.filter((w) => w.kind === 'activity').length).toBeGreaterThanOrEqual(2);
    expect(longest(out.waits)!.waitedMs).toBeLessThanOrEqual(BOUND_MS);
    expect(out.lateMs).not.toBeNull();
    expect(out.lateMs!).toBeLessThanOrEqual(ON_TIME_MS);
  }, 180_000);

  it('[C-26] control: the same flood on one shared queue with one worker delays the same publish beyond the bound', async () => {
    const shared = laneQueue('publish');
    const out = await publishInFlood(
      () => startSharedWorker(rig(() => shared)),
      { planning: shared, creation: shared },
      // Until one task has plainly waited past the bound while the worker got on with the flood, and the post is late
      // by more than the lanes case allows (or it went out after all).
      {
        tag: 'shared',
        items: items.slice(ITEMS),
        enough: (r, posted, progressed, pastDueMs) =>
          posted || (progressed > 0 && (longest(r.waits)?.waitedMs ?? 0) > 3 * BOUND_MS && pastDueMs > ON_TIME_MS),
      },
    );
    show('shared', out, model.calls());
    expect(total(out.backlogAtDue)).toBeGreaterThanOrEqual(MIN_BACKLOG);
    expect(out.untouchedAtDue).toBeGreaterThanOrEqual(MIN_BACKLOG);
    // The one worker was serving the queue all along: flood episodes moved on while the publish waited.
    expect(out.untouchedAfter).toBeLessThan(out.untouchedAtDue);
    // What the lanes prevent: the due publish's tasks queue behind the flood, and it goes out late.
    expect(longest(out.waits)!.waitedMs).toBeGreaterThan(BOUND_MS);
    expect(out.lateMs ?? out.lookedPastDueMs).toBeGreaterThan(ON_TIME_MS);
  }, 180_000);
});
