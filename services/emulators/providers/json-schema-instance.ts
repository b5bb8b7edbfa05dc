import { isPlainObject, resolveLocalRef } from './json-schema-check';

/**
 * A value that conforms to a (well-formed, see json-schema-check.ts) JSON Schema, made deterministically: what an
 * emulated model answers under structured output. `const` and the first `enum` value win; a string is short, a number
 * sits inside its bounds, an array holds as few items as it may, an object its required properties; the first branch
 * of anyOf/oneOf. Keywords it cannot honour by construction (`pattern`, `not`, `if`) are not attempted: the vendors'
 * own subsets leave them out or the tests do not use them.
 */
export function conformingInstance(schema: unknown): unknown {
  return instanceOf(schema, schema, 0);
}

const MAX_DEPTH = 32;

function instanceOf(root: unknown, node: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || node === true || !isPlainObject(node)) return null;
  if (typeof node.$ref === 'string') return instanceOf(root, resolveLocalRef(root, node.$ref), depth + 1);
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (branches && branches.length > 0 && node.type === undefined) return instanceOf(root, branches[0], depth + 1);
  if (Array.isArray(node.allOf) && node.allOf.length > 0 && node.type === undefined)
    return instanceOf(root, node.allOf[0], depth + 1);
  switch (typeOf(node)) {
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'integer':
      return numberIn(node, true);
    case 'number':
      return numberIn(node, false);
    case 'string':
      return stringIn(node);
    case 'array':
      return arrayIn(root, node, depth);
    case 'object':
      return objectIn(root, node, depth);
    default:
      return null;
  }
}

function typeOf(node: Record<string, unknown>): string {
  const declared: unknown[] = Array.isArray(node.type) ? node.type : [node.type];
  // ['string', 'null'] (an optional field in strict mode): the non-null type makes the more useful answer.
  const type = declared.find((t) => typeof t === 'string' && t !== 'null') ?? declared[0];
  if (typeof type === 'string') return type;
  if (isPlainObject(node.properties)) return 'object';
  if (node.items !== undefined || node.prefixItems !== undefined) return 'array';
  return 'null';
}

function numberIn(node: Record<string, unknown>, integer: boolean): number {
  const num = (k: string): number | undefined => (typeof node[k] === 'number' ? (node[k] as number) : undefined);
  const step = integer ? 1 : 0.5;
  const lo = num('minimum') ?? (num('exclusiveMinimum') !== undefined ? num('exclusiveMinimum')! + step : undefined);
  const hi = num('maximum') ?? (num('exclusiveMaximum') !== undefined ? num('exclusiveMaximum')! - step : undefined);
  let n = lo !== undefined && hi !== undefined ? (lo + hi) / 2 : (lo ?? hi ?? 0);
  if (integer) n = lo !== undefined ? Math.ceil(n) : Math.floor(n);
  const multiple = num('multipleOf');
  if (multiple) n = Math.ceil(n / multiple) * multiple;
  return n;
}

const FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  duration: 'P1D',
  email: 'a@example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com/',
};

function stringIn(node: Record<string, unknown>): string {
  const format = typeof node.format === 'string' ? FORMATS[node.format] : undefined;
  if (format) return format;
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const max = typeof node.maxLength === 'number' ? node.maxLength : Number.MAX_SAFE_INTEGER;
  const word = 'ok';
  if (word.length >= min && word.length <= max) return word;
  return 'x'.repeat(Math.min(Math.max(min, 0), max));
}

function arrayIn(root: unknown, node: Record<string, unknown>, depth: number): unknown[] {
  const min = typeof node.minItems === 'number' ? node.minItems : 0;
  const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : [];
  const out: unknown[] = [];
  for (let i = 0; i < min; i++) {
    out.push(instanceOf(root, i < prefix.length ? prefix[i] : node.items, depth + 1));
  }
  return out;
}

function objectIn(root: unknown, node: Record<string, unknown>, depth: number): Record<string, unknown> {
  const properties = isPlainObject(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : [];
  const out: Record<string, unknown> = {};
  for (const name of required) out[name] = instanceOf(root, properties[name] ?? {}, depth + 1);
  return out;
}
