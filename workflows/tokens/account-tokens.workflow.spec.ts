import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type {
  AccountTokensContext,
  AccountTokensInput,
  AccountTokensView,
  TokenSchedule,
  TokenStepInput,
  TokenStepOutcome,
} from '../contracts/tokens.contract';
import {
  accountTokensQuery,
  accountTokensWorkflowId,
  reconnectedSignal,
  stopTokensSignal,
} from '../contracts/tokens.contract';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';
import { accountTokensWorkflow } from './account-tokens.workflow';

// The local dev server, not the time-skipping one (docs/adr/0005-workflow-specs-without-time-skipping.md): the
// scripted schedule puts steps a few hundred milliseconds ahead, and signals end the long waits.

type Plan = TokenSchedule | ((n: number) => TokenSchedule);
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const FAR = () => inMs(3_600_000);

/** Scripted activities: one answer per loadTokenSchedule call (the last one repeats), and a recorder of steps. */
function mockActivities(script: { plans: Plan[]; refresh?: () => Promise<TokenStepOutcome> }) {
  const calls = { loads: 0, steps: [] as { step: string; signal?: string; at: number }[] };
  const record = (i: TokenStepInput) => calls.steps.push({ step: i.step, signal: i.signal, at: Date.now() });
  const activities = {
    async loadTokenSchedule(_: AccountTokensContext): Promise<TokenSchedule> {
      calls.loads += 1;
      const p = script.plans[Math.min(calls.loads, script.plans.length) - 1]!;
      return typeof p === 'function' ? p(calls.loads) : p;
    },
    async refreshAccountTokens(i: TokenStepInput): Promise<TokenStepOutcome> {
      record(i);
      return script.refresh ? script.refresh() : 'done';
    },
    async checkAccountToken(i: TokenStepInput): Promise<TokenStepOutcome> {
      record(i);
      return 'done';
    },
    async noticeReconsentDue(i: TokenStepInput): Promise<TokenStepOutcome> {
      record(i);
      return 'done';
    },
    async expireAccountTokens(i: TokenStepInput): Promise<TokenStepOutcome> {
      record(i);
      return 'needs_reconnect';
    },
  };
  return { activities, calls };
}

describe('accountTokensWorkflow (mocked activities, local dev server)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      // another spec in this process installed it already
    }
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: toolPath('temporal') }, ip: '127.0.0.1' },
    });
    workflowBundle = {
      code: (
        await bundleWorkflowCode({
          workflowsPath: require.resolve('./account-tokens.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });

  afterAll(() => env?.teardown());

  async function run<T>(
    mock: ReturnType<typeof mockActivities>,
    drive: (h: WorkflowHandle<typeof accountTokensWorkflow>) => Promise<T>,
    options: AccountTokensInput['options'] = {},
  ): Promise<T> {
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: mock.activities,
    });
    const input: AccountTokensInput = {
      agencyId: randomUUID(),
      clientId: randomUUID(),
      platformAccountId: randomUUID(),
      options,
    };
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(accountTokensWorkflow, {
        taskQueue,
        workflowId: accountTokensWorkflowId(input.platformAccountId),
        args: [input],
      });
      return drive(handle);
    });
  }

  async function until(h: WorkflowHandle, ok: (v: AccountTokensView) => boolean): Promise<AccountTokensView> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const view = await h.query(accountTokensQuery);
      if (ok(view)) return view;
      if (Date.now() > deadline) throw new Error(`the workflow did not get there; last view: ${JSON.stringify(view)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('sleeps until the refresh is due, refreshes once, then waits for the next step; stop ends it', async () => {
    let dueAt = 0;
    const mock = mockActivities({
      plans: [
        () => {
          dueAt = Date.now() + 600;
          return { step: 'refresh', at: new Date(dueAt).toISOString() };
        },
        () => ({ step: 'check', at: FAR() }),
      ],
    });
    await run(mock, async (h) => {
      expect(h.workflowId).toMatch(/^account-tokens:/);
      const waiting = await until(h, (v) => v.step === 'check');
      expect(waiting.lastOutcome).toBe('done');
      expect(mock.calls.steps.map((s) => s.step)).toEqual(['refresh']);
      expect(mock.calls.steps[0]!.at).toBeGreaterThanOrEqual(dueAt - 50);
      await h.signal(stopTokensSignal);
      expect(await h.result()).toEqual({ ended: 'stopped', iterations: 2 });
      await recordReplayFixture('tokens-refreshed-stopped', h);
    });
  });

  it('after a refused token it waits for the operator: nothing runs until `reconnected`, then the schedule is read again', async () => {
    const mock = mockActivities({
      plans: [
        { step: 'refresh', at: inMs(0) },
        { step: 'wait_reconnect' },
        { step: 'refresh', at: inMs(0) },
        { step: 'check', at: FAR() },
      ],
      refresh: async () => (mock.calls.steps.length === 1 ? 'needs_reconnect' : 'done'),
    });
    await run(mock, async (h) => {
      await until(h, (v) => v.step === 'wait_reconnect');
      await sleep(500);
      expect(mock.calls.loads).toBe(2);
      expect(mock.calls.steps).toHaveLength(1);
      await h.signal(reconnectedSignal);
      await until(h, (v) => v.step === 'check');
      expect(mock.calls.steps.map((s) => s.step)).toEqual(['refresh', 'refresh']);
      await h.signal(stopTokensSignal);
      await h.result();
      await recordReplayFixture('tokens-refused-reconnected', h);
    });
  });

  it('routes a re-consent notice and an expiry to their activities with their signal', async () => {
    const mock = mockActivities({
      plans: [
        { step: 'notice', at: inMs(0), signal: 'reconsent_due' },
        { step: 'expire', at: inMs(100), signal: 'token_expired' },
        { step: 'wait_reconnect' },
      ],
    });
    await run(mock, async (h) => {
      await until(h, (v) => v.step === 'wait_reconnect');
      expect(mock.calls.steps.map((s) => [s.step, s.signal])).toEqual([
        ['notice', 'reconsent_due'],
        ['expire', 'token_expired'],
      ]);
      expect((await h.query(accountTokensQuery)).lastOutcome).toBe('needs_reconnect');
      await h.signal(stopTokensSignal);
      expect((await h.result()).ended).toBe('stopped');
    });
  });

  it('a `reconnected` signal during a long sleep reads the schedule again at once', async () => {
    const mock = mockActivities({
      plans: [
        { step: 'check', at: FAR() },
        { step: 'refresh', at: inMs(0) },
        { step: 'check', at: FAR() },
      ],
    });
    await run(mock, async (h) => {
      await until(h, (v) => v.step === 'check');
      await h.signal(reconnectedSignal);
      await until(h, (v) => v.iterations === 3);
      expect(mock.calls.steps.map((s) => s.step)).toEqual(['refresh']);
      await h.signal(stopTokensSignal);
      await h.result();
    });
  });

  it('ends when the account is gone (disconnected or deleted)', async () => {
    const mock = mockActivities({ plans: [{ step: 'stop' }] });
    await run(mock, async (h) => {
      expect(await h.result()).toEqual({ ended: 'account_gone', iterations: 1 });
      expect(mock.calls.steps).toEqual([]);
    });
  });

  it('a step that fails every retry keeps the workflow alive: it backs off and tries again', async () => {
    let attempts = 0;
    const mock = mockActivities({
      plans: [
        { step: 'refresh', at: inMs(0) },
        { step: 'refresh', at: inMs(0) },
        { step: 'check', at: FAR() },
      ],
      refresh: async () => {
        attempts += 1;
        if (attempts === 1)
          throw ApplicationFailure.create({ type: FAILURE_TYPES.permanent, message: 'refused', nonRetryable: true });
        return 'done';
      },
    });
    await run(
      mock,
      async (h) => {
        await until(h, (v) => v.step === 'check');
        expect(attempts).toBe(2);
        expect((await h.query(accountTokensQuery)).lastOutcome).toBe('done');
        await h.signal(stopTokensSignal);
        await h.result();
        await recordReplayFixture('tokens-step-failed-backoff', h);
      },
      { failureBackoffSeconds: 0.2 },
    );
  });

  it('continues as new after its iteration budget, keeping the same workflow id', async () => {
    const mock = mockActivities({
      plans: [(n) => (n <= 3 ? { step: 'check', at: inMs(50) } : { step: 'check', at: FAR() })],
    });
    await run(
      mock,
      async (h) => {
        const first = (await h.describe()).runId;
        const deadline = Date.now() + 15_000;
        while (mock.calls.loads < 4 && Date.now() < deadline) await sleep(50);
        const current = env.client.workflow.getHandle(h.workflowId);
        expect((await current.describe()).runId).not.toBe(first);
        expect((await current.describe()).status.name).toBe('RUNNING');
        await current.signal(stopTokensSignal);
        expect((await current.result()) as unknown).toMatchObject({ ended: 'stopped' });
        // The first run, which ended by continuing as new: a bounded piece of the endless loop.
        await recordReplayFixture('tokens-continued-as-new', env.client.workflow.getHandle(h.workflowId, first));
      },
      { maxIterations: 2 },
    );
  });
});
