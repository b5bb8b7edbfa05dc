import { ANSWER_JSON_SCHEMA, ANSWER_SCHEMA_NAME } from '../../engagement/reply/answer.schema';
import { CLASSIFICATION_JSON_SCHEMA, CLASSIFICATION_SCHEMA_NAME } from '../../engagement/router/classification.schema';
import { openAiResponseFormat, toStrictJsonSchema } from './openai-response-format';

type Node = Record<string, unknown>;
/** Every object node of a schema, with where it is. */
function objects(node: unknown, path = '#'): [string, Node][] {
  if (node === null || typeof node !== 'object') return [];
  const n = node as Node;
  const here: [string, Node][] = n.type === 'object' ? [[path, n]] : [];
  const props = (n.properties ?? {}) as Record<string, unknown>;
  return [
    ...here,
    ...Object.entries(props).flatMap(([k, v]) => objects(v, `${path}/properties/${k}`)),
    ...(n.items !== undefined ? objects(n.items, `${path}/items`) : []),
  ];
}

describe('OpenAI response_format (Structured Outputs)', () => {
  it('is absent without a response schema', () => {
    expect(openAiResponseFormat({})).toBeUndefined();
  });

  it('sends the schema as json_schema {name, schema, strict: true}', () => {
    const schema = { type: 'object', properties: {}, required: [], additionalProperties: false };
    expect(openAiResponseFormat({ responseSchema: { name: 'n_1', schema } })).toEqual({
      type: 'json_schema',
      json_schema: { name: 'n_1', schema, strict: true },
    });
  });

  it('leaves out the keywords strict mode refuses, nested and at the root, and keeps the rest', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        // a property may be named like a keyword: names are data, never filtered
        minLength: { type: 'string', minLength: 1, maxLength: 9, pattern: '^a', description: 'd' },
        list: { type: 'array', items: { type: 'integer', minimum: 0, default: 3 }, maxItems: 2, uniqueItems: true },
        pick: { anyOf: [{ $ref: '#/$defs/x' }, { type: 'null' }] },
      },
      required: ['minLength', 'list', 'pick'],
      additionalProperties: false,
      $defs: { x: { type: 'string', enum: ['a', 'b'], examples: ['a'] } },
    };
    expect(toStrictJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        minLength: { type: 'string', pattern: '^a', description: 'd' },
        list: { type: 'array', items: { type: 'integer', minimum: 0 }, maxItems: 2 },
        pick: { anyOf: [{ $ref: '#/$defs/x' }, { type: 'null' }] },
      },
      required: ['minLength', 'list', 'pick'],
      additionalProperties: false,
      $defs: { x: { type: 'string', enum: ['a', 'b'] } },
    });
    // the caller's schema is not changed in place
    expect(schema.properties.minLength).toHaveProperty('maxLength', 9);
  });

  it.each([
    [CLASSIFICATION_SCHEMA_NAME, CLASSIFICATION_JSON_SCHEMA],
    [ANSWER_SCHEMA_NAME, ANSWER_JSON_SCHEMA],
  ])('keeps Raize’s %s schema strict: every object closed and all its properties required', (name, schema) => {
    expect(name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const strict = toStrictJsonSchema(schema);
    expect(strict).not.toHaveProperty('$schema');
    const found = objects(strict);
    expect(found.length).toBeGreaterThan(0);
    for (const [, node] of found) {
      expect(node.additionalProperties).toBe(false);
      expect([...(node.required as string[])].sort()).toEqual(Object.keys(node.properties as object).sort());
    }
  });
});
