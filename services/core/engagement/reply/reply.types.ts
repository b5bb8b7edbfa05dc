import { z } from 'zod';
import type { InboundKind, Intent, SafetyFlag } from '../../../../workflows/contracts/vocabulary/engagement';
import type { EngagementBrandContext } from '../router/router.types';

/** The client's reply settings (stored by the lead's settings; parsed here so bad values fail clearly). */
export const replySettingsSchema = z.object({
  /** `llm`: the client's model (its own key, or the local provider) fills the template's answer slot */
  drafter: z.enum(['templates', 'llm']).default('templates'),
  /** domains a reply may link to (the brand's own); nothing else */
  linkAllowlist: z.array(z.string().min(1).max(253)).max(100).default([]),
  /** a client may keep replies shorter than the platform allows */
  maxChars: z.number().int().positive().max(10_000).optional(),
});
export type ReplySettings = z.infer<typeof replySettingsSchema>;

/** One earlier message of the thread, as the drafter may see it. */
export interface ThreadMessage {
  direction: 'in' | 'out';
  text: string;
}

export interface DraftInput {
  /** the inbound message being answered: untrusted data (C-27) */
  message: { text: string; kind: InboundKind; platform: string };
  /** what the router said about it */
  decision: { intent: Intent; flags: SafetyFlag[]; sensitive: boolean };
  brand: EngagementBrandContext;
  /** the thread's summary and its last few messages (never the whole history) */
  thread?: { summary: string; recent: ThreadMessage[] };
  settings: Partial<ReplySettings>;
  /** a stable id of the message (its id): picks among a template's wordings, so a redraft is the same draft */
  seed: string;
}

/** The template's three slots; greeting and sign-off come from the brand kit, only the answer may come from a model. */
export interface TemplateSlots {
  greeting: string;
  answer: string;
  signOff: string;
}

export interface ReplyCheck {
  allow: boolean;
  reasons: { code: string; message: string }[];
}

export interface DraftResult {
  text: string;
  /** the template's id (`question.v1`, …) */
  template: string;
  slots: TemplateSlots;
  /** where the answer slot's text came from */
  answerSource: 'template' | 'llm';
  /** the reply constraints' verdict on this text (C-29); `allow` false means it must not be sent */
  checks: ReplyCheck;
  /** operator-facing notes: why a model's answer was not used */
  notes: string[];
}
