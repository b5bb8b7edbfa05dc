import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type {
  ReceiptCheckInput,
  ReceiptCheckOutcome,
  ReceiptRecheckInput,
  ReceiptRecheckOptions,
  UncheckedReceiptInput,
} from '../contracts/receipts.contract';
import { RECEIPT_RECHECK_OFFSETS_SECONDS, receiptStatusQuery } from '../contracts/receipts.contract';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';
import type { ReceiptCheckResult } from '../contracts/vocabulary/receipt-status';
import { receiptRecheckWorkflow } from './receipt-recheck.workflow';

// The local dev server (docs/adr/0005-workflow-specs-without-time-skipping.md): the schedule is shortened through
// the input, and the real one is read from the timer the workflow starts.

type Answer = ReceiptCheckResult | 'transient' | 'auth' | 'tenant';
const FAST: ReceiptRecheckOptions = { offsetsSeconds: [0.2, 0.4, 0.6], retryInitialSeconds: 0.05 };

/** Mocked receipt activities: one scripted answer per check (the last repeats), every call remembered. */
function mockActivities(answers: Answer[]) {
  const calls = { checks: [] as ReceiptCheckInput[], unchecked: [] as UncheckedReceiptInput[] };
  let receipt: ReceiptCheckOutcome['receipt'] = null;
  const activities = {
    async checkReceipt(input: ReceiptCheckInput): Promise<ReceiptCheckOutcome> {
      calls.checks.push(input);
      const a = answers[Math.min(input.checkNo, answers.length) - 1]!;
      if (a === 'transient')
        throw ApplicationFailure.create({ type: FAILURE_TYPES.transient, message: 'GET /posts/:id answered 503' });
      if (a === 'auth')
        throw ApplicationFailure.create({ type: FAILURE_TYPES.authError, message: 'refused', nonRetryable: true });
      if (a === 'tenant')
        throw ApplicationFailure.create({ type: FAILURE_TYPES.tenantRefused, message: 'no', nonRetryable: true });
      if (a !== 'unchecked') receipt = a;
      return { result: a, receipt };
    },
    async recordUncheckedReceipt(input: UncheckedReceiptInput): Promise<ReceiptCheckOutcome> {
      calls.unchecked.push(input);
      return { result: 'unchecked', receipt };
    },
  };
  return { activities, calls };
}

describe('receiptRecheckWorkflow (mocked activities, local dev server)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      // another spec in this jest worker installed the runtime already
    }
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: toolPath('temporal') }, ip: '127.0.0.1' },
    });
    workflowBundle = {
      code: (
        await bundleWorkflowCode({
          workflowsPath: require.resolve('./receipt-recheck.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });
  afterAll(() => env?.teardown());

  async function run(answers: Answer[], input: Partial<ReceiptRecheckInput> = {}, fixture?: string) {
    const mock = mockActivities(answers);
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: mock.activities,
    });
    const workflowId = `receipt-c-1-${randomUUID()}`;
    const full: ReceiptRecheckInput = { agencyId: 'a-1', clientId: 'c-1', jobId: 'j-1', options: FAST, ...input };
    const { result, view } = await worker.runUntil(async () => {
      const h = await env.client.workflow.start(receiptRecheckWorkflow, { taskQueue, workflowId, args: [full] });
      const result = await h.result();
      const view = await h.query(receiptStatusQuery);
      if (fixture) await recordReplayFixture(fixture, h);
      return { result, view };
    });
    return { ...mock, result, view, workflowId };
  }

  it('[C-24] checks a post at each point of its schedule, each check numbered once, ids only', async () => {
    const { calls, result, view, workflowId } = await run(['intact'], {}, 'receipt-recheck-intact');
    expect(calls.checks.map((c) => c.checkNo)).toEqual([1, 2, 3]);
    expect(calls.checks[0]).toEqual({ agencyId: 'a-1', clientId: 'c-1', jobId: 'j-1', workflowId, checkNo: 1 });
    expect(result).toEqual({ receipt: 'intact', checks: 3 });
    expect(view.checks.map((c) => c.result)).toEqual(['intact', 'intact', 'intact']);
    expect(view.nextCheckAt).toBeNull();
  });

  it('the real schedule: the first check is a timer of an hour after verification, the last four weeks after', async () => {
    expect(RECEIPT_RECHECK_OFFSETS_SECONDS).toEqual([3600, 86_400, 604_800, 1_209_600, 1_814_400, 2_419_200]);
    const mock = mockActivities(['intact']);
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: mock.activities,
    });
    const verifiedAt = new Date().toISOString();
    const input: ReceiptRecheckInput = { agencyId: 'a-1', clientId: 'c-1', jobId: 'j-1', verifiedAt };
    const timer = await worker.runUntil(async () => {
      const h = await env.client.workflow.start(receiptRecheckWorkflow, {
        taskQueue,
        workflowId: `receipt-c-1-${randomUUID()}`,
        args: [input],
      });
      let started;
      while (!started) {
        const history = await h.fetchHistory();
        started = history.events?.find((e) => e.timerStartedEventAttributes)?.timerStartedEventAttributes;
        if (!started) await new Promise((r) => setTimeout(r, 50));
      }
      const view = await h.query(receiptStatusQuery);
      await h.terminate('spec done');
      return { seconds: Number(started.startToFireTimeout!.seconds), view };
    });
    // The timer counts from the verification to the first check: an hour, less the moments the start took.
    expect(timer.seconds).toBeGreaterThan(3500);
    expect(timer.seconds).toBeLessThanOrEqual(3600);
    expect(timer.view.nextCheckAt).toBe(new Date(Date.parse(verifiedAt) + 3600_000).toISOString());
    expect(mock.calls.checks).toHaveLength(0);
  });

  it('a broken receipt ends the schedule: the post is marked once and not checked again', async () => {
    const { calls, result, view } = await run(['intact', 'removed', 'intact']);
    expect(calls.checks.map((c) => c.checkNo)).toEqual([1, 2]);
    expect(result).toEqual({ receipt: 'removed', checks: 2 });
    expect(view.receipt).toBe('removed');
  });

  it('a platform that stays down is retried, then recorded as unchecked, never as removed; the schedule goes on', async () => {
    const { calls, result, view } = await run(
      ['transient', 'edited'],
      {
        options: { ...FAST, retryMaximumAttempts: 3 },
      },
      'receipt-recheck-unchecked-then-edited',
    );
    expect(calls.checks.filter((c) => c.checkNo === 1)).toHaveLength(3);
    expect(calls.unchecked).toEqual([
      expect.objectContaining({ checkNo: 1, reason: 'the platform did not answer through every retry' }),
    ]);
    expect(view.checks.map((c) => c.result)).toEqual(['unchecked', 'edited']);
    expect(result).toEqual({ receipt: 'edited', checks: 2 });
  });

  it('a refused token is not retried: the check is unchecked at once, with what to do', async () => {
    const { calls, view } = await run(['auth', 'intact']);
    expect(calls.checks.filter((c) => c.checkNo === 1)).toHaveLength(1);
    expect(calls.unchecked[0]!.reason).toMatch(/reconnect the account/);
    expect(view.checks.map((c) => c.result)).toEqual(['unchecked', 'intact', 'intact']);
  });

  it('[C-05] a post that is not this client’s ends the episode without recording anything', async () => {
    const { calls, result } = await run(['tenant']);
    expect(calls.checks).toHaveLength(1);
    expect(calls.unchecked).toHaveLength(0);
    expect(result).toEqual({ receipt: null, checks: 0 });
  });

  it('checks already due (a late start after an outage) run at once, in order', async () => {
    const verifiedAt = new Date(Date.now() - 3_600_000).toISOString();
    const { calls, result } = await run(['intact'], { verifiedAt, options: { offsetsSeconds: [60, 120] } });
    expect(calls.checks.map((c) => c.checkNo)).toEqual([1, 2]);
    expect(result).toEqual({ receipt: 'intact', checks: 2 });
  });
});
