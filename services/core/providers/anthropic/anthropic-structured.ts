import type { TextRequest } from '../provider.types';
import type { AnthropicMessage } from './anthropic.wire';

/** The request fields that force Claude to answer through one tool whose input schema is the response schema. */
export interface AnthropicForcedTool {
  tools: [{ name: string; description: string; input_schema: Record<string, unknown> }];
  tool_choice: { type: 'tool'; name: string };
}

/**
 * The Messages API has no response-format field: a JSON answer of a given shape is a forced tool call
 * (https://docs.anthropic.com/en/docs/build-with-claude/tool-use, "Forcing tool use" and "JSON mode"). The tool is
 * never run; its `input` is the answer. The tool is named after the schema, so an answer through any other name is
 * not ours to read.
 */
export function anthropicForcedTool(req: Pick<TextRequest, 'responseSchema'>): AnthropicForcedTool | undefined {
  if (!req.responseSchema) return undefined;
  const { name, schema } = req.responseSchema;
  return {
    tools: [
      {
        name,
        description: 'Record the answer. The input is the whole answer, in exactly this shape; nothing is run.',
        input_schema: schema,
      },
    ],
    tool_choice: { type: 'tool', name },
  };
}

/**
 * The forced tool's `input`, serialised as the text result (the caller parses and validates it like any JSON
 * answer); undefined when the message holds no call of that tool (a max_tokens stop can cut it off).
 */
export function toolAnswerOf(content: AnthropicMessage['content'], name: string): string | undefined {
  const call = content.find((b) => b.type === 'tool_use' && b.name === name);
  return call && call.input !== undefined ? JSON.stringify(call.input) : undefined;
}
