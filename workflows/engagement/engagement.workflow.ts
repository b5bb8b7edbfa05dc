import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { EngagementContext, EngagementInput, EngagementOutcomeReason } from '../contracts/engagement.contract';
import { engagementStatusQuery, inboundBatchSignal, replyDecisionUpdate } from '../contracts/engagement.contract';
import type { GuardedEngagementOutcome } from '../contracts/engagement-effects.contract';
import { bookkeepingActivities, effectActivities } from './engagement.proxies';
import { EngagementState } from './engagement.state';

const DEFAULT_MAX_EVENTS_PER_RUN = 500;

/**
 * One account's engagement, for as long as the account lives: inbound events arrive by id in batches (signal-with-
 * start from the ingest's drainer), each is recorded once, routed, and answered, hidden or handed to a human; the
 * inbox's decisions on drafts come back as updates. Continues as new when the SDK suggests it, carrying what waits.
 */
export async function engagementAccountWorkflow(input: EngagementInput): Promise<void> {
  const state = new EngagementState(input.pending ?? [], input.seen ?? [], input.slas ?? {});
  setHandler(inboundBatchSignal, state.onBatch);
  setHandler(engagementStatusQuery, () => state.view());
  setHandler(replyDecisionUpdate, state.onReplyDecision, { validator: state.validateReplyDecision });

  const ctx: EngagementContext = {
    agencyId: input.agencyId,
    clientId: input.clientId,
    platformAccountId: input.platformAccountId,
    workflowId: workflowInfo().workflowId,
  };
  const books = bookkeepingActivities();
  const effects = effectActivities();
  const maxEvents = input.options?.maxEventsPerRun ?? DEFAULT_MAX_EVENTS_PER_RUN;

  async function waiting(
    conversationId: string,
    status: 'escalated' | 'awaiting_approval',
    slaSeconds: number,
    reasons: EngagementOutcomeReason[],
  ) {
    const due = Date.now() + slaSeconds * 1000;
    state.slas.set(conversationId, due);
    state.breached.delete(conversationId);
    await books.markConversation({ ...ctx, conversationId, status, reasons, slaDueAt: new Date(due).toISOString() });
  }

  async function settled(
    conversationId: string,
    status: 'answered' | 'hidden' | 'closed',
    reasons: EngagementOutcomeReason[] = [],
  ) {
    state.slas.delete(conversationId);
    state.breached.delete(conversationId);
    await books.markConversation({ ...ctx, conversationId, status, reasons, slaDueAt: null });
  }

  /**
   * Runs a guarded effect; one that still fails after its retries (a platform down for long, a cooldown that never
   * ends) is handed to a human with the reason instead of failing the account's whole episode.
   */
  async function guarded(run: () => Promise<GuardedEngagementOutcome>): Promise<GuardedEngagementOutcome> {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const cause = err.cause instanceof ApplicationFailure ? err.cause.message : err.message;
      return {
        outcome: 'failed',
        reasons: [{ code: 'send_failed', message: `the platform action did not go through: ${cause}`.slice(0, 300) }],
        action: 'reply',
        replyId: null,
      };
    }
  }

  /** What a guarded effect's outcome means for the conversation. */
  async function afterEffect(
    conversationId: string,
    o: GuardedEngagementOutcome,
    done: 'answered' | 'hidden',
    slaSeconds: number,
  ): Promise<void> {
    if (o.outcome === 'done') return settled(conversationId, done);
    return waiting(
      conversationId,
      o.outcome === 'needs_approval' ? 'awaiting_approval' : 'escalated',
      slaSeconds,
      o.reasons,
    );
  }

  async function handle(inboundEventId: string): Promise<void> {
    const rec = await books.recordInbound({ ...ctx, inboundEventId });
    if (rec.duplicate) return;
    const msg = { ...ctx, conversationId: rec.conversationId, messageId: rec.messageId };
    const routed = await books.routeMessage(msg);
    if (routed.route === 'ignore') return settled(rec.conversationId, 'closed');
    if (routed.route === 'escalate') return waiting(rec.conversationId, 'escalated', routed.slaSeconds, []);
    if (routed.route === 'hide')
      return afterEffect(
        rec.conversationId,
        await guarded(() => effects.guardedHide({ ...ctx, inboundEventId })),
        'hidden',
        routed.slaSeconds,
      );
    const draft = await books.draftReply(msg);
    // A draft that fails its constraints is never sent: a human writes the answer (fail closed, C-29).
    if (!draft.allow || !draft.replyId || !draft.checksum)
      return waiting(rec.conversationId, 'escalated', routed.slaSeconds, draft.reasons);
    // A comment is answered in its thread, a DM by a DM.
    const send = draft.action === 'dm' ? effects.guardedDm : effects.guardedReply;
    const replyId = draft.replyId;
    const checksum = draft.checksum;
    const sent = await guarded(() => send({ ...ctx, inboundEventId, replyId, checksum }));
    return afterEffect(rec.conversationId, sent, 'answered', routed.slaSeconds);
  }

  async function decide(): Promise<void> {
    const d = state.decisions.shift()!;
    const target = await books.replyTarget({ ...ctx, replyId: d.replyId });
    if (!target) return;
    if (d.kind === 'reject' || !d.approverId || !d.checksum) {
      // The draft is dropped; the conversation stays with a human until someone answers it.
      await books.markConversation({
        ...ctx,
        conversationId: target.conversationId,
        status: 'escalated',
        reasons: [{ code: 'reply_rejected', message: 'the draft was rejected; answer it by hand' }],
      });
      return;
    }
    const checked = await books.checkApprovedReply({ ...ctx, replyId: d.replyId, checksum: d.checksum });
    if (!checked.allow) {
      await books.markConversation({
        ...ctx,
        conversationId: target.conversationId,
        status: 'escalated',
        reasons: checked.reasons,
      });
      return;
    }
    const send = target.action === 'dm' ? effects.guardedDm : effects.guardedReply;
    const sent = await guarded(() =>
      send({
        ...ctx,
        inboundEventId: target.inboundEventId,
        replyId: d.replyId,
        checksum: d.checksum!,
        approvedBy: d.approverId,
      }),
    );
    if (sent.outcome === 'done') return settled(target.conversationId, 'answered');
    await books.markConversation({
      ...ctx,
      conversationId: target.conversationId,
      status: 'escalated',
      reasons: sent.reasons,
    });
  }

  for (;;) {
    const deadline = state.nextDeadline();
    const wake = deadline ? Math.max(deadline.at - Date.now(), 1) : undefined;
    const work = () => state.pending.length > 0 || state.decisions.length > 0 || workflowInfo().continueAsNewSuggested;
    const woke = wake !== undefined ? await condition(work, wake) : (await condition(work), true);
    if (!woke && deadline) {
      state.breached.add(deadline.conversationId);
      await books.recordSlaBreach({ ...ctx, conversationId: deadline.conversationId });
      continue;
    }
    if (state.decisions.length) await decide();
    else if (state.pending.length) {
      const id = state.next()!;
      await handle(id);
      state.done(id);
    }
    // Decisions the inbox already sent are acted on first; signals that arrive while continuing are not lost (the
    // server refuses the continue-as-new and delivers them, and carry() runs again after them).
    if ((workflowInfo().continueAsNewSuggested || state.handled >= maxEvents) && state.decisions.length === 0) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof engagementAccountWorkflow>({ ...input, ...state.carry() });
    }
  }
}
