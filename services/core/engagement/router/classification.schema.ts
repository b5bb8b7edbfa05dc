import { z } from 'zod';
import { INTENTS, SAFETY_FLAGS, SENTIMENTS } from '../../../../workflows/contracts/vocabulary/engagement';

/** The name the classifier's response schema goes by (the local provider answers it from the rules). */
export const CLASSIFICATION_SCHEMA_NAME = 'engagement_classification';

/**
 * What a model may answer when it classifies an inbound message: closed vocabularies and a number, no free text, so
 * nothing the model writes (or an injection makes it write) reaches an operator or a reply.
 */
export const classificationSchema = z
  .object({
    intent: z.enum(INTENTS),
    sentiment: z.enum(SENTIMENTS),
    flags: z.array(z.enum(SAFETY_FLAGS)).max(SAFETY_FLAGS.length),
    sensitive: z.boolean(),
    confidence: z.number().min(0).max(1),
  })
  .strict();
export type Classification = z.infer<typeof classificationSchema>;

/** The same schema as JSON Schema, for the request (vendors that support it constrain their output with it). */
export const CLASSIFICATION_JSON_SCHEMA = z.toJSONSchema(classificationSchema) as Record<string, unknown>;

/** Parses a model's answer: one JSON object, nothing around it; anything else is null. */
export function parseClassification(raw: string | undefined): Classification | null {
  if (typeof raw !== 'string' || raw.length > 2000) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw.trim());
  } catch {
    return null;
  }
  const parsed = classificationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
