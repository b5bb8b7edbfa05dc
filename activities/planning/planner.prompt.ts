import type { TextRequest } from '../../services/core/providers/provider.types';
import type { PlannedSlot } from '../../services/core/plans/plan-slots';
import type { BrandSummary } from './planning.deps';

/** A brief is a summary: what the creator step starts from, short enough for the external memory's rows. */
export const MAX_BRIEF_CHARS = 600;

/**
 * The planner's request for one item: the plan's goals (an operator's short text), the slot, the brand's summary.
 * Only summaries and ids enter the prompt; no knowledge-base text, no earlier outputs (the contract rule).
 */
export function briefRequest(goals: string, slot: PlannedSlot, brand: BrandSummary): TextRequest {
  return {
    system:
      `You plan social media content for ${brand.name}. Write one short brief (2-3 sentences) for a single post: ` +
      'its angle, the key message and a call to action. Plain text, no hashtags, no preamble.' +
      (brand.summary ? `\nBrand summary:\n${brand.summary.slice(0, 800)}` : ''),
    prompt: [
      `Goals: ${goals.slice(0, 600)}`,
      `Content pillar: ${slot.pillar}`,
      `Platform: ${slot.platform}; format: ${slot.format}`,
      `Goes out: ${slot.localDate} ${slot.localTime} local time`,
    ].join('\n'),
    maxOutputTokens: 200,
    temperature: 0.7,
  };
}

/** The brief kept in the plan: the model's text trimmed to a summary, or a plain one when it said nothing. */
export function briefFrom(text: string | undefined, slot: PlannedSlot): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return `A ${slot.format} post about ${slot.pillar} for ${slot.platform}.`;
  return t.length <= MAX_BRIEF_CHARS ? t : `${t.slice(0, MAX_BRIEF_CHARS - 1)}…`;
}
