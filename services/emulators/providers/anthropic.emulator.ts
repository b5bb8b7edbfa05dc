/**
 * Anthropic Messages API emulator (test infrastructure), built from the public reference:
 * - https://docs.anthropic.com/en/api/messages (request, answer)
 * - https://docs.anthropic.com/en/api/versioning (`anthropic-version` header, required)
 * - https://docs.anthropic.com/en/api/errors (error shape, 400/401/403/404/413/429/500/529 types)
 * - https://docs.anthropic.com/en/api/rate-limits (429 with `retry-after`, `anthropic-ratelimit-*` headers)
 * - https://docs.anthropic.com/en/api/handling-stop-reasons and
 *   https://docs.anthropic.com/en/docs/test-and-evaluate/strengthen-guardrails/handle-streaming-refusals
 *   (`stop_reason: "refusal"`, the documented magic string that triggers it)
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { EmulatorServer } from '../emulator-server';
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
  })
  .passthrough();

export interface AnthropicEmulator {
  server: EmulatorServer;
  url: string;
  /** the text the next answers carry (default: a fixed sentence naming the model) */
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
