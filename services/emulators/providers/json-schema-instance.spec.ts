import { answerSchema, ANSWER_JSON_SCHEMA } from '../../core/engagement/reply/answer.schema';
import { classificationSchema, CLASSIFICATION_JSON_SCHEMA } from '../../core/engagement/router/classification.schema';
import { jsonSchemaProblem } from './json-schema-check';
import { conformingInstance } from './json-schema-instance';

describe('conformingInstance (what an emulated model answers under a schema)', () => {
  it('answers Raize’s classification and answer schemas with values their own Zod schemas accept', () => {
    const classification = conformingInstance(CLASSIFICATION_JSON_SCHEMA);
    expect(classificationSchema.parse(classification)).toEqual({
      intent: 'question',
      sentiment: 'positive',
      flags: [],
      sensitive: false,
      confidence: 0.5,
    });
    expect(answerSchema.safeParse(conformingInstance(ANSWER_JSON_SCHEMA)).success).toBe(true);
  });

  it('is deterministic and keeps to bounds, lengths, formats, required properties, refs and first branches', () => {
    const schema = {
      type: 'object',
      properties: {
        n: { type: 'integer', exclusiveMinimum: 3 },
        m: { type: 'number', maximum: -2 },
        long: { type: 'string', minLength: 5, maxLength: 6 },
        at: { type: 'string', format: 'date-time' },
        two: { type: 'array', minItems: 2, items: { $ref: '#/$defs/tag' } },
        none: { type: 'array', items: { type: 'string' } },
        either: { anyOf: [{ type: 'boolean' }, { type: 'string' }] },
        maybe: { type: ['string', 'null'] },
        fixed: { const: 7 },
        optional: { type: 'string' },
      },
      required: ['n', 'm', 'long', 'at', 'two', 'none', 'either', 'maybe', 'fixed'],
      $defs: { tag: { type: 'string', enum: ['first', 'second'] } },
    };
    expect(jsonSchemaProblem(schema)).toBeUndefined();
    const a = conformingInstance(schema);
    expect(a).toEqual({
      n: 4,
      m: -2,
      long: 'xxxxx',
      at: '2024-01-01T00:00:00Z',
      two: ['first', 'first'],
      none: [],
      either: false,
      maybe: 'ok',
      fixed: 7,
    });
    expect(conformingInstance(schema)).toEqual(a);
  });
});

describe('jsonSchemaProblem (JSON Schema 2020-12 well-formedness)', () => {
  it.each([
    ['an unknown type', { type: 'text' }, ['type']],
    ['properties that are not schemas', { type: 'object', properties: { a: 'string' } }, ['properties', 'a']],
    ['required that is not a list of names', { type: 'object', required: 'a' }, ['required']],
    ['a negative maxItems', { type: 'array', maxItems: -1 }, ['maxItems']],
    ['an empty anyOf', { anyOf: [] }, ['anyOf']],
    ['a $ref that resolves nowhere', { $ref: '#/$defs/missing' }, ['$ref']],
    ['a pattern that does not compile', { type: 'string', pattern: '(' }, ['pattern']],
    [
      'a nested problem',
      { type: 'object', properties: { a: { items: { type: 7 } } } },
      ['properties', 'a', 'items', 'type'],
    ],
  ])('finds %s', (_why, schema, path) => {
    expect(jsonSchemaProblem(schema)?.path).toEqual(path);
  });

  it('accepts unknown keywords (annotations) and boolean schemas', () => {
    expect(jsonSchemaProblem({ type: 'object', 'x-note': { any: 1 }, additionalProperties: true })).toBeUndefined();
  });
});
