/**
 * The engagement vocabulary, defined once: what arrives (inbound event kinds), what the router says about it
 * (intents, safety flags, sentiment), where a conversation stands, and the actions Raize may take in return.
 * The ingest service, the router, the drafter, the engagement episode, the inbox and the web app all import it.
 */

/** What an inbound event is: a comment on a post, a reply in a thread, a mention, a direct message. */
export const INBOUND_KINDS = ['comment', 'reply', 'mention', 'dm'] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

/** The router's intents. Everything from `pricing` on is sensitive: always a human, with an SLA timer (C-28). */
export const INTENTS = [
  'question',
  'praise',
  'complaint',
  'spam',
  'other',
  'pricing',
  'refund',
  'legal',
  'medical',
  'harassment',
  'crisis',
  'press',
] as const;
export type Intent = (typeof INTENTS)[number];

export const SENSITIVE_INTENTS: readonly Intent[] = [
  'pricing',
  'refund',
  'legal',
  'medical',
  'harassment',
  'crisis',
  'press',
];
export function isSensitiveIntent(i: Intent): boolean {
  return SENSITIVE_INTENTS.includes(i);
}

/** What the router flags in the text itself, whatever the intent (C-27). */
export const SAFETY_FLAGS = [
  /** text that addresses a model or tries to change its instructions */
  'injection',
  'link',
  /** an email, a phone number, a card or an id number */
  'pii',
  'profanity',
] as const;
export type SafetyFlag = (typeof SAFETY_FLAGS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Where a conversation stands in the inbox. */
export const CONVERSATION_STATUSES = [
  /** routed, nothing drafted yet or the draft is being written */
  'open',
  /** a draft waits for a human's approval */
  'awaiting_approval',
  /** a human must handle it (sensitive intent, spike, a failed check) */
  'escalated',
  /** replied (automatically or by a human) */
  'answered',
  /** hidden or deleted as spam */
  'hidden',
  'closed',
] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Statuses in which a human owes an answer: an SLA deadline runs. */
export const WAITING_STATUSES: readonly ConversationStatus[] = ['escalated', 'awaiting_approval'];

/** The side effects engagement may take, each through the kernel with its own effect adapter. */
export const ENGAGEMENT_ACTIONS = ['reply', 'dm', 'like', 'hide'] as const;
export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];
