/**
 * Anthropic Messages API emulator (test infrastructure), built from the public reference:
 * - https://docs.anthropic.com/en/api/messages (request, answer)
 * - https://docs.anthropic.com/en/api/versioning (`anthropic-version` header, required)
 * - https://docs.anthropic.com/en/api/errors (error shape, 400/401/403/404/413/429/500/529 types)
 * - https://docs.anthropic.com/en/api/rate-limits (429 with `retry-after`, `anthropic-ratelimit-*` headers)
 * - https://docs.anthropic.com/en/api/handling-stop-reasons and
 *   https://docs.anthropic.com/en/docs/test-and-evaluate/strengthen-guardrails/handle-streaming-refusals
 *   (`stop_reason: "refusal"`, the documented magic string that triggers it)
 * - https://docs.anthropic.com/en/docs/build-with-claude/tool-use and https://docs.anthropic.com/en/api/messages
 *   (`tools[]` {name ^[a-zA-Z0-9_-]{1,128}$, description, input_schema: a JSON Schema whose type is "object"},
 *   `tool_choice` auto | any | tool {name} | none; a forced tool answers one `tool_use` block {id, name, input} with
 *   stop_reason "tool_use"): the input conforms to the tool's schema
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { EmulatorServer } from '../emulator-server';
import { jsonSchemaProblem } from './json-schema-check';
import { conformingInstance } from './json-schema-instance';
import { approxTokens } from './token-count';

/** The test string Anthropic documents for exercising refusal handling. */
export const ANTHROPIC_REFUSAL_MAGIC =
  'ANTHROPIC_MAGIC_STRING_TRIGGER_REFUSAL_1FAEFB6177B4672DEE07F9D3AFC62588CCD2631EDCF22E8CCC1FB35B501C9C86';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const blockSchema = z.object({ type: z.string() }).passthrough();
const messagesRequestSchema = z
  .object({
    model: z.string().min(1),
    max_tokens: z.number().int().min(1),
    messages: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.union([z.string(), z.array(blockSchema)]) }))
      .min(1),
    system: z.union([z.string(), z.array(blockSchema)]).optional(),
    temperature: z.number().min(0).max(1).optional(),
    stop_sequences: z.array(z.string()).optional(),
    stream: z.boolean().optional(),
    tools: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, "String should match pattern '^[a-zA-Z0-9_-]{1,128}$'"),
            description: z.string().optional(),
            input_schema: z.record(z.string(), z.unknown()),
          })
          .passthrough(),
      )
      .optional(),
    tool_choice: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
        z.object({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
        z.object({ type: z.literal('tool'), name: z.string(), disable_parallel_tool_use: z.boolean().optional() }),
        z.object({ type: z.literal('none') }),
      ])
      .optional(),
  })
  .passthrough();
type MessagesRequest = z.infer<typeof messagesRequestSchema>;

/** The 400 the API answers for an input_schema that is not a JSON Schema (draft 2020-12) of an object. */
const INVALID_SCHEMA =
  'JSON schema is invalid. It must match JSON Schema draft 2020-12 (https://json-schema.org/draft/2020-12). Learn more about tool use at https://docs.anthropic.com/en/docs/tool-use.';

/** The tool the request forces (tool_choice tool, or any: the first), after checking the tools are well-formed. */
function forcedTool(
  body: MessagesRequest,
): { error: string } | { tool?: NonNullable<MessagesRequest['tools']>[number] } {
  const tools = body.tools ?? [];
  for (const [i, tool] of tools.entries()) {
    if (tool.input_schema.type !== 'object')
      return { error: `tools.${i}.custom.input_schema.type: Input should be 'object'` };
    if (jsonSchemaProblem(tool.input_schema)) return { error: `tools.${i}.custom.input_schema: ${INVALID_SCHEMA}` };
  }
  if (new Set(tools.map((t) => t.name)).size !== tools.length) return { error: 'tools: Tool names must be unique.' };
  const choice = body.tool_choice;
  if (!choice || choice.type === 'auto' || choice.type === 'none') return {};
  if (tools.length === 0) return { error: 'tool_choice: may only be specified while providing tools.' };
  if (choice.type === 'any') return { tool: tools[0] };
  const tool = tools.find((t) => t.name === choice.name);
  return tool ? { tool } : { error: `tool_choice.name: Tool '${choice.name}' not found in tools.` };
}

export interface AnthropicEmulator {
  server: EmulatorServer;
  url: string;
  /**
   * the text the next answers carry (default: a fixed sentence naming the model); under a forced tool, a JSON object
   * here is the tool's input instead of one made from its schema
   */
  setReply(text: string | undefined): void;
  close(): Promise<void>;
}

export function anthropicError(status: number, message: string, details?: Record<string, unknown>): unknown {
  return {
    type: 'error',
    error: {
      type: ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
      message,
      ...(details && { details }),
    },
    request_id: `req_${randomBytes(12).toString('hex')}`,
  };
}

/** Starts the emulator on 127.0.0.1:<free port>; `apiKeys` are the keys it accepts. */
export async function startAnthropicEmulator(options: { apiKeys: string[] }): Promise<AnthropicEmulator> {
  let reply: string | undefined;
  const server = await EmulatorServer.start({
    name: 'anthropic',
    errorBody: (status, message) => anthropicError(status, message),
    authenticate(req) {
      const key = req.headers['x-api-key'];
      if (!key) return { status: 401, json: anthropicError(401, 'x-api-key header is required') };
      if (!options.apiKeys.includes(key)) return { status: 401, json: anthropicError(401, 'invalid x-api-key') };
      if (!req.headers['anthropic-version'])
        return { status: 400, json: anthropicError(400, 'anthropic-version: header is required') };
      return undefined;
    },
    routes: [{ method: 'POST', path: '/v1/messages', handle: (req) => messages(req, reply) }],
  });
  return {
    server,
    url: server.url,
    setReply: (text) => void (reply = text),
    close: () => server.close(),
  };
}

function messages(req: EmulatorRequest, reply: string | undefined): EmulatorReply {
  if (req.jsonError)
    return { status: 400, json: anthropicError(400, 'There was an issue with the request body: invalid JSON') };
  const parsed = messagesRequestSchema.safeParse(req.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 400,
      json: anthropicError(400, `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`),
    };
  }
  const body = parsed.data;
  if (body.stream)
    return { status: 400, json: anthropicError(400, 'stream: this emulator answers non-streaming requests only') };
  const promptText = JSON.stringify(body.messages) + JSON.stringify(body.system ?? '');
  const inputTokens = approxTokens(promptText);
  const headers = {
    'request-id': `req_${randomBytes(12).toString('hex')}`,
    'anthropic-ratelimit-requests-remaining': '49',
  };
  const base = {
    id: `msg_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: body.model,
    stop_sequence: null,
  };

  if (req.fault?.kind === 'refuse' || promptText.includes(ANTHROPIC_REFUSAL_MAGIC)) {
    return {
      status: 200,
      headers,
      json: { ...base, content: [], stop_reason: 'refusal', usage: { input_tokens: inputTokens, output_tokens: 0 } },
    };
  }
  if (req.fault?.kind === 'custom' && req.fault.name === 'spend_limit') {
    return {
      status: 429,
      json: anthropicError(429, 'You have reached your monthly spend limit.', {
        error_code: 'enforced_spend_limit_reached',
      }),
    };
  }
  const forced = forcedTool(body);
  if ('error' in forced) return { status: 400, json: anthropicError(400, forced.error) };
  if (forced.tool) {
    const input = objectOf(reply) ?? conformingInstance(forced.tool.input_schema);
    const outputTokens = approxTokens(JSON.stringify(input));
    // The docs: a tool_use block cut off at max_tokens is incomplete and must be retried with more tokens. The
    // emulator answers no block at all, which a reader must not take for an answer.
    const cut = outputTokens > body.max_tokens;
    return {
      status: 200,
      headers,
      json: {
        ...base,
        content: cut
          ? []
          : [{ type: 'tool_use', id: `toolu_${randomBytes(12).toString('hex')}`, name: forced.tool.name, input }],
        stop_reason: cut ? 'max_tokens' : 'tool_use',
        usage: { input_tokens: inputTokens, output_tokens: cut ? body.max_tokens : outputTokens },
      },
    };
  }
  const full = reply ?? `A reply from ${body.model} to a ${inputTokens}-token prompt.`;
  // Cut at max_tokens (4 characters a token) the way the model stops mid-sentence.
  const cut = approxTokens(full) > body.max_tokens;
  const text = cut ? full.slice(0, body.max_tokens * 4) : full;
  return {
    status: 200,
    headers,
    json: {
      ...base,
      content: [{ type: 'text', text }],
      stop_reason: cut ? 'max_tokens' : 'end_turn',
      usage: { input_tokens: inputTokens, output_tokens: cut ? body.max_tokens : approxTokens(text) },
    },
  };
}

function objectOf(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
