import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type {
  DecisionRefInput,
  GuardedPublishInput,
  GuardedPublishOutcome,
  PublishRoute,
  RecordApprovalResult,
  RecordStatusInput,
  VerifiedDecision,
} from '../contracts/publish-activities.contract';
import type {
  PublishStatusView,
  PublishWorkflowInput,
  PublishWorkflowOptions,
  PublishWorkflowResult,
} from '../contracts/publish.contract';
import {
  approveSignal,
  approveUpdate,
  cancelSignal,
  recheckSignal,
  rejectSignal,
  rescheduleSignal,
  statusQuery,
} from '../contracts/publish.contract';
import { publishStatusKey } from '../contracts/search-attributes';
import type { PublishStatus } from '../contracts/vocabulary/publish-status';
import type { Reason } from '../contracts/vocabulary/reason-codes';
import { publishPostWorkflow } from './publish.workflow';

// A real (local, offline) Temporal dev server instead of the time-skipping test server, which this build cannot
// download: timers are kept short instead of skipped (docs/adr/0005-workflow-specs-without-time-skipping.md).

const CHECKSUM = 'c'.repeat(64);
const OPTIONS: PublishWorkflowOptions = { pauseRecheckSeconds: 3600, verifyIntervalSeconds: 0.05, verifyAttempts: 3 };
const published = (verified = true): GuardedPublishOutcome => ({
  kind: 'published',
  postId: 'p-1',
  url: 'https://sandbox.test/p-1',
  verified,
  reconciled: false,
});
const denied = (...codes: string[]): GuardedPublishOutcome => ({
  kind: 'denied',
  reasons: codes.map((code) => ({ code, message: code })),
});
const reasons = (...codes: string[]): Reason[] => codes.map((code) => ({ code, message: code }));

interface Script {
  needsApproval?: boolean;
  prepareReasons?: Reason[];
  /** one outcome per guardedPublish call, the last one repeats; a function may wait */
  publish?: (GuardedPublishOutcome | (() => Promise<GuardedPublishOutcome>))[];
  /** the approval activity's answer for a decision reference (the spec names references after their approver) */
  approve?: (input: DecisionRefInput, call: number) => Promise<RecordApprovalResult> | RecordApprovalResult;
  /** the decision activity's answer for a reject, cancel or reschedule reference; valid by `operator` by default */
  decide?: (input: DecisionRefInput) => VerifiedDecision;
  verify?: boolean[];
  /** where each attempt runs (routePublish); the last one repeats; default the publish workers */
  route?: PublishRoute[];
}

/** Mocked publish activities that remember how they were called. */
function mockActivities(script: Script = {}) {
  const calls = {
    statuses: [] as RecordStatusInput[],
    approvals: [] as DecisionRefInput[],
    decisions: [] as DecisionRefInput[],
    publishes: [] as GuardedPublishInput[],
    verifies: 0,
    routes: 0,
  };
  const activities = {
    async preparePublish() {
      return {
        needsApproval: script.needsApproval ?? false,
        reasons: script.prepareReasons ?? (script.needsApproval ? reasons('approval_required') : []),
      };
    },
    async recordApprovalDecision(input: DecisionRefInput): Promise<RecordApprovalResult> {
      calls.approvals.push(input);
      return script.approve
        ? script.approve(input, calls.approvals.length)
        : { accepted: true, approvalId: `approval-${calls.approvals.length}` };
    },
    async verifyDecision(input: DecisionRefInput): Promise<VerifiedDecision> {
      calls.decisions.push(input);
      return script.decide ? script.decide(input) : { valid: true, actorId: 'operator' };
    },
    async recordPublishStatus(input: RecordStatusInput): Promise<void> {
      calls.statuses.push(input);
    },
    async guardedPublish(input: GuardedPublishInput): Promise<GuardedPublishOutcome> {
      calls.publishes.push(input);
      const list = script.publish ?? [published()];
      const next = list[Math.min(calls.publishes.length, list.length) - 1];
      return typeof next === 'function' ? next() : next;
    },
    async routePublish(): Promise<PublishRoute> {
      calls.routes += 1;
      const list = script.route ?? [{ kind: 'worker' }];
      return list[Math.min(calls.routes, list.length) - 1]!;
    },
    async verifyPublishedPost() {
      calls.verifies += 1;
      return { verified: script.verify?.[calls.verifies - 1] ?? false };
    },
  };
  return { activities, calls, recorded: () => calls.statuses.map((s) => s.status) };
}

describe('publishPostWorkflow (mocked activities, local dev server)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      // another spec in this jest worker installed the runtime already
    }
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: toolPath('temporal') },
        searchAttributes: [publishStatusKey],
        ip: '127.0.0.1',
      },
    });
    workflowBundle = {
      code: (
        await bundleWorkflowCode({
          workflowsPath: require.resolve('./publish.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });

  afterAll(() => env?.teardown());

  /** Runs one episode on a fresh queue and workflow id; `drive` steers it while the worker runs. */
  async function episode<T>(
    mock: ReturnType<typeof mockActivities>,
    drive: (h: WorkflowHandle<typeof publishPostWorkflow>) => Promise<T>,
    slot: { slotInMs?: number; runner?: { taskQueue: string; activities: object } } = {},
  ): Promise<T> {
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: mock.activities,
    });
    // A browser runner's own worker: its queue takes only the attempts routed to it.
    const runner = slot.runner ? await Worker.create({ connection: env.nativeConnection, ...slot.runner }) : undefined;
    const run = <R>(fn: () => Promise<R>) => (runner ? runner.runUntil(fn) : fn());
    return run(() =>
      worker.runUntil(async () => {
        const handle = await env.client.workflow.start(publishPostWorkflow, {
          taskQueue,
          workflowId: `publish-spec-${randomUUID()}`,
          args: [episodeInput(slot.slotInMs ?? 300)],
        });
        return drive(handle);
      }),
    );
  }

  /** The slot counts from the start, after the worker is up (creating one takes about a second). */
  function episodeInput(slotInMs: number): PublishWorkflowInput {
    return {
      jobId: randomUUID(),
      agencyId: randomUUID(),
      clientId: randomUUID(),
      platformAccountId: randomUUID(),
      platform: 'sandbox',
      assetId: randomUUID(),
      assetChecksum: CHECKSUM,
      idempotencyKey: 'k'.repeat(64),
      scheduledAt: new Date(Date.now() + slotInMs).toISOString(),
      timezone: 'Europe/Berlin',
      authorId: 'author',
      options: OPTIONS,
    };
  }

  async function until(h: WorkflowHandle, ok: (v: PublishStatusView) => boolean): Promise<PublishStatusView> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const view = await h.query(statusQuery);
      if (ok(view)) return view;
      if (Date.now() > deadline) throw new Error(`the episode did not get there; last view: ${JSON.stringify(view)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const inStatus =
    (...s: PublishStatus[]) =>
    (v: PublishStatusView) =>
      s.includes(v.status);
  /** A decision reference; the mocked activity plays the database that recorded it. */
  const ref = (decisionId: string) => ({ decisionId });
  const approval = ref;

  it('an accepted approval update answers the caller; the post goes out at its slot, the guard recording `publishing`', async () => {
    const mock = mockActivities({ needsApproval: true });
    const { answer, result, history } = await episode(
      mock,
      async (h) => {
        await until(h, inStatus('awaiting_approval'));
        const answer = await h.executeUpdate(approveUpdate, { args: [approval('approver')] });
        const result = await h.result();
        return { answer, result, history: await h.fetchHistory() };
      },
      { slotInMs: 1500 },
    );
    expect(answer).toEqual({ accepted: true, approvalId: 'approval-1' });
    expect(result.status).toBe('verified');
    expect(mock.recorded()).toEqual(['awaiting_approval', 'approved']);
    expect(mock.calls.publishes).toHaveLength(1);
    expect(mock.calls.publishes[0]).toMatchObject({ recordPublishing: true, approvalIds: ['approval-1'] });
    await recordReplayFixture('publish-decision-approved-verified', { fetchHistory: async () => history });
  });

  it('[C-21] a refused approval update comes back to the caller at once; the post keeps waiting for someone who may approve', async () => {
    const mock = mockActivities({
      needsApproval: true,
      approve: (i, n) =>
        i.decisionId === 'author'
          ? {
              accepted: false as const,
              refusal: 'four_eyes' as const,
              reason: 'four eyes: the author cannot approve their own post',
            }
          : { accepted: true, approvalId: `approval-${n}` },
    });
    const { refused, view, result } = await episode(mock, async (h) => {
      await until(h, inStatus('awaiting_approval'));
      const refused = await h.executeUpdate(approveUpdate, { args: [approval('author')] });
      const view = await h.query(statusQuery);
      await h.executeUpdate(approveUpdate, { args: [approval('reviewer')] });
      const result: PublishWorkflowResult = await h.result();
      return { refused, view, result };
    });
    expect(refused.accepted ? 'accepted' : refused.reason).toMatch(/^four eyes/);
    expect(view.status).toBe('awaiting_approval');
    expect(view.approvals).toEqual([]);
    // The view lists refused signals only: the update's caller already has its answer.
    expect(view.refusedApprovals).toEqual([]);
    expect(view.refusedDecisions).toEqual([]);
    expect(result.status).toBe('verified');
    expect(mock.calls.publishes[0].approvalIds).toEqual(['approval-2']);
  });

  it('the validator refuses at once, with nothing recorded, when the post is already going out', async () => {
    const mock = mockActivities({
      needsApproval: false,
      publish: [() => new Promise<GuardedPublishOutcome>((r) => setTimeout(() => r(published()), 3000))],
    });
    const err = await episode(
      mock,
      async (h) => {
        await until(h, inStatus('publishing'));
        const e = await h.executeUpdate(approveUpdate, { args: [approval('approver')] }).catch((x: unknown) => x);
        await h.result();
        return e;
      },
      { slotInMs: 0 },
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause?.message).toMatch(/no longer waits for an approval/);
    expect(mock.calls.approvals).toHaveLength(0);
  });

  it('an approval sent before the episode asked for one is recorded and counts', async () => {
    const mock = mockActivities({ needsApproval: false });
    const res = await episode(
      mock,
      async (h) => {
        await until(h, inStatus('scheduled'));
        const r = await h.executeUpdate(approveUpdate, { args: [approval('approver')] });
        await h.signal(cancelSignal, ref('stop'));
        await h.result();
        return r;
      },
      { slotInMs: 3_600_000 },
    );
    expect(res).toEqual({ accepted: true, approvalId: 'approval-1' });
    expect(mock.calls.approvals).toHaveLength(1);
  });

  it('[C-22] repeated approvals by the same approver of the same content make one approval and get the same answer', async () => {
    const mock = mockActivities({
      needsApproval: true,
      approve: async (_i, n) => {
        await new Promise((r) => setTimeout(r, 300));
        return { accepted: true, approvalId: `approval-${n}` };
      },
    });
    const { answers, later } = await episode(
      mock,
      async (h) => {
        await until(h, inStatus('awaiting_approval'));
        const answers = await Promise.all(
          [1, 2, 3].map(() => h.executeUpdate(approveUpdate, { args: [approval('approver')] })),
        );
        await until(h, inStatus('approved', 'verified'));
        const later = await h.executeUpdate(approveUpdate, { args: [approval('approver')] }).catch((e: Error) => e);
        await h.result();
        return { answers, later };
      },
      { slotInMs: 1500 },
    );
    expect(answers).toEqual([1, 2, 3].map(() => ({ accepted: true, approvalId: 'approval-1' })));
    expect(later).toEqual({ accepted: true, approvalId: 'approval-1' });
    expect(mock.calls.approvals).toHaveLength(1);
    expect(mock.calls.publishes).toHaveLength(1);
    expect(mock.calls.publishes[0].approvalIds).toEqual(['approval-1']);
  });

  it('the approve signal still works for running workflows: refusals land in the view', async () => {
    const mock = mockActivities({
      needsApproval: true,
      approve: (i, n) =>
        i.decisionId === 'analyst'
          ? {
              accepted: false as const,
              refusal: 'role' as const,
              reason: 'role Analyst may not approve posts for this client',
            }
          : { accepted: true, approvalId: `approval-${n}` },
    });
    const { view, result } = await episode(mock, async (h) => {
      await until(h, inStatus('awaiting_approval'));
      await h.signal(approveSignal, approval('analyst'));
      const view = await until(h, (v) => v.refusedDecisions.length > 0);
      await h.signal(approveSignal, approval('approver'));
      const result: PublishWorkflowResult = await h.result();
      return { view, result };
    });
    expect(view.refusedDecisions.map((r) => `${r.decisionId}: ${r.reason}`)).toEqual([
      'analyst: role Analyst may not approve posts for this client',
    ]);
    expect(result.status).toBe('verified');
  });

  it('late re-approval: a missed slot voids the approval, and a fresh one means "publish now"', async () => {
    const mock = mockActivities({ needsApproval: true, publish: [denied('late'), published()] });
    const { approvedAt, result } = await episode(mock, async (h) => {
      await until(h, inStatus('awaiting_approval'));
      await h.executeUpdate(approveUpdate, { args: [approval('approver')] });
      const held = await until(h, (v) => v.status === 'awaiting_approval' && v.reasons.some((r) => r.code === 'late'));
      expect(held.approvals).toEqual([]);
      const approvedAt = Date.now();
      await h.executeUpdate(approveUpdate, { args: [approval('approver')] });
      return { approvedAt, result: await h.result() };
    });
    expect(result.status).toBe('verified');
    expect(mock.calls.approvals).toHaveLength(2);
    expect(mock.calls.publishes.map((p) => p.approvalIds)).toEqual([['approval-1'], ['approval-2']]);
    expect(Date.parse(mock.calls.publishes[1].scheduledAt)).toBeGreaterThanOrEqual(approvedAt - 1000);
  });

  it('reschedule moves the slot: a post an hour out goes out now, the new slot recorded with who moved it', async () => {
    const mock = mockActivities({
      decide: () => ({ valid: true, actorId: 'operator', scheduledAt: new Date(Date.now() + 200).toISOString() }),
    });
    const result = await episode(
      mock,
      async (h) => {
        await until(h, inStatus('scheduled'));
        await h.signal(rescheduleSignal, ref('move'));
        return h.result();
      },
      { slotInMs: 3_600_000 },
    );
    expect(result.status).toBe('verified');
    expect(mock.calls.statuses).toEqual([expect.objectContaining({ status: 'scheduled', actorId: 'operator' })]);
    expect(mock.calls.publishes).toHaveLength(1);
  });

  it('[C-20] a paused post waits, and a recheck asks the guard again at once', async () => {
    const mock = mockActivities({ publish: [denied('kill_switch'), published()] });
    const { paused, result } = await episode(mock, async (h) => {
      const paused = await until(h, inStatus('paused'));
      await new Promise((r) => setTimeout(r, 300));
      expect(mock.calls.publishes).toHaveLength(1);
      await h.signal(recheckSignal);
      return { paused, result: await h.result() };
    });
    expect(paused.reasons.map((r) => r.code)).toEqual(['kill_switch']);
    expect(result.status).toBe('verified');
    expect(mock.recorded()).toEqual(['paused']);
    expect(mock.calls.publishes).toHaveLength(2);
  });

  it('a cancel while the guarded publish runs comes too late: the post that went out is confirmed, not cancelled', async () => {
    let release!: () => void;
    const inFlight = new Promise<void>((r) => (release = r));
    const mock = mockActivities({ publish: [async () => inFlight.then(() => published())] });
    const result = await episode(mock, async (h) => {
      await until(h, inStatus('publishing'));
      await h.signal(cancelSignal, ref('stop'));
      release();
      return h.result();
    });
    expect(result.status).toBe('verified');
    expect(mock.recorded()).not.toContain('cancelled');
  });

  it('a cancel while paused ends the episode with nothing sent', async () => {
    const mock = mockActivities({ publish: [denied('quiet_hours')] });
    const result = await episode(mock, async (h) => {
      await until(h, inStatus('paused'));
      await h.signal(cancelSignal, ref('stop'));
      const result = await h.result();
      await recordReplayFixture('publish-paused-cancelled', h);
      return result;
    });
    expect(result.status).toBe('cancelled');
    expect(mock.calls.publishes).toHaveLength(1);
    expect(mock.calls.statuses.at(-1)).toMatchObject({ status: 'cancelled', actorId: 'operator' });
  });

  it('a post read back later is recorded `verified` by the workflow; one never read back is `unverified` (C-24)', async () => {
    const later = mockActivities({ publish: [published(false)], verify: [false, true] });
    expect((await episode(later, (h) => h.result())).status).toBe('verified');
    expect(later.recorded()).toEqual(['verified']);
    const never = mockActivities({ publish: [published(false)], verify: [] });
    expect((await episode(never, (h) => h.result())).status).toBe('unverified');
    expect(never.recorded()).toEqual(['unverified']);
    expect(never.calls.verifies).toBe(3);
  });

  it('an attempt for a browser-lane account runs on the queue of the runner holding its profile (issue #17)', async () => {
    const runnerQueue = `spec-runner-${randomUUID()}`;
    const onRunner: GuardedPublishInput[] = [];
    const mock = mockActivities({ route: [{ kind: 'runner', taskQueue: runnerQueue }], publish: [] });
    const result = await episode(
      mock,
      async (h) => {
        const result = await h.result();
        await recordReplayFixture('publish-browser-runner', h);
        return result;
      },
      {
        runner: {
          taskQueue: runnerQueue,
          activities: {
            async guardedPublish(input: GuardedPublishInput) {
              onRunner.push(input);
              return published();
            },
          },
        },
      },
    );
    expect(result.status).toBe('verified');
    expect(onRunner).toHaveLength(1);
    expect(mock.calls.publishes).toHaveLength(0);
  });

  it('no browser runner alive: the post waits paused and goes out when one takes it', async () => {
    const mock = mockActivities({
      route: [{ kind: 'unavailable', reasons: reasons('browser_runner_unavailable') }, { kind: 'worker' }],
    });
    const result = await episode(mock, async (h) => {
      const view = await until(h, inStatus('paused'));
      expect(view.reasons.map((r) => r.code)).toEqual(['browser_runner_unavailable']);
      await h.signal(recheckSignal);
      return h.result();
    });
    expect(result.status).toBe('verified');
    expect(mock.calls.routes).toBe(2);
    expect(mock.calls.publishes).toHaveLength(1);
  });

  it('a terminal denial ends the episode as denied with the reasons', async () => {
    const mock = mockActivities({ publish: [denied('cap_reached')] });
    const result = await episode(mock, async (h) => {
      const result = await h.result();
      await recordReplayFixture('publish-denied', h);
      return result;
    });
    expect(result).toEqual({ status: 'denied', reasons: reasons('cap_reached') });
  });

  it('[C-21] a message that names its approver instead of a recorded decision is refused; nothing reaches the activity', async () => {
    const mock = mockActivities({ needsApproval: true });
    const { err, view } = await episode(mock, async (h) => {
      await until(h, inStatus('awaiting_approval'));
      const forged = { approverId: 'any-reviewer', assetChecksum: CHECKSUM };
      const err = await h.executeUpdate(approveUpdate, { args: [forged] }).catch((e: unknown) => e);
      await h.signal(approveSignal, forged);
      const view = await until(h, (v) => v.refusedDecisions.length > 0);
      await h.signal(cancelSignal, ref('stop'));
      await h.result();
      return { err, view };
    });
    expect((err as WorkflowUpdateFailedError).cause?.message).toMatch(/not a reference to a recorded decision/);
    expect(view.approvals).toEqual([]);
    expect(view.refusedDecisions.map((r) => `${r.kind}:${r.decisionId}:${r.reason}`)).toEqual([
      'approve:null:not a reference to a recorded decision; only the API may decide about a post',
    ]);
    expect(mock.calls.approvals).toHaveLength(0);
  });

  it('[C-21] cancel, reject and reschedule act only on a reference the activity verified, with its actor', async () => {
    const mock = mockActivities({
      decide: (i) =>
        i.decisionId === 'genuine'
          ? { valid: true, actorId: 'manager', note: 'from the row' }
          : { valid: false, refusal: 'not_found', reason: 'no decision of that kind was recorded for this post' },
    });
    const { view, result } = await episode(
      mock,
      async (h) => {
        await until(h, inStatus('scheduled'));
        await h.signal(cancelSignal, { actorId: 'someone', reason: 'forged claim' });
        await h.signal(rejectSignal, ref('foreign'));
        await h.signal(rescheduleSignal, ref('forged'));
        const view = await until(h, (v) => v.refusedDecisions.length === 3);
        await h.signal(cancelSignal, ref('genuine'));
        return { view, result: await h.result() };
      },
      { slotInMs: 3_600_000 },
    );
    expect(view.status).toBe('scheduled');
    expect(view.refusedDecisions.map((r) => `${r.kind}:${r.decisionId}`)).toEqual([
      'cancel:null',
      'reject:foreign',
      'reschedule:forged',
    ]);
    expect(mock.calls.decisions.map((d) => `${d.kind}:${d.decisionId}`)).toEqual([
      'reject:foreign',
      'reschedule:forged',
      'cancel:genuine',
    ]);
    expect(result).toEqual({ status: 'cancelled', reasons: [{ code: 'cancelled', message: 'from the row' }] });
    expect(mock.calls.statuses.at(-1)).toMatchObject({ status: 'cancelled', actorId: 'manager' });
    expect(mock.calls.publishes).toHaveLength(0);
  });
});
