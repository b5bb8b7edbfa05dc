import { z } from 'zod';
import type { InboundKind, Intent, SafetyFlag, Sentiment } from '../../../../workflows/contracts/vocabulary/engagement';

/** Where a routed message goes: a human (escalate), a drafted reply, hidden as spam, or left alone. */
export const ROUTES = ['escalate', 'draft', 'hide', 'ignore'] as const;
export type Route = (typeof ROUTES)[number];

/**
 * What the router and the drafter know of a brand: the kit's words and voice (a subset of the creation episode's
 * CreationBrandContext, so the same loader can serve both).
 */
export interface EngagementBrandContext {
  name?: string;
  voice?: string;
  doWords?: string[];
  dontWords?: string[];
  bannedTerms?: string[];
  bannedClaims?: string[];
}

/** The client's router settings (stored by the lead's settings; parsed here so bad values fail clearly). */
export const routerSettingsSchema = z.object({
  /** `llm`: the client's classifier (its own key, or the local provider) after the rules */
  classifier: z.enum(['rules', 'llm']).default('rules'),
  /** an LLM answer less sure than this is not trusted: the rules decide and a human looks */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /** domains of the brand's own links: a link there is not a spam signal (still flagged as a link) */
  linkAllowlist: z.array(z.string().min(1).max(253)).max(100).default([]),
});
export type RouterSettings = z.infer<typeof routerSettingsSchema>;

export interface RouteInput {
  /** the inbound text: untrusted data (C-27) */
  text: string;
  kind: InboundKind;
  platform: string;
  brand: EngagementBrandContext;
  settings: Partial<RouterSettings>;
}

export interface RouteDecision {
  intent: Intent;
  sentiment: Sentiment;
  flags: SafetyFlag[];
  sensitive: boolean;
  route: Route;
  /** short and operator-facing ("mentions a refund"): the inbox's "why it was routed here" */
  why: string[];
  classifier: 'rules' | 'llm';
  /** 0..1 */
  confidence: number;
}
