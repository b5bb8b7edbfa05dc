import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { recordReplayFixture } from '../../deploy/local/replay/record-fixture';
import { toolPath } from '../../services/core/util/tool-path';
import type {
  ConversationMark,
  DraftedReply,
  EngagementActivities,
  InboundRef,
  MessageRef,
  RoutedMessage,
} from '../contracts/engagement.contract';
import type {
  EngagementEffectActivities,
  GuardedEngagementOutcome,
  GuardedMessageInput,
  GuardedModerationInput,
} from '../contracts/engagement-effects.contract';
import { engagementStatusQuery, inboundBatchSignal, replyDecisionUpdate } from '../contracts/engagement.contract';
import { engagementAccountWorkflow } from './engagement.workflow';

// The local dev server, as the other specs do (docs/adr/0005-workflow-specs-without-time-skipping.md).

/** Each inbound id names what the router says of it: `<route>[:<effect outcome>]`, e.g. `draft:needs_approval:1`. */
function mockActivities() {
  const calls = {
    recorded: [] as string[],
    marks: [] as ConversationMark[],
    sends: [] as GuardedMessageInput[],
    hides: [] as GuardedModerationInput[],
    dms: [] as GuardedMessageInput[],
    breaches: [] as string[],
  };
  const recordedIds = new Set<string>();
  const outcome = (
    o: GuardedEngagementOutcome['outcome'],
    action: GuardedEngagementOutcome['action'],
    reasons: GuardedEngagementOutcome['reasons'] = [],
  ): GuardedEngagementOutcome => ({
    outcome: o,
    reasons,
    action,
    replyId: null,
  });
  const activities: EngagementActivities & EngagementEffectActivities = {
    async recordInbound(i: InboundRef) {
      const duplicate = recordedIds.has(i.inboundEventId);
      recordedIds.add(i.inboundEventId);
      calls.recorded.push(i.inboundEventId);
      return { duplicate, conversationId: `c-${i.inboundEventId}`, messageId: `m-${i.inboundEventId}` };
    },
    async routeMessage(m: MessageRef): Promise<RoutedMessage> {
      const route = m.messageId.slice(2).split(':')[0] as RoutedMessage['route'];
      return { route, sensitive: route === 'escalate', slaSeconds: m.messageId.includes('sla') ? 2 : 3600 };
    },
    async draftReply(m: MessageRef): Promise<DraftedReply> {
      if (m.messageId.includes('unsafe'))
        return {
          replyId: null,
          checksum: null,
          action: 'reply',
          allow: false,
          reasons: [{ code: 'link_not_allowed', message: 'a link' }],
        };
      const action = m.messageId.includes(':dm') ? 'dm' : 'reply';
      return { replyId: `r-${m.messageId.slice(2)}`, checksum: 'sum', action, allow: true, reasons: [] };
    },
    async guardedReply(r: GuardedMessageInput) {
      calls.sends.push(r);
      if (r.replyId.includes('boom')) throw ApplicationFailure.nonRetryable('the platform is gone', 'PlatformDown');
      if (r.replyId.includes('needs_approval') && !r.approvedBy)
        return outcome('needs_approval', 'reply', [{ code: 'approval_required', message: 'assisted' }]);
      return outcome('done', 'reply');
    },
    async guardedDm(r: GuardedMessageInput) {
      calls.dms.push(r);
      return outcome('done', 'dm');
    },
    async guardedLike() {
      return outcome('refused', 'like');
    },
    async guardedHide(m: GuardedModerationInput) {
      calls.hides.push(m);
      return outcome('done', 'hide');
    },
    async markConversation(m: ConversationMark) {
      calls.marks.push(m);
    },
    async recordSlaBreach(i) {
      calls.breaches.push(i.conversationId);
    },
    async checkApprovedReply() {
      return { allow: true, reasons: [] };
    },
    async replyTarget(i) {
      const id = i.replyId.slice(2);
      return { conversationId: `c-${id}`, messageId: `m-${id}`, inboundEventId: id, action: 'reply' as const };
    },
  };
  return { activities, calls };
}

describe('engagementAccountWorkflow (mocked activities, local dev server)', () => {
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
          workflowsPath: require.resolve('./engagement.workflow'),
          logger: new DefaultLogger('ERROR'),
        })
      ).code,
    };
  });

  afterAll(() => env?.teardown());

  async function episode<T>(
    mock: ReturnType<typeof mockActivities>,
    drive: (h: WorkflowHandle<typeof engagementAccountWorkflow>) => Promise<T>,
    maxEventsPerRun?: number,
    recordAs?: string,
  ): Promise<T> {
    const taskQueue = `spec-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: mock.activities,
    });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.signalWithStart(engagementAccountWorkflow, {
        taskQueue,
        workflowId: `engage-spec-${randomUUID()}`,
        args: [
          {
            agencyId: randomUUID(),
            clientId: randomUUID(),
            platformAccountId: randomUUID(),
            ...(maxEventsPerRun ? { options: { maxEventsPerRun } } : {}),
          },
        ],
        signal: inboundBatchSignal,
        signalArgs: [{ inboundEventIds: [] }],
      });
      try {
        return await drive(handle);
      } finally {
        await handle.terminate('spec done').catch(() => undefined);
        if (recordAs) await recordReplayFixture(recordAs, handle);
      }
    });
  }
  /** An episode whose history, once terminated, is recorded as the replay fixture `name` (docs/replay.md). */
  const recordedEpisode = <T>(
    name: string,
    mock: ReturnType<typeof mockActivities>,
    drive: (h: WorkflowHandle<typeof engagementAccountWorkflow>) => Promise<T>,
  ) => episode(mock, drive, undefined, name);

  let lastCalls: unknown;
  const until = async (ok: () => boolean) => {
    const deadline = Date.now() + 20_000;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(lastCalls)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const statusOf = (mock: ReturnType<typeof mockActivities>, conversationId: string) =>
    mock.calls.marks.filter((m) => m.conversationId === conversationId).map((m) => m.status);

  it('answers, hides, escalates and closes by the route; each event id once, even when a batch is redelivered', async () => {
    const mock = mockActivities();
    await recordedEpisode('engagement-routed', mock, async (h) => {
      await h.signal(inboundBatchSignal, { inboundEventIds: ['draft:1', 'hide:2', 'escalate:3', 'ignore:4'] });
      await h.signal(inboundBatchSignal, { inboundEventIds: ['draft:1', 'hide:2'] });
      await until(() => mock.calls.marks.length >= 4);
      expect(statusOf(mock, 'c-draft:1')).toEqual(['answered']);
      expect(statusOf(mock, 'c-hide:2')).toEqual(['hidden']);
      expect(statusOf(mock, 'c-escalate:3')).toEqual(['escalated']);
      expect(statusOf(mock, 'c-ignore:4')).toEqual(['closed']);
      expect(mock.calls.recorded).toEqual(['draft:1', 'hide:2', 'escalate:3', 'ignore:4']);
      expect(mock.calls.sends.map((s) => s.replyId)).toEqual(['r-draft:1']);
      expect(await h.query(engagementStatusQuery)).toMatchObject({ handled: 4, pending: 0, waiting: 1 });
      // an escalation carries an SLA deadline for the inbox
      expect(mock.calls.marks.find((m) => m.conversationId === 'c-escalate:3')?.slaDueAt).toBeTruthy();
    });
  });

  it('answers a direct message by a DM, not in a comment thread', async () => {
    const mock = mockActivities();
    await episode(mock, async (h) => {
      await h.signal(inboundBatchSignal, { inboundEventIds: ['draft:dm:1'] });
      await until(() => mock.calls.marks.length >= 1);
      expect(mock.calls.dms.map((d) => d.replyId)).toEqual(['r-draft:dm:1']);
      expect(mock.calls.sends).toEqual([]);
      expect(mock.calls.marks[0].status).toBe('answered');
    });
  });

  it('[C-29] never sends a draft that failed its constraints: a human gets it', async () => {
    const mock = mockActivities();
    await episode(mock, async (h) => {
      await h.signal(inboundBatchSignal, { inboundEventIds: ['draft:unsafe'] });
      await until(() => mock.calls.marks.length >= 1);
      expect(mock.calls.sends).toEqual([]);
      expect(mock.calls.marks[0]).toMatchObject({ status: 'escalated', reasons: [{ code: 'link_not_allowed' }] });
    });
  });

  it("a draft the client's autonomy holds waits for the inbox; the approval reference sends it, and the SLA is cleared", async () => {
    const mock = mockActivities();
    await recordedEpisode('engagement-reply-approved', mock, async (h) => {
      await h.signal(inboundBatchSignal, { inboundEventIds: ['draft:needs_approval:1'] });
      await until(() => mock.calls.marks.length >= 1);
      expect(mock.calls.marks[0].status).toBe('awaiting_approval');
      const res = await h.executeUpdate(replyDecisionUpdate, {
        args: [
          {
            replyId: 'r-draft:needs_approval:1',
            decisionId: 'd-1',
            kind: 'approve',
            approverId: 'u-1',
            checksum: 'sum',
          },
        ],
      });
      expect(res.accepted).toBe(true);
      await until(() => mock.calls.marks.length >= 2);
      expect(mock.calls.sends.map((s) => s.approvedBy)).toEqual([undefined, 'u-1']);
      expect(mock.calls.marks[1]).toMatchObject({ status: 'answered', slaDueAt: null });
      expect(await h.query(engagementStatusQuery)).toMatchObject({ waiting: 0 });
    });
  });

  it('hands a reply the platform keeps refusing to a human instead of failing the episode', async () => {
    const mock = mockActivities();
    lastCalls = mock.calls;
    await recordedEpisode('engagement-send-failed-escalated', mock, async (h) => {
      await h.signal(inboundBatchSignal, { inboundEventIds: ['draft:boom', 'draft:after'] });
      await until(() => mock.calls.marks.length >= 2);
      expect(mock.calls.marks[0]).toMatchObject({ status: 'escalated', reasons: [{ code: 'send_failed' }] });
      expect(mock.calls.marks[1]).toMatchObject({ conversationId: 'c-draft:after', status: 'answered' });
    });
  });

  it('records an SLA breach when nobody answers in time', async () => {
    const mock = mockActivities();
    await recordedEpisode('engagement-sla-breached', mock, async (h) => {
      await h.signal(inboundBatchSignal, { inboundEventIds: ['escalate:sla'] });
      await until(() => mock.calls.breaches.length >= 1);
      expect(mock.calls.breaches).toEqual(['c-escalate:sla']);
      expect(await h.query(engagementStatusQuery)).toMatchObject({ breached: 1 });
    });
  });

  it('continues as new after its event budget, carrying the queue and what it has seen', async () => {
    const mock = mockActivities();
    await episode(
      mock,
      async (h) => {
        const firstRun = (await h.describe()).runId;
        await h.signal(inboundBatchSignal, {
          inboundEventIds: ['draft:a', 'draft:b', 'draft:c', 'draft:d', 'draft:e'],
        });
        await until(() => mock.calls.recorded.length >= 5);
        // the next run drops a redelivery of what the last one handled
        await h.signal(inboundBatchSignal, { inboundEventIds: ['draft:a', 'draft:f'] });
        await until(() => mock.calls.recorded.includes('draft:f'));
        expect(mock.calls.recorded).toEqual(['draft:a', 'draft:b', 'draft:c', 'draft:d', 'draft:e', 'draft:f']);
        const desc = await env.client.workflow.getHandle(h.workflowId).describe();
        expect(desc.runId).not.toBe(firstRun);
        // The first run, which ended by continuing as new: a bounded piece of the endless loop.
        await recordReplayFixture('engagement-continued-as-new', env.client.workflow.getHandle(h.workflowId, firstRun));
      },
      2,
    );
  });
});
