import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import { creationItemWorkflowId } from '../contracts/creation.contract';
import type {
  DraftPlanResult,
  OpenPlanInput,
  PlanContextInput,
  PlanDecisionResult,
  PlannerWait,
  PlanningInput,
  PlanStatusView,
  RecordPlanStatusInput,
  VerifyPlanDecisionInput,
} from '../contracts/planning.contract';
import { decidePlanUpdate, planStatusQuery, resumePlanningSignal } from '../contracts/planning.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../contracts/search-attributes';
import { planningWorkflow } from './planning.workflow';

// A real (local, offline) Temporal dev server instead of the time-skipping one, which this build cannot download:
// waits are kept short instead of skipped (docs/adr/0005-workflow-specs-without-time-skipping.md).

interface Script {
  requiresApproval?: boolean;
  items?: number;
  /** one answer per draftPlan call; the last one repeats (a missing script drafts at once) */
  drafts?: ({ wait: PlannerWait } | 'ok')[];
  decide?: (input: VerifyPlanDecisionInput) => PlanDecisionResult;
}

/** Mocked planning activities that remember how they were called. */
function mockActivities(script: Script = {}) {
  const itemIds = Array.from({ length: script.items ?? 3 }, () => randomUUID());
  const calls = {
    opens: [] as OpenPlanInput[],
    drafts: 0,
    statuses: [] as RecordPlanStatusInput[],
    decisions: [] as VerifyPlanDecisionInput[],
    started: [] as PlanContextInput[],
  };
  const activities = {
    async openPlan(input: OpenPlanInput) {
      calls.opens.push(input);
      return {
        planId: input.planId ?? 'recurring-plan',
        requiresApproval: script.requiresApproval ?? true,
        status: 'drafting' as const,
        // a queue nobody polls: the children are started, not run, in this spec
        creationTaskQueue: `creation-${randomUUID()}`,
      };
    },
    async draftPlan(): Promise<DraftPlanResult> {
      calls.drafts += 1;
      const list = script.drafts ?? ['ok'];
      const next = list[Math.min(calls.drafts, list.length) - 1];
      return next === 'ok' ? { ok: true, itemIds } : { ok: false, wait: next.wait };
    },
    async recordPlanStatus(input: RecordPlanStatusInput) {
      calls.statuses.push(input);
    },
    async verifyPlanDecision(input: VerifyPlanDecisionInput): Promise<PlanDecisionResult> {
      calls.decisions.push(input);
      return script.decide ? script.decide(input) : { accepted: true, kind: 'approve', actorId: 'approver' };
    },
    async recordCreationStarted(input: PlanContextInput) {
      calls.started.push(input);
    },
  };
  return { activities, calls, itemIds };
}

describe('planningWorkflow (mocked activities, local dev server)', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: { code: string };

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      // another spec in this process installed it already
    }
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: toolPath('temporal') },
        // the children carry the tenant's ids and their episode kind as search attributes, as in production
        searchAttributes: [clientIdKey, agencyIdKey, episodeKindKey],
        ip: '127.0.0.1',
      },
    });
    workflowBundle = {
      code: (
        await bundleWorkflowCode({
          workflowsPath: require.resolve('./planning.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });

  afterAll(() => env?.teardown());

  async function episode<T>(
    mock: ReturnType<typeof mockActivities>,
    drive: (h: WorkflowHandle<typeof planningWorkflow>, input: PlanningInput) => Promise<T>,
  ): Promise<T> {
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: mock.activities,
    });
    const input: PlanningInput = {
      agencyId: randomUUID(),
      clientId: randomUUID(),
      planId: randomUUID(),
      options: { waitRecheckSeconds: 3600 },
    };
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(planningWorkflow, {
        taskQueue,
        workflowId: `plan-spec-${randomUUID()}`,
        args: [input],
      });
      return drive(handle, input);
    });
  }

  async function until(h: WorkflowHandle, ok: (v: PlanStatusView) => boolean): Promise<PlanStatusView> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const view = await h.query(planStatusQuery);
      if (ok(view)) return view;
      if (Date.now() > deadline) throw new Error(`the episode did not get there; last view: ${JSON.stringify(view)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Whether each item's creation episode exists on the server (started by the plan, as a child). */
  async function childrenOf(input: PlanningInput, itemIds: string[]): Promise<string[]> {
    const types = await Promise.all(
      itemIds.map(
        async (id) => (await env.client.workflow.getHandle(creationItemWorkflowId(input.clientId, id)).describe()).type,
      ),
    );
    return types;
  }

  it('drafts, waits for the approval update, then starts one creation child per item and ends `creating`', async () => {
    const mock = mockActivities({ requiresApproval: true, items: 4 });
    await episode(mock, async (h, input) => {
      await until(h, (v) => v.status === 'awaiting_approval');
      expect(mock.calls.started).toHaveLength(0);
      const answer = await h.executeUpdate(decidePlanUpdate, { args: [{ decisionId: 'd-1' }] });
      expect(answer).toEqual({ accepted: true, kind: 'approve', actorId: 'approver' });
      const result = await h.result();
      expect(result).toMatchObject({ status: 'creating', itemCount: 4, childrenStarted: 4, planId: input.planId });
      expect(result.decision).toEqual({ kind: 'approve', actorId: 'approver' });
      expect(mock.calls.decisions.map((d) => d.decisionId)).toEqual(['d-1']);
      expect(mock.calls.started).toHaveLength(1);
      expect(await childrenOf(input, mock.itemIds)).toEqual(Array(4).fill('creationItemWorkflow'));
      await recordReplayFixture('planning-approved-creating', h);
    });
  });

  it('[C-21] a refused decision changes nothing; the validator refuses decisions the plan does not wait for', async () => {
    const mock = mockActivities({
      requiresApproval: true,
      decide: (i) =>
        i.decisionId === 'by-requester'
          ? { accepted: false, refusal: 'four_eyes', reason: 'four eyes' }
          : { accepted: true, kind: 'approve', actorId: 'approver' },
    });
    await episode(mock, async (h) => {
      await until(h, (v) => v.status === 'awaiting_approval');
      const refused = await h.executeUpdate(decidePlanUpdate, { args: [{ decisionId: 'by-requester' }] });
      expect(refused).toMatchObject({ accepted: false, refusal: 'four_eyes' });
      const view = await h.query(planStatusQuery);
      expect(view.status).toBe('awaiting_approval');
      expect(view.refusedDecisions).toEqual([{ decisionId: 'by-requester', reason: 'four eyes' }]);
      // Not a reference: refused by the validator, the activity never sees it.
      await expect(h.executeUpdate(decidePlanUpdate, { args: [{ approverId: 'me' } as never] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      await h.executeUpdate(decidePlanUpdate, { args: [{ decisionId: 'by-approver' }] });
      await h.result();
      await expect(h.executeUpdate(decidePlanUpdate, { args: [{ decisionId: 'late' }] })).rejects.toThrow();
      expect(mock.calls.decisions.map((d) => d.decisionId)).toEqual(['by-requester', 'by-approver']);
    });
  });

  it('a rejected plan ends `rejected` and starts no creation', async () => {
    const mock = mockActivities({ decide: () => ({ accepted: true, kind: 'reject', actorId: 'approver' }) });
    await episode(mock, async (h, input) => {
      await until(h, (v) => v.status === 'awaiting_approval');
      await h.executeUpdate(decidePlanUpdate, { args: [{ decisionId: 'd-1' }] });
      expect((await h.result()).status).toBe('rejected');
      expect(mock.calls.started).toHaveLength(0);
      await expect(childrenOf(input, mock.itemIds.slice(0, 1))).rejects.toThrow();
      await recordReplayFixture('planning-rejected', h);
    });
  });

  it('a plan without approval goes straight from drafting to creating', async () => {
    const mock = mockActivities({ requiresApproval: false, items: 2 });
    await episode(mock, async (h) => {
      expect(await h.result()).toMatchObject({ status: 'creating', childrenStarted: 2 });
      expect(mock.calls.decisions).toHaveLength(0);
    });
  });

  it('[C-51] waits on an exhausted budget with the reason, sleeps until retryAt, then drafts again', async () => {
    const retryAt = new Date(Date.now() + 2500).toISOString();
    const mock = mockActivities({
      requiresApproval: false,
      drafts: [{ wait: { code: 'budget_exhausted', message: 'the monthly AI budget is spent', retryAt } }, 'ok'],
    });
    await episode(mock, async (h) => {
      const waiting = await until(h, (v) => v.status === 'waiting');
      expect(waiting.reasons).toEqual([
        { code: 'budget_exhausted', message: 'the monthly AI budget is spent', retryAt },
      ]);
      expect(await h.result()).toMatchObject({ status: 'creating' });
      expect(mock.calls.drafts).toBe(2);
      expect(mock.calls.statuses.map((s) => s.status)).toEqual(['waiting', 'resumed']);
    });
  });

  it('[C-51] a wait without retryAt ends early on a `resume` signal', async () => {
    const mock = mockActivities({
      requiresApproval: false,
      drafts: [{ wait: { code: 'circuit_open', message: 'the provider is unavailable' } }, 'ok'],
    });
    await episode(mock, async (h) => {
      await until(h, (v) => v.status === 'waiting');
      await h.signal(resumePlanningSignal);
      expect(await h.result()).toMatchObject({ status: 'creating' });
      expect(mock.calls.drafts).toBe(2);
    });
  });

  it('parks on contract_exceeded for a human, retrying only when resumed', async () => {
    const mock = mockActivities({
      requiresApproval: false,
      drafts: [{ wait: { code: 'contract_exceeded', message: 'the planner step spent its token budget' } }, 'ok'],
    });
    await episode(mock, async (h) => {
      const parked = await until(h, (v) => v.status === 'parked');
      expect(parked.reasons[0]).toMatchObject({ code: 'contract_exceeded' });
      await new Promise((r) => setTimeout(r, 1500));
      expect(mock.calls.drafts).toBe(1);
      expect((await h.query(planStatusQuery)).status).toBe('parked');
      await h.signal(resumePlanningSignal);
      expect(await h.result()).toMatchObject({ status: 'creating' });
      expect(mock.calls.drafts).toBe(2);
      expect(mock.calls.statuses.map((s) => s.status)).toEqual(['parked', 'resumed']);
      await recordReplayFixture('planning-parked-resumed', h);
    });
  });
});
