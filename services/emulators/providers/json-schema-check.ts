/**
 * What every vendor emulator checks before it constrains an answer to a caller's JSON Schema: that the schema is one
 * by the JSON Schema 2020-12 meta-schema's rules for the keywords it uses (https://json-schema.org/draft/2020-12/
 * json-schema-core and json-schema-validation), and that its local `$ref`s resolve. Unknown keywords are allowed
 * (the standard treats them as annotations); each vendor file adds its own documented restrictions on top.
 */

/** Where in the schema a problem is (keyword and property names from the root), and what it is. */
export interface SchemaProblem {
  path: string[];
  message: string;
}

export const JSON_SCHEMA_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
]);

const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_KEYWORDS = [
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SCHEMA_ARRAY_KEYWORDS = ['prefixItems', 'allOf', 'anyOf', 'oneOf'];
const COUNT_KEYWORDS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
const STRING_KEYWORDS = ['$ref', '$id', '$anchor', '$schema', '$comment', 'format', 'title', 'description'];

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The first problem of a schema, depth first in key order; undefined when it is well-formed. */
export function jsonSchemaProblem(root: unknown): SchemaProblem | undefined {
  return nodeProblem(root, root, []);
}

function nodeProblem(root: unknown, node: unknown, path: string[]): SchemaProblem | undefined {
  if (typeof node === 'boolean') return undefined;
  if (!isPlainObject(node)) return { path, message: 'a schema must be an object or a boolean' };
  const at = (key: string, message: string): SchemaProblem => ({ path: [...path, key], message });
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') {
      const types = Array.isArray(value) ? value : [value];
      if (types.length === 0 || types.some((t) => typeof t !== 'string' || !JSON_SCHEMA_TYPES.has(t)))
        return at(key, `must be one of ${[...JSON_SCHEMA_TYPES].join(', ')} or an array of them`);
      if (new Set(types).size !== types.length) return at(key, 'must not repeat a type');
    } else if (SCHEMA_MAP_KEYWORDS.includes(key)) {
      if (!isPlainObject(value)) return at(key, 'must be an object of schemas');
      for (const [name, sub] of Object.entries(value)) {
        const problem = nodeProblem(root, sub, [...path, key, name]);
        if (problem) return problem;
      }
    } else if (SCHEMA_KEYWORDS.includes(key)) {
      const problem = nodeProblem(root, value, [...path, key]);
      if (problem) return problem;
    } else if (SCHEMA_ARRAY_KEYWORDS.includes(key)) {
      if (!Array.isArray(value) || value.length === 0) return at(key, 'must be a non-empty array of schemas');
      for (const [i, sub] of value.entries()) {
        const problem = nodeProblem(root, sub, [...path, key, String(i)]);
        if (problem) return problem;
      }
    } else if (key === 'required') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return at(key, 'must be an array of strings');
      if (new Set(value).size !== value.length) return at(key, 'must not repeat a name');
    } else if (key === 'enum') {
      if (!Array.isArray(value)) return at(key, 'must be an array');
    } else if (COUNT_KEYWORDS.includes(key)) {
      if (!Number.isInteger(value) || (value as number) < 0) return at(key, 'must be a non-negative integer');
    } else if (NUMBER_KEYWORDS.includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return at(key, 'must be a number');
    } else if (key === 'multipleOf') {
      if (typeof value !== 'number' || !(value > 0)) return at(key, 'must be a number greater than 0');
    } else if (key === 'pattern') {
      if (typeof value !== 'string' || !compiles(value)) return at(key, 'must be a valid regular expression');
    } else if (STRING_KEYWORDS.includes(key)) {
      if (typeof value !== 'string') return at(key, 'must be a string');
      if (key === '$ref' && resolveLocalRef(root, value) === undefined)
        return at(key, `does not resolve: ${value.slice(0, 100)}`);
    }
  }
  return undefined;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * A `$ref` inside the same document (`#`, `#/$defs/x`, `#/properties/a`); undefined when it points elsewhere or
 * nowhere. Emulators fetch nothing, so a remote reference does not resolve.
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}
