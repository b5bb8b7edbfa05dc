import { ANSWER_JSON_SCHEMA, ANSWER_SCHEMA_NAME } from '../../../services/core/engagement/reply/answer.schema';
import { classificationRequest } from '../../../services/core/engagement/router/llm.classifier';
import type { TextRequest } from '../../../services/core/providers/provider.types';

/** The request the engagement router's LLM classifier sends, as it sends it (schema included). */
export const classifierRequest = (model?: string): TextRequest => ({
  ...classificationRequest({
    text: 'Do you ship to Canada? My order never arrived.',
    kind: 'comment',
    platform: 'instagram',
    brandName: 'Acme',
  }),
  ...(model && { model }),
});

/** A request under the reply drafter's answer schema (its maxLength is a keyword strict modes do not take). */
export const drafterRequest = (model?: string): TextRequest => ({
  prompt: 'Write the answer to the message in the inbound block.',
  maxOutputTokens: 150,
  responseSchema: { name: ANSWER_SCHEMA_NAME, schema: ANSWER_JSON_SCHEMA },
  ...(model && { model }),
});

/** A request whose schema is no JSON Schema at all: a property's type that does not exist. */
export const malformedSchemaRequest = (model?: string): TextRequest => ({
  prompt: 'Classify this.',
  maxOutputTokens: 100,
  responseSchema: {
    name: 'broken_schema',
    schema: {
      type: 'object',
      properties: { intent: { type: 'text' } },
      required: ['intent'],
      additionalProperties: false,
    },
  },
  ...(model && { model }),
});
