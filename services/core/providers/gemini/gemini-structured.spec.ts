import { ANSWER_JSON_SCHEMA } from '../../engagement/reply/answer.schema';
import { geminiStructuredConfig } from './gemini-structured';

describe('Gemini structured output config', () => {
  it('is absent without a response schema', () => {
    expect(geminiStructuredConfig({})).toBeUndefined();
  });

  it('sends the JSON Schema as responseJsonSchema with the JSON mime type it requires', () => {
    expect(geminiStructuredConfig({ responseSchema: { name: 'a', schema: ANSWER_JSON_SCHEMA } })).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: ANSWER_JSON_SCHEMA,
    });
  });
});
