import { CLASSIFICATION_JSON_SCHEMA } from '../../engagement/router/classification.schema';
import { anthropicForcedTool, toolAnswerOf } from './anthropic-structured';

describe('Anthropic forced tool for a response schema', () => {
  it('is absent without a response schema', () => {
    expect(anthropicForcedTool({})).toBeUndefined();
  });

  it('offers one tool named after the schema, its input_schema the schema, and forces it', () => {
    const forced = anthropicForcedTool({ responseSchema: { name: 'answer_x', schema: CLASSIFICATION_JSON_SCHEMA } });
    expect(forced).toEqual({
      tools: [
        {
          name: 'answer_x',
          description: expect.any(String) as unknown as string,
          input_schema: CLASSIFICATION_JSON_SCHEMA,
        },
      ],
      tool_choice: { type: 'tool', name: 'answer_x' },
    });
  });

  it('reads the forced tool’s input as the JSON answer, and nothing from another tool or a text block', () => {
    const input = { intent: 'question', flags: [] };
    const content = [
      { type: 'text', text: '{"intent":"spam"}' },
      { type: 'tool_use', name: 'other', input: { intent: 'spam' } },
      { type: 'tool_use', name: 'answer_x', input },
    ];
    expect(JSON.parse(toolAnswerOf(content, 'answer_x')!)).toEqual(input);
    expect(toolAnswerOf(content.slice(0, 2), 'answer_x')).toBeUndefined();
    expect(toolAnswerOf([{ type: 'tool_use', name: 'answer_x' }], 'answer_x')).toBeUndefined();
  });
});
