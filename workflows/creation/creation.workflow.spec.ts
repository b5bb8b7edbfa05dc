import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type {
  CheckItemInput,
  ContentCheckResult,
  CreationContext,
  CreationStatusView,
  GenerateItemInput,
  GenerateItemResult,
  RecordItemStatusInput,
  ScheduleApprovedInput,
  ScheduledItem,
  VerifiedCreationDecision,
  VerifyCreationDecisionInput,
} from '../contracts/creation.contract';
import { creationStatusQuery, resumeSignal, reviewItemUpdate } from '../contracts/creation.contract';
import type { CreationDecisionKind, CreationStatus } from '../contracts/vocabulary/creation-status';
import { creationItemWorkflow } from './creation.workflow';

// The local dev server, as the publish spec does (docs/adr/0005-workflow-specs-without-time-skipping.md): waits are
// kept short through the episode's options or ended by a resume signal.

const sum = (n: number) => String(n).repeat(64).slice(0, 64);

interface Script {
  maxRevisions?: number;
  /** one answer per generate call, the last repeats */
  generate?: GenerateItemResult[];
  /** one answer per check call, the last repeats; `allow` by default */
  check?: Omit<ContentCheckResult, 'checksum'>[];
  /**
   * What the decision activity finds for a reference: the spec names references `<kind>:<actor>[:<checksum>]`, or
   * `forged` for a row that does not exist.
   */
}

/** Mocked creation activities that remember how they were called. */
function mockActivities(script: Script = {}) {
  const calls = {
    statuses: [] as RecordItemStatusInput[],
    generates: [] as GenerateItemInput[],
    checks: [] as CheckItemInput[],
    verifies: [] as VerifyCreationDecisionInput[],
    schedules: [] as ScheduleApprovedInput[],
  };
  let checksum = 0;
  const activities = {
    async prepareCreationItem(_i: CreationContext) {
      return { maxRevisions: script.maxRevisions ?? 3 };
    },
    async generateItemAsset(i: GenerateItemInput): Promise<GenerateItemResult> {
      calls.generates.push(i);
      const list = script.generate ?? [];
      const next = list[Math.min(calls.generates.length, list.length) - 1];
      if (next && next.kind === 'wait') return next;
      checksum += 1;
      return { kind: 'generated', assetId: `asset-${calls.generates.length}`, checksum: sum(checksum) };
    },
    async checkItemContent(i: CheckItemInput): Promise<ContentCheckResult> {
      calls.checks.push(i);
      const list = script.check ?? [{ allow: true, reasons: [] }];
      const next = list[Math.min(calls.checks.length, list.length) - 1];
      return { ...next, checksum: sum(checksum) };
    },
    async verifyCreationDecision(i: VerifyCreationDecisionInput): Promise<VerifiedCreationDecision> {
      calls.verifies.push(i);
      const [kind, actorId, seen] = i.decisionId.split(':');
      if (kind === 'forged') return { valid: false, refusal: 'not_found', reason: 'no such decision for this item' };
      if (kind === 'approve' && actorId === 'creator')
        return { valid: false, refusal: 'four_eyes', reason: 'four eyes: you planned or edited this item' };
      if (kind === 'edit') checksum += 1;
      return {
        valid: true,
        kind: kind as CreationDecisionKind,
        actorId,
        ...(kind === 'approve' ? { assetChecksum: seen ?? sum(checksum) } : {}),
        ...(kind === 'edit' ? { assetChecksum: sum(checksum) } : {}),
      };
    },
    async scheduleApprovedItem(i: ScheduleApprovedInput): Promise<ScheduledItem> {
      calls.schedules.push(i);
      return { jobIds: ['job-1'], approvalRefused: [], accountRefused: [] };
    },
    async recordItemStatus(i: RecordItemStatusInput): Promise<void> {
      calls.statuses.push(i);
    },
  };
  return { activities, calls, recorded: () => calls.statuses.map((s) => s.status) };
}

describe('creationItemWorkflow (mocked activities, local dev server)', () => {
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
          workflowsPath: require.resolve('./creation.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });

  afterAll(() => env?.teardown());

  async function episode<T>(
    mock: ReturnType<typeof mockActivities>,
    drive: (h: WorkflowHandle<typeof creationItemWorkflow>) => Promise<T>,
  ): Promise<T> {
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: mock.activities,
    });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(creationItemWorkflow, {
        taskQueue,
        workflowId: `create-spec-${randomUUID()}`,
        args: [
          {
            agencyId: randomUUID(),
            clientId: randomUUID(),
            planId: randomUUID(),
            itemId: randomUUID(),
            options: { waitRecheckSeconds: 3600 },
          },
        ],
      });
      return drive(handle);
    });
  }

  async function until(h: WorkflowHandle, ok: (v: CreationStatusView) => boolean): Promise<CreationStatusView> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const view = await h.query(creationStatusQuery);
      if (ok(view)) return view;
      if (Date.now() > deadline) throw new Error(`the episode did not get there; last view: ${JSON.stringify(view)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const inStatus =
    (...s: CreationStatus[]) =>
    (v: CreationStatusView) =>
      s.includes(v.status);
  const review = (h: WorkflowHandle, decisionId: string) =>
    h.executeUpdate(reviewItemUpdate, { args: [{ decisionId }] });

  it('generate → policy ok → review approve → scheduled, with only ids and checksums in the history', async () => {
    const mock = mockActivities();
    const { answer, result, history } = await episode(mock, async (h) => {
      const inReview = await until(h, inStatus('in_review'));
      const answer = await review(h, `approve:reviewer:${inReview.assetChecksum}`);
      const result = await h.result();
      await recordReplayFixture('creation-approved-scheduled', h);
      return { answer, result, history: await h.fetchHistory() };
    });
    expect(answer).toEqual({ accepted: true, kind: 'approve' });
    expect(result).toMatchObject({ status: 'scheduled', assetId: 'asset-1', jobIds: ['job-1'] });
    expect(mock.recorded()).toEqual(['generating', 'checking', 'in_review', 'scheduling', 'scheduled']);
    expect(mock.calls.schedules).toEqual([
      expect.objectContaining({ decisionId: `approve:reviewer:${sum(1)}`, assetId: 'asset-1', assetChecksum: sum(1) }),
    ]);
    expect(mock.calls.statuses.find((s) => s.status === 'scheduling')?.actorId).toBe('reviewer');
    expect(mock.calls.verifies[0]).toMatchObject({ assetId: 'asset-1' });
    expect(history.events?.length).toBeLessThan(120);
  });

  it('request changes regenerates with the feedback reference (never its text), then the new asset is approved', async () => {
    const mock = mockActivities();
    const result = await episode(mock, async (h) => {
      await until(h, inStatus('in_review'));
      expect(await review(h, 'request_changes:reviewer')).toEqual({ accepted: true, kind: 'request_changes' });
      const second = await until(h, (v) => v.status === 'in_review' && v.round === 1);
      expect(second.assetId).toBe('asset-2');
      await review(h, `approve:reviewer:${second.assetChecksum}`);
      return h.result();
    });
    expect(result.status).toBe('scheduled');
    expect(mock.calls.generates.map((g) => [g.round, g.feedbackRef])).toEqual([
      [0, undefined],
      [1, 'request_changes:reviewer'],
    ]);
    expect(mock.calls.schedules[0]).toMatchObject({ assetId: 'asset-2', assetChecksum: sum(2) });
  });

  it('policy_blocked: the item waits for a human; an edit runs the policy again and returns it to review', async () => {
    const mock = mockActivities({
      check: [
        { allow: false, reasons: [{ code: 'banned_term', message: 'the text uses the banned term "guaranteed"' }] },
        { allow: true, reasons: [] },
      ],
    });
    const { blocked, refused, result } = await episode(mock, async (h) => {
      const blocked = await until(h, inStatus('policy_blocked'));
      // Approving what the policy refused is not possible.
      const refused = await review(h, `approve:reviewer:${blocked.assetChecksum}`);
      await review(h, 'edit:editor');
      const edited = await until(h, inStatus('in_review'));
      await review(h, `approve:reviewer:${edited.assetChecksum}`);
      const result = await h.result();
      await recordReplayFixture('creation-policy-blocked-edited', h);
      return { blocked, refused, result };
    });
    expect(blocked.reasons.map((r) => r.code)).toEqual(['banned_term']);
    expect(refused).toMatchObject({ accepted: false, refusal: 'state' });
    expect(result.status).toBe('scheduled');
    expect(mock.calls.checks).toHaveLength(2);
    expect(mock.calls.generates).toHaveLength(1);
    expect(mock.calls.schedules[0].assetChecksum).toBe(sum(2));
  });

  it('[C-23] an edit voids an approval of the earlier content: approving the old checksum is refused', async () => {
    const mock = mockActivities();
    const { refused, result } = await episode(mock, async (h) => {
      const first = await until(h, inStatus('in_review'));
      await review(h, 'edit:editor');
      const second = await until(h, (v) => v.status === 'in_review' && v.assetChecksum !== first.assetChecksum);
      const refused = await review(h, `approve:reviewer:${first.assetChecksum}`);
      await review(h, `approve:reviewer:${second.assetChecksum}`);
      return { refused, result: await h.result() };
    });
    expect(refused).toMatchObject({ accepted: false, refusal: 'content_changed' });
    expect(result.status).toBe('scheduled');
    expect(mock.calls.schedules).toHaveLength(1);
  });

  it('[C-21] a refused decision (four eyes, forged) answers the caller and changes nothing', async () => {
    const mock = mockActivities();
    const { own, forged, view, result } = await episode(mock, async (h) => {
      const v = await until(h, inStatus('in_review'));
      const own = await review(h, `approve:creator:${v.assetChecksum}`);
      const forged = await review(h, 'forged');
      const view = await h.query(creationStatusQuery);
      await review(h, 'reject:reviewer');
      const result = await h.result();
      await recordReplayFixture('creation-refused-rejected', h);
      return { own, forged, view, result };
    });
    expect(own).toMatchObject({ accepted: false, refusal: 'four_eyes' });
    expect(forged).toMatchObject({ accepted: false, refusal: 'not_found' });
    expect(view.status).toBe('in_review');
    expect(view.refusedDecisions.map((r) => r.decisionId)).toEqual([`approve:creator:${sum(1)}`, 'forged']);
    expect(result.status).toBe('rejected');
    expect(mock.calls.schedules).toHaveLength(0);
  });

  it('the validator refuses at once, with nothing verified, a message that is no reference or comes while generating', async () => {
    const mock = mockActivities({
      generate: [{ kind: 'wait', wait: { code: 'circuit_open', message: 'the provider is failing' } }],
    });
    const { notRef, early } = await episode(mock, async (h) => {
      await until(h, inStatus('waiting'));
      const early = await review(h, 'approve:reviewer').catch((e: unknown) => e);
      const notRef = await h
        .executeUpdate(reviewItemUpdate, { args: [{ approverId: 'x' } as never] })
        .catch((e: unknown) => e);
      await h.terminate('done');
      return { notRef, early };
    });
    expect(early).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((early as WorkflowUpdateFailedError).cause?.message).toMatch(/is waiting; it does not wait for a decision/);
    expect((notRef as WorkflowUpdateFailedError).cause?.message).toMatch(/not a reference/);
    expect(mock.calls.verifies).toHaveLength(0);
  });

  it('[C-51] waits on circuit_open with the reason and retryAt, then resumes and carries on', async () => {
    const retryAt = new Date(Date.now() + 3_600_000).toISOString();
    const mock = mockActivities({
      generate: [
        {
          kind: 'wait',
          wait: { code: 'circuit_open', message: 'the provider is failing; trying again later', retryAt },
        },
        { kind: 'generated', assetId: 'x', checksum: 'x' },
      ],
    });
    const { waiting, result } = await episode(mock, async (h) => {
      const waiting = await until(h, inStatus('waiting'));
      await new Promise((r) => setTimeout(r, 300));
      expect(mock.calls.generates).toHaveLength(1);
      await h.signal(resumeSignal);
      const v = await until(h, inStatus('in_review'));
      await review(h, `approve:reviewer:${v.assetChecksum}`);
      return { waiting, result: await h.result() };
    });
    expect(waiting.reasons.map((r) => r.code)).toEqual(['circuit_open']);
    expect(waiting.retryAt).toBe(retryAt);
    expect(mock.calls.generates).toHaveLength(2);
    expect(mock.recorded().slice(0, 3)).toEqual(['generating', 'waiting', 'generating']);
    expect(result.status).toBe('scheduled');
  });

  it('[C-51] a budget wait whose retryAt has come tries again by itself', async () => {
    const mock = mockActivities({
      generate: [
        {
          kind: 'wait',
          wait: { code: 'budget_exhausted', message: 'monthly budget used', retryAt: new Date().toISOString() },
        },
        { kind: 'generated', assetId: 'x', checksum: 'x' },
      ],
    });
    const view = await episode(mock, async (h) => {
      const v = await until(h, inStatus('in_review'));
      await h.terminate('done');
      return v;
    });
    expect(view.round).toBe(0);
    expect(mock.recorded().slice(0, 3)).toEqual(['generating', 'waiting', 'generating']);
  });

  it('contract_exceeded parks the item; resume tries again only when a human says so', async () => {
    const mock = mockActivities({
      generate: [
        { kind: 'wait', wait: { code: 'contract_exceeded', message: 'the step used more than 60000 tokens' } },
        { kind: 'generated', assetId: 'x', checksum: 'x' },
      ],
    });
    const parked = await episode(mock, async (h) => {
      const parked = await until(h, inStatus('parked'));
      await new Promise((r) => setTimeout(r, 300));
      expect(mock.calls.generates).toHaveLength(1);
      await h.signal(resumeSignal);
      await until(h, inStatus('in_review'));
      await h.terminate('done');
      return parked;
    });
    expect(parked.reasons).toEqual([{ code: 'contract_exceeded', message: 'the step used more than 60000 tokens' }]);
    expect(mock.calls.generates).toHaveLength(2);
  });

  it('parks after maxRevisions request-changes rounds; then only an edit or a reject moves it on', async () => {
    const mock = mockActivities({ maxRevisions: 1 });
    const { parked, more, result } = await episode(mock, async (h) => {
      await until(h, inStatus('in_review'));
      await review(h, 'request_changes:reviewer');
      await until(h, (v) => v.status === 'in_review' && v.round === 1);
      await review(h, 'request_changes:reviewer');
      const parked = await until(h, inStatus('parked'));
      const more = await review(h, 'request_changes:reviewer');
      await review(h, 'edit:editor');
      const v = await until(h, inStatus('in_review'));
      await review(h, `approve:reviewer:${v.assetChecksum}`);
      const result = await h.result();
      await recordReplayFixture('creation-parked-max-revisions', h);
      return { parked, more, result };
    });
    expect(parked.reasons.map((r) => r.code)).toEqual(['max_revisions']);
    expect(more).toMatchObject({ accepted: false, refusal: 'state' });
    expect(mock.calls.generates).toHaveLength(2);
    expect(result.status).toBe('scheduled');
  });
});
