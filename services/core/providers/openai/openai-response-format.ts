import type { TextRequest } from '../provider.types';

/** The `response_format` of a Chat Completions request that asks for Structured Outputs. */
export interface JsonSchemaResponseFormat {
  type: 'json_schema';
  json_schema: { name: string; schema: Record<string, unknown>; strict: true };
}

/**
 * The keywords Structured Outputs accepts in strict mode (https://platform.openai.com/docs/guides/structured-outputs,
 * "Supported schemas"): structure, composition and the constraints it enforces while decoding. Any other keyword is
 * refused with a 400 ("'minLength' is not permitted").
 */
const STRICT_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  '$ref',
  '$defs',
  'definitions',
  'title',
  'description',
  // strings
  'pattern',
  'format',
  // numbers
  'multipleOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  // arrays
  'minItems',
  'maxItems',
]);
/** Keywords whose value is a map of names to schemas: the names are data, the values are schemas. */
const SCHEMA_MAPS: ReadonlySet<string> = new Set(['properties', '$defs', 'definitions']);

/**
 * The caller's JSON Schema cut to the strict subset: keywords OpenAI cannot enforce (`minLength`, `maxLength`,
 * `$schema`, ...) are left out rather than have the whole call refused. Nothing is lost: the caller validates the
 * answer against its own schema anyway (TextRequest.responseSchema), so a length the model overruns is still caught.
 * Required properties and `additionalProperties: false` are not invented here: a schema that lacks them is the
 * caller's bug, and the vendor's 400 says so.
 */
export function toStrictJsonSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return strictNode(schema) as Record<string, unknown>;
}

function strictNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictNode);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (!STRICT_KEYWORDS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, strictNode(sub)]));
    } else if (key === 'enum' || key === 'const' || key === 'required') {
      // values, not schemas: copied as they are
      out[key] = value;
    } else {
      out[key] = strictNode(value);
    }
  }
  return out;
}

/** `response_format` for a request that carries a response schema; undefined when it carries none. */
export function openAiResponseFormat(req: Pick<TextRequest, 'responseSchema'>): JsonSchemaResponseFormat | undefined {
  if (!req.responseSchema) return undefined;
  return {
    type: 'json_schema',
    json_schema: {
      name: req.responseSchema.name,
      schema: toStrictJsonSchema(req.responseSchema.schema),
      // Without strict the schema is only a hint; with it the model's decoding is constrained to the schema.
      strict: true,
    },
  };
}
