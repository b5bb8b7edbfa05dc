import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ConversationStatus } from './vocabulary/engagement';

/**
 * The engagement episode's identity (ids only, C-05): one long-lived workflow per connected account, on the
 * engagement lane. The ingest's drainer starts it with signal-with-start and sends it inbound events in batches,
 * by id: the text stays in Postgres (`inbound_events`), never in the history.
 */
export const ENGAGEMENT_WORKFLOW_TYPE = 'engagementAccountWorkflow';

export interface EngagementInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  /** inbound events received but not yet handled when the previous run continued as new */
  pending?: string[];
  /** the most recent inbound event ids handled, so a redelivered batch is not handled twice across runs */
  seen?: string[];
  /** conversations waiting for a human, with their SLA deadline (ISO), carried across runs */
  slas?: Record<string, string>;
  options?: EngagementOptions;
}

export interface EngagementOptions {
  /** continue as new after this many handled events even if the SDK does not suggest it yet (default 500) */
  maxEventsPerRun?: number;
}

/** Business-meaningful and stable: one engagement episode per account, whoever starts it. */
export function engagementWorkflowId(clientId: string, platformAccountId: string): string {
  return `engage-${clientId}-${platformAccountId}`;
}

/** A batch of stored inbound events for this account (ids of `inbound_events` rows, oldest first). */
export interface InboundBatch {
  inboundEventIds: string[];
}

export const inboundBatchSignal = defineSignal<[InboundBatch]>('inboundBatch');

export interface EngagementStatusView {
  /** events handled by this run */
  handled: number;
  pending: number;
  /** conversations waiting for a human under an SLA */
  waiting: number;
  breached: number;
}

export const engagementStatusQuery = defineQuery<EngagementStatusView>('engagementStatus');

/** The ids every engagement activity needs; it runs in the scope of `clientId` (C-01, C-05). */
export interface EngagementContext {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  workflowId: string;
}

export interface InboundRef extends EngagementContext {
  inboundEventId: string;
}

/** An inbound event recorded as a message of its conversation; `duplicate` when it already was (handled once). */
export interface RecordedInbound {
  duplicate: boolean;
  conversationId: string;
  messageId: string;
}

export interface MessageRef extends EngagementContext {
  conversationId: string;
  messageId: string;
}

/** Where the router sent a message (the full decision is stored with the message; ids and codes travel here). */
export interface RoutedMessage {
  route: 'escalate' | 'draft' | 'hide' | 'ignore';
  sensitive: boolean;
  /** seconds until a human must have answered (escalations and drafts waiting for approval) */
  slaSeconds: number;
}

/** A drafted reply: stored with its checksum; `allow` false when its constraints failed (fail closed, C-29). */
export interface DraftedReply {
  replyId: string | null;
  /** the draft's checksum as stored: the guard refuses a row that no longer says the same */
  checksum: string | null;
  /** a comment is answered in its thread, a DM by a DM */
  action: 'reply' | 'dm';
  allow: boolean;
  reasons: { code: string; message: string }[];
}

export interface ConversationMark extends EngagementContext {
  conversationId: string;
  status: ConversationStatus;
  reasons?: { code: string; message: string }[];
  /** set the SLA deadline (ISO), or clear it with null */
  slaDueAt?: string | null;
}

/**
 * A human's decision on a drafted reply, recorded by the API on the reply's row first (approver and the checksum
 * approved); the episode acts on the reference, and the guard counts the approval only when the row says the same
 * (C-21, C-23).
 */
export interface ReplyDecisionRef {
  replyId: string;
  /** unique per decision (the API's): a repeated update is answered once */
  decisionId: string;
  kind: 'approve' | 'reject';
  /** approve: who approved, and the checksum they approved */
  approverId?: string;
  checksum?: string;
}

export interface ReplyDecisionResult {
  accepted: boolean;
  reason?: string;
}

export const replyDecisionUpdate = defineUpdate<ReplyDecisionResult, [ReplyDecisionRef]>('replyDecision');

/** The engagement lane's activities as the episode calls them (activities/engagement implements them). */
export interface EngagementActivities {
  /** stores the inbound event as a message of its conversation, once */
  recordInbound(input: InboundRef): Promise<RecordedInbound>;
  /** routes the message (rules, then the client's classifier) and stores the decision with it */
  routeMessage(input: MessageRef): Promise<RoutedMessage>;
  /** drafts a reply in the brand's voice and checks it against the reply constraints */
  draftReply(input: MessageRef): Promise<DraftedReply>;
  /**
   * checks a reply the inbox approved (written or edited by a human) against the reply constraints before it is
   * sent; a reply that fails is marked refused with its reasons (C-29)
   */
  checkApprovedReply(input: EngagementContext & { replyId: string; checksum: string }): Promise<{
    allow: boolean;
    reasons: { code: string; message: string }[];
  }>;
  /** moves the conversation on (status, reasons, SLA deadline) */
  markConversation(input: ConversationMark): Promise<void>;
  /** a waiting conversation passed its SLA deadline: highlighted in the inbox, alerted */
  recordSlaBreach(input: EngagementContext & { conversationId: string }): Promise<void>;
  /** the conversation and message a reply belongs to, checked against this account (a decision names a reply) */
  replyTarget(
    input: EngagementContext & { replyId: string },
  ): Promise<{ conversationId: string; messageId: string; inboundEventId: string; action: 'reply' | 'dm' } | null>;
}

export type EngagementOutcomeReason = { code: string; message: string };
