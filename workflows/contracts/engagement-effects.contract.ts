import type { EngagementAction } from './vocabulary/engagement';
import type { Reason } from './vocabulary/reason-codes';

/**
 * The guarded engagement side effects as activities (activities/engagement-effects registers them on the engagement
 * lane). Ids only (C-05): the text is read from `engagement_replies` by id inside the guard, never carried in a
 * history; the checksum pins the draft the workflow decided on, and the idempotency key is derived by the guard
 * from the inbound event, the action and that checksum, so a retry never answers twice (C-22).
 */
export interface EngagementEffectInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  workflowId: string;
  /** the inbound event acted on: a comment (reply, like, hide) or any message whose author gets the DM */
  inboundEventId: string;
  /**
   * The approver's user id as the workflow received it with the inbox's decision (C-21). It counts only when the
   * stored row records the same approver for the same checksum.
   */
  approvedBy?: string;
}

/** Reply to a comment, or DM the author of the inbound event, with the drafted text of `replyId`. */
export interface GuardedMessageInput extends EngagementEffectInput {
  /** the `engagement_replies` row holding the draft (its action must be the effect's) */
  replyId: string;
  /** the draft's checksum when the workflow decided to send it; a row that no longer says the same is refused */
  checksum: string;
}

/** Like or hide the inbound comment; the record row is created on first use unless the inbox made one. */
export interface GuardedModerationInput extends EngagementEffectInput {
  replyId?: string;
}

export interface GuardedEngagementOutcome {
  /**
   * done: sent (and read back when `verified`); needs_approval: the draft waits for a human (autonomy, spike);
   * refused: the guard or the platform will not do it (reasons say why); failed: the platform failed it for good.
   */
  outcome: 'done' | 'needs_approval' | 'refused' | 'failed';
  reasons: Reason[];
  action: EngagementAction;
  /** the engagement_replies row */
  replyId: string | null;
  /** the platform's id of the reply or DM made, or of the comment liked or hidden */
  platformId?: string;
  verified?: boolean;
  /** an earlier attempt's outcome was found on the platform instead of acting again */
  reconciled?: boolean;
}

/** The engagement lane's guarded effects, as a workflow proxies them. */
export interface EngagementEffectActivities {
  guardedReply(input: GuardedMessageInput): Promise<GuardedEngagementOutcome>;
  guardedDm(input: GuardedMessageInput): Promise<GuardedEngagementOutcome>;
  guardedLike(input: GuardedModerationInput): Promise<GuardedEngagementOutcome>;
  guardedHide(input: GuardedModerationInput): Promise<GuardedEngagementOutcome>;
}
