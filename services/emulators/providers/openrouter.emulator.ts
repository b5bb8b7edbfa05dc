/**
 * OpenRouter emulator (test infrastructure), built from the public reference:
 * - https://openrouter.ai/docs/api-reference/overview (OpenAI-compatible request/answer, `HTTP-Referer`/`X-Title`,
 *   `Authorization: Bearer`, `native_finish_reason`, `provider`)
 * - https://openrouter.ai/docs/api-reference/chat-completion (POST /api/v1/chat/completions)
 * - https://openrouter.ai/docs/api-reference/errors (`{error:{code,message,metadata}}`; 400/401/402/403/408/429/502/
 *   503; moderation metadata `reasons`, `flagged_input`, `provider_name`, `model_slug`; errors after generation
 *   began arrive with status 200 in the body)
 * - https://openrouter.ai/docs/use-cases/usage-accounting (`usage: {include: true}` → `usage.cost` in credits)
 * - https://openrouter.ai/docs/features/structured-outputs (`response_format` json_schema as OpenAI's, see
 *   openai-strict-schema.ts; `provider.require_parameters`): a well-formed schema is answered with conforming JSON
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { EmulatorServer } from '../emulator-server';
import { conformingInstance } from './json-schema-instance';
import { readResponseFormat } from './openai-strict-schema';
import { approxTokens } from './token-count';

export function openRouterError(code: number, message: string, metadata?: Record<string, unknown>): unknown {
  return { error: { code, message, ...(metadata && { metadata }) } };
}

const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'No auth credentials found',
  402: 'Insufficient credits. Add more using https://openrouter.ai/credits',
  403: 'Your chosen model requires moderation and your input was flagged',
  408: 'Request timed out',
  429: 'Rate limit exceeded',
  502: 'Provider returned error',
  503: 'No allowed providers are available for the selected model.',
};

const chatRequestSchema = z
  .object({
    model: z.string().min(1).optional(),
    messages: z
      .array(
        z.object({
          role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
          content: z.union([z.string(), z.array(z.object({ type: z.string() }).passthrough()), z.null()]),
        }),
      )
      .min(1),
    max_tokens: z.number().int().min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    usage: z.object({ include: z.boolean() }).optional(),
    stream: z.boolean().optional(),
    // provider routing preferences (https://openrouter.ai/docs/features/provider-routing)
    provider: z.object({ require_parameters: z.boolean().optional() }).passthrough().optional(),
  })
  .passthrough();

/** What one token costs here (US dollars): a fixed, made-up rate so tests can predict `usage.cost`. */
export const OPENROUTER_EMULATOR_USD_PER_TOKEN = 0.000002;

export interface OpenRouterEmulator {
  server: EmulatorServer;
  url: string;
  setReply(text: string | undefined): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator on 127.0.0.1:<free port>; `apiKeys` are the keys it accepts. Vendor faults beyond the
 * skeleton's: `refuse` (403 moderation with metadata), custom `credits` (402), custom `body_error` (200 whose body is
 * the error shape), custom `mid_error` (200 whose choice carries `error` and finish_reason `error`), custom `content_filter` (finish_reason content_filter).
 */
export async function startOpenRouterEmulator(options: { apiKeys: string[] }): Promise<OpenRouterEmulator> {
  let reply: string | undefined;
  const server = await EmulatorServer.start({
    name: 'openrouter',
    errorBody: (status, message) => openRouterError(status, MESSAGES[status] ?? message),
    authenticate(req) {
      const auth = req.headers.authorization;
      const key = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (!key) return { status: 401, json: openRouterError(401, 'No auth credentials found') };
      if (!options.apiKeys.includes(key)) return { status: 401, json: openRouterError(401, 'User not found.') };
      return undefined;
    },
    routes: [{ method: 'POST', path: '/api/v1/chat/completions', handle: (req) => chat(req, reply) }],
  });
  return { server, url: server.url, setReply: (text) => void (reply = text), close: () => server.close() };
}

function chat(req: EmulatorRequest, reply: string | undefined): EmulatorReply {
  const parsed = chatRequestSchema.safeParse(req.json);
  if (req.jsonError || !parsed.success) {
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    return {
      status: 400,
      json: openRouterError(400, issue ? `${issue.path.join('.')}: ${issue.message}` : 'Invalid JSON'),
    };
  }
  const body = parsed.data;
  const model = body.model ?? 'openai/gpt-4o-mini';
  const promptText = JSON.stringify(body.messages);
  const promptTokens = approxTokens(promptText);
  const fault = req.fault;
  if (fault?.kind === 'refuse')
    return {
      status: 403,
      json: openRouterError(403, MESSAGES[403]!, {
        reasons: ['violence'],
        flagged_input: promptText.slice(0, 100),
        provider_name: 'OpenAI',
        model_slug: model,
      }),
    };
  if (fault?.kind === 'custom' && fault.name === 'credits')
    return { status: 402, json: openRouterError(402, MESSAGES[402]!) };
  // The model had started, so the status is already 200; the error is the whole body.
  if (fault?.kind === 'custom' && fault.name === 'body_error')
    return { status: 200, json: openRouterError(429, 'Rate limit exceeded upstream') };

  const format = readResponseFormat(body.response_format);
  if (!format.ok) return { status: 400, json: openRouterError(400, format.message) };

  const limit = body.max_tokens ?? 4096;
  const full =
    reply ??
    (format.kind === 'json_schema'
      ? JSON.stringify(conformingInstance(format.schema))
      : format.kind === 'json_object'
        ? '{}'
        : `A reply from ${model} to a ${promptTokens}-token prompt.`);
  let content: string | null = full;
  let finish = 'stop';
  let error: unknown;
  if (fault?.kind === 'custom' && fault.name === 'mid_error') {
    content = '';
    finish = 'error';
    error = { code: 502, message: 'Provider returned error', metadata: { provider_name: 'OpenAI' } };
  } else if (fault?.kind === 'custom' && fault.name === 'content_filter') {
    content = null;
    finish = 'content_filter';
  } else if (approxTokens(full) > limit) {
    content = full.slice(0, limit * 4);
    finish = 'length';
  }
  const completionTokens = content ? approxTokens(content) : 0;
  const cost = (promptTokens + completionTokens) * OPENROUTER_EMULATOR_USD_PER_TOKEN;
  return {
    status: 200,
    headers: { 'x-generation-id': `gen-${randomBytes(10).toString('hex')}` },
    json: {
      id: `gen-${randomBytes(10).toString('hex')}`,
      provider: 'OpenAI',
      model,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      choices: [
        {
          index: 0,
          logprobs: null,
          finish_reason: finish,
          native_finish_reason: finish,
          message: { role: 'assistant', content, refusal: null, reasoning: null },
          ...(error !== undefined && { error }),
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        ...(body.usage?.include && { cost, is_byok: false }),
      },
    },
  };
}
