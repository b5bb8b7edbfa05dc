import { z } from 'zod';

/** The name the drafter's response schema goes by (the local provider answers it from the templates). */
export const ANSWER_SCHEMA_NAME = 'engagement_reply_answer';
/** A model's answer slot is one short paragraph. */
export const MAX_ANSWER_CHARS = 280;

export const answerSchema = z.object({ answer: z.string().min(1).max(MAX_ANSWER_CHARS) }).strict();
export const ANSWER_JSON_SCHEMA = z.toJSONSchema(answerSchema) as Record<string, unknown>;

/** A model's answer: one JSON object with one short string; anything else is null. */
export function parseAnswer(raw: string | undefined): string | null {
  if (typeof raw !== 'string' || raw.length > 4 * MAX_ANSWER_CHARS) return null;
  try {
    const parsed = answerSchema.safeParse(JSON.parse(raw.trim()));
    return parsed.success ? parsed.data.answer : null;
  } catch {
    return null;
  }
}
