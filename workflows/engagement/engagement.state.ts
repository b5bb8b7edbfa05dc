import type { EngagementStatusView, ReplyDecisionRef, ReplyDecisionResult } from '../contracts/engagement.contract';

/** How many handled event ids a run remembers (and hands to the next run) to drop a redelivered batch. */
export const SEEN_WINDOW = 2000;

/**
 * The engagement episode's state and message handlers: inbound batches queue event ids (each once), reply
 * decisions from the inbox queue for the main loop, and SLA deadlines per waiting conversation. The main loop alone
 * calls activities and changes statuses.
 */
export class EngagementState {
  readonly pending: string[];
  private readonly queued: Set<string>;
  private readonly seen: Set<string>;
  private readonly seenOrder: string[];
  readonly decisions: ReplyDecisionRef[] = [];
  /** conversation id → SLA deadline (epoch ms) */
  readonly slas = new Map<string, number>();
  readonly breached = new Set<string>();
  handled = 0;

  constructor(pending: string[], seen: string[], slas: Record<string, string>) {
    this.seenOrder = seen.slice(-SEEN_WINDOW);
    this.seen = new Set(this.seenOrder);
    this.pending = pending.filter((id) => !this.seen.has(id));
    this.queued = new Set(this.pending);
    for (const [id, at] of Object.entries(slas)) this.slas.set(id, Date.parse(at));
  }

  readonly onBatch = (batch: { inboundEventIds: string[] }): void => {
    for (const id of batch.inboundEventIds ?? []) {
      if (typeof id !== 'string' || !id || this.seen.has(id) || this.queued.has(id)) continue;
      this.pending.push(id);
      this.queued.add(id);
    }
  };

  readonly validateReplyDecision = (d: ReplyDecisionRef): void => {
    if (
      !d ||
      typeof d.replyId !== 'string' ||
      typeof d.decisionId !== 'string' ||
      !['approve', 'reject'].includes(d.kind)
    )
      throw new Error('a reply decision names a recorded decision and its reply; only the API sends them');
  };

  readonly onReplyDecision = (d: ReplyDecisionRef): ReplyDecisionResult => {
    if (this.decisions.some((x) => x.decisionId === d.decisionId)) return { accepted: true };
    this.decisions.push({
      replyId: d.replyId,
      decisionId: d.decisionId,
      kind: d.kind,
      ...(d.approverId ? { approverId: d.approverId } : {}),
      ...(d.checksum ? { checksum: d.checksum } : {}),
    });
    return { accepted: true };
  };

  next(): string | undefined {
    return this.pending[0];
  }

  done(id: string): void {
    this.pending.shift();
    this.queued.delete(id);
    this.seen.add(id);
    this.seenOrder.push(id);
    if (this.seenOrder.length > SEEN_WINDOW) this.seen.delete(this.seenOrder.shift()!);
    this.handled += 1;
  }

  /** The earliest SLA deadline not yet breached, if any. */
  nextDeadline(): { conversationId: string; at: number } | undefined {
    let best: { conversationId: string; at: number } | undefined;
    for (const [conversationId, at] of this.slas)
      if (!this.breached.has(conversationId) && (!best || at < best.at)) best = { conversationId, at };
    return best;
  }

  carry(): { pending: string[]; seen: string[]; slas: Record<string, string> } {
    return {
      pending: [...this.pending],
      seen: [...this.seenOrder],
      slas: Object.fromEntries(
        [...this.slas].filter(([id]) => !this.breached.has(id)).map(([id, at]) => [id, new Date(at).toISOString()]),
      ),
    };
  }

  view(): EngagementStatusView {
    return {
      handled: this.handled,
      pending: this.pending.length,
      waiting: this.slas.size,
      breached: this.breached.size,
    };
  }
}
