/**
 * `response_format` of Chat Completions as OpenAI documents it, shared by the OpenAI and OpenRouter emulators
 * (OpenRouter takes the same field and passes it to the model's provider):
 * - https://platform.openai.com/docs/api-reference/chat/create (`response_format`: text | json_object | json_schema
 *   {name, description?, schema?, strict?}; the name: a-z, A-Z, 0-9, underscores and dashes, at most 64)
 * - https://platform.openai.com/docs/guides/structured-outputs ("Supported schemas": the root is an object and not
 *   anyOf; every object sets `additionalProperties: false` and lists every property in `required`; the supported
 *   keywords; at most 5000 object properties, 10 levels of nesting and 1000 enum values)
 * - https://openrouter.ai/docs/features/structured-outputs (the same shape)
 */
import { z } from 'zod';
import { isPlainObject, jsonSchemaProblem } from './json-schema-check';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string().regex(NAME, 'must be a-z, A-Z, 0-9, underscores or dashes, at most 64'),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

/** What a request's `response_format` asks the answer to be. */
export type ResponseFormatReading =
  | { ok: true; kind: 'text' }
  | { ok: true; kind: 'json_object' }
  | { ok: true; kind: 'json_schema'; schema: Record<string, unknown> }
  /** refused: the vendor's 400, with the message it documents and the offending parameter */
  | { ok: false; message: string; param: string };

export function readResponseFormat(value: unknown): ResponseFormatReading {
  if (value === undefined) return { ok: true, kind: 'text' };
  const parsed = responseFormatSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = ['response_format', ...(issue?.path ?? []).map(String)].join('.');
    return { ok: false, message: `Invalid value for '${param}': ${issue?.message ?? 'invalid'}`, param };
  }
  const format = parsed.data;
  if (format.type !== 'json_schema') return { ok: true, kind: format.type };
  const { name, schema = {}, strict } = format.json_schema;
  const problem = jsonSchemaProblem(schema);
  if (problem)
    return refusal(name, `In context=${context(problem.path)}, ${problem.message}.`, 'response_format.json_schema');
  if (strict) {
    const strictProblem = strictSchemaProblem(schema);
    if (strictProblem) return refusal(name, strictProblem, 'response_format');
  }
  return { ok: true, kind: 'json_schema', schema };
}

const refusal = (name: string, why: string, param: string): ResponseFormatReading => ({
  ok: false,
  message: `Invalid schema for response_format '${name}': ${why}`,
  param,
});

/** The keywords the guide lists as supported in strict mode; any other is "not permitted". */
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
  'pattern',
  'format',
  'multipleOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
]);
const STRICT_FORMATS: ReadonlySet<string> = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);
const MAX_PROPERTIES = 5000;
const MAX_NESTING = 10;
const MAX_ENUM_VALUES = 1000;

/** The first rule of strict mode a (well-formed) schema breaks, in OpenAI's wording; undefined when it keeps them all. */
export function strictSchemaProblem(schema: Record<string, unknown>): string | undefined {
  const rootType = typeof schema.type === 'string' ? schema.type : 'None';
  if (rootType !== 'object' || 'anyOf' in schema)
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${rootType}"'.`;
  const counts = { properties: 0, enumValues: 0 };
  const problem = strictNode(schema, [], 0, counts);
  if (problem) return problem;
  if (counts.properties > MAX_PROPERTIES)
    return `The schema has ${counts.properties} object properties; at most ${MAX_PROPERTIES} are permitted.`;
  if (counts.enumValues > MAX_ENUM_VALUES)
    return `The schema has ${counts.enumValues} enum values; at most ${MAX_ENUM_VALUES} are permitted.`;
  return undefined;
}

function strictNode(
  node: unknown,
  path: string[],
  depth: number,
  counts: { properties: number; enumValues: number },
): string | undefined {
  const where = `In context=${context(path)}`;
  if (!isPlainObject(node)) return `${where}, schema must be an object.`;
  if (depth > MAX_NESTING) return `${where}, the schema nests more than ${MAX_NESTING} levels.`;
  for (const key of Object.keys(node)) {
    if (!STRICT_KEYWORDS.has(key)) return `${where}, '${key}' is not permitted.`;
  }
  if (typeof node.format === 'string' && !STRICT_FORMATS.has(node.format))
    return `${where}, format '${node.format}' is not permitted.`;
  if (Array.isArray(node.enum)) counts.enumValues += node.enum.length;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('object') || isPlainObject(node.properties)) {
    if (node.additionalProperties !== false)
      return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    const properties = isPlainObject(node.properties) ? node.properties : {};
    const required = Array.isArray(node.required) ? (node.required as string[]) : [];
    const missing = Object.keys(properties).find((p) => !required.includes(p));
    if (missing !== undefined)
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    const extra = required.find((r) => !(r in properties));
    if (extra !== undefined) return `${where}, 'required' names '${extra}', which is not in properties.`;
    counts.properties += Object.keys(properties).length;
    for (const [name, sub] of Object.entries(properties)) {
      const problem = strictNode(sub, [...path, 'properties', name], depth + 1, counts);
      if (problem) return problem;
    }
  }
  if (node.items !== undefined) {
    const problem = strictNode(node.items, [...path, 'items'], depth + 1, counts);
    if (problem) return problem;
  }
  if (Array.isArray(node.anyOf)) {
    for (const [i, sub] of node.anyOf.entries()) {
      const problem = strictNode(sub, [...path, 'anyOf', String(i)], depth + 1, counts);
      if (problem) return problem;
    }
  }
  for (const defs of ['$defs', 'definitions']) {
    if (!isPlainObject(node[defs])) continue;
    for (const [name, sub] of Object.entries(node[defs])) {
      const problem = strictNode(sub, [...path, defs, name], depth, counts);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The path as OpenAI prints it: a Python tuple of the keys from the root, `()` at the root. */
function context(path: string[]): string {
  if (path.length === 0) return '()';
  const items = path.map((p) => `'${p}'`);
  return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
}
