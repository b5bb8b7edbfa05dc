import type { TextRequest } from '../provider.types';

/** The generationConfig fields that constrain a Gemini answer to a JSON Schema. */
export interface GeminiStructuredConfig {
  responseMimeType: 'application/json';
  responseJsonSchema: Record<string, unknown>;
}

/**
 * Structured output (https://ai.google.dev/gemini-api/docs/structured-output): `responseJsonSchema` takes standard
 * JSON Schema as it is (https://ai.google.dev/api/generate-content#generationconfig), unlike `responseSchema` and its
 * OpenAPI subset that would need the schema translated; the API requires `responseMimeType` with it. Keywords Gemini
 * does not enforce (`minLength`, ...) are ignored by it, and the caller validates the answer against its own schema.
 */
export function geminiStructuredConfig(req: Pick<TextRequest, 'responseSchema'>): GeminiStructuredConfig | undefined {
  if (!req.responseSchema) return undefined;
  return { responseMimeType: 'application/json', responseJsonSchema: req.responseSchema.schema };
}
