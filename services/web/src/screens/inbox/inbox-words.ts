import type { ConversationStatus, InboundKind, Intent, SafetyFlag, Sentiment } from '../../gql/graphql';

// Keyed by the API's enums (codegen, from workflows/contracts/vocabulary/engagement.ts): a value added there fails
// to compile here until it has words.

type Tone = 'neutral' | 'muted' | 'info' | 'success' | 'attention' | 'warning' | 'danger';

export const CONVERSATION_STATUS: Record<ConversationStatus, { label: string; tone: Tone }> = {
  open: { label: 'Open', tone: 'info' },
  awaiting_approval: { label: 'Draft awaits approval', tone: 'attention' },
  escalated: { label: 'Escalated', tone: 'warning' },
  answered: { label: 'Answered', tone: 'success' },
  hidden: { label: 'Hidden', tone: 'muted' },
  closed: { label: 'Closed', tone: 'muted' },
};

export const INTENT: Record<Intent, string> = {
  question: 'Question',
  praise: 'Praise',
  complaint: 'Complaint',
  spam: 'Spam',
  other: 'Other',
  pricing: 'Pricing',
  refund: 'Refund',
  legal: 'Legal',
  medical: 'Medical',
  harassment: 'Harassment',
  crisis: 'Crisis',
  press: 'Press',
};

export const SENTIMENT: Record<Sentiment, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

export const FLAG: Record<SafetyFlag, string> = {
  injection: 'Prompt injection',
  link: 'Link',
  pii: 'Personal data',
  profanity: 'Profanity',
};

export const KIND: Record<InboundKind, string> = {
  comment: 'Comment',
  reply: 'Reply',
  mention: 'Mention',
  dm: 'Direct message',
};

/** A value read from the address bar, kept only when it is one of `words`' keys (else the API would refuse it). */
export function oneOf<K extends string>(words: Record<K, unknown>, value: string | null): K | undefined {
  return value !== null && Object.hasOwn(words, value) ? (value as K) : undefined;
}

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** "in 90 minutes", "3 hours ago": an SLA is read against the clock, not as a date; minutes up to two hours. */
export function fromNow(iso: string, now = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  if (Math.abs(minutes) < 120) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

/** Who an operator id is, as far as the app knows: the API has no list of a client's operators to name others. */
export function who(userId: string | null, meId: string): string {
  if (!userId) return 'nobody';
  return userId === meId ? 'you' : `a colleague (${userId.slice(0, 8)})`;
}
