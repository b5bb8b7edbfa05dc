import { readResponseFormat, strictSchemaProblem } from './openai-strict-schema';

const closed = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

describe('OpenAI strict-mode schema rules', () => {
  it('accepts a closed object whose properties are all required', () => {
    expect(
      strictSchemaProblem(closed({ a: { type: 'string' }, b: closed({ c: { type: 'number' } }) })),
    ).toBeUndefined();
  });

  it.each([
    [
      'a root that is not an object',
      { type: 'array', items: { type: 'string' } },
      `'type: "object"', got 'type: "array"'`,
    ],
    [
      'an open object',
      { ...closed({ a: { type: 'string' } }), additionalProperties: true },
      "context=(), 'additionalProperties' is required",
    ],
    [
      'a property left out of required',
      { ...closed({ a: { type: 'string' }, b: { type: 'string' } }), required: ['a'] },
      "Missing 'b'",
    ],
    [
      'a nested open object',
      closed({ a: { type: 'object', properties: {} } }),
      "context=('properties', 'a'), 'additionalProperties'",
    ],
    [
      'a keyword strict mode does not support',
      closed({ a: { type: 'string', minLength: 1 } }),
      "'minLength' is not permitted",
    ],
    [
      '$schema',
      { ...closed({}), $schema: 'https://json-schema.org/draft/2020-12/schema' },
      "'$schema' is not permitted",
    ],
    ['an unsupported format', closed({ a: { type: 'string', format: 'uri' } }), "format 'uri' is not permitted"],
  ])('refuses %s', (_why, schema, message) => {
    expect(strictSchemaProblem(schema)).toContain(message);
  });

  it('reads response_format: absent is text; a bad name, a malformed schema and a strict breach are refused', () => {
    expect(readResponseFormat(undefined)).toEqual({ ok: true, kind: 'text' });
    const schema = closed({ a: { type: 'string' } });
    expect(readResponseFormat({ type: 'json_schema', json_schema: { name: 'ok_1', schema, strict: true } })).toEqual({
      ok: true,
      kind: 'json_schema',
      schema,
    });
    expect(readResponseFormat({ type: 'json_schema', json_schema: { name: 'no spaces', schema } })).toMatchObject({
      ok: false,
      param: 'response_format.json_schema.name',
    });
    expect(
      readResponseFormat({
        type: 'json_schema',
        json_schema: { name: 'n', schema: { type: 'object', required: 'a' } },
      }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining("Invalid schema for response_format 'n'") as unknown as string,
    });
    // strict off: only well-formedness is checked
    const open = { type: 'object', properties: { a: { type: 'string', minLength: 1 } } };
    expect(readResponseFormat({ type: 'json_schema', json_schema: { name: 'n', schema: open } })).toMatchObject({
      ok: true,
    });
    expect(
      readResponseFormat({ type: 'json_schema', json_schema: { name: 'n', schema: open, strict: true } }),
    ).toMatchObject({ ok: false, param: 'response_format' });
  });
});
