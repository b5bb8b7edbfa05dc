/**
 * OpenAI API emulator (test infrastructure), built from the public reference:
 * - https://platform.openai.com/docs/api-reference/authentication (`Authorization: Bearer`)
 * - https://platform.openai.com/docs/api-reference/chat/create and .../chat/object (Chat Completions, `refusal`,
 *   `finish_reason` incl. `content_filter`)
 * - https://platform.openai.com/docs/api-reference/images/create and .../images/object (`b64_json`, `usage`)
 * - https://platform.openai.com/docs/guides/error-codes (`{error:{message,type,param,code}}`, 401 invalid_api_key,
 *   429 rate_limit_exceeded / insufficient_quota, 500, 503)
 * - https://platform.openai.com/docs/guides/rate-limits (`x-ratelimit-*` headers)
 * - https://platform.openai.com/docs/guides/image-generation (moderation: `moderation_blocked`)
 * - https://platform.openai.com/docs/guides/structured-outputs (`response_format` json_schema, strict mode; see
 *   openai-strict-schema.ts): a well-formed schema is answered with JSON that conforms to it
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { EmulatorServer } from '../emulator-server';
import { conformingInstance } from './json-schema-instance';
import { readResponseFormat } from './openai-strict-schema';
import { solidPng } from './tiny-png';
import { approxTokens } from './token-count';

export function openAiError(message: string, type: string, code: string | null = null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function errorFor(status: number, message: string): unknown {
  if (status === 429)
    return openAiError(`Rate limit reached for requests. ${message}`, 'requests', 'rate_limit_exceeded');
  if (status === 401) return openAiError(message, 'invalid_request_error', 'invalid_api_key');
  if (status === 404) return openAiError(message, 'invalid_request_error', 'unknown_url');
  if (status === 503) return openAiError('The engine is currently overloaded, please try again later.', 'server_error');
  if (status >= 500) return openAiError('The server had an error while processing your request.', 'server_error');
  return openAiError(message, 'invalid_request_error');
}

const chatRequestSchema = z
  .object({
    model: z.string().min(1),
    messages: z
      .array(
        z.object({
          role: z.enum(['developer', 'system', 'user', 'assistant', 'tool']),
          content: z.union([z.string(), z.array(z.object({ type: z.string() }).passthrough()), z.null()]),
        }),
      )
      .min(1),
    max_completion_tokens: z.number().int().min(1).optional(),
    max_tokens: z.number().int().min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    store: z.boolean().optional(),
    stream: z.boolean().optional(),
    n: z.number().int().min(1).max(128).optional(),
  })
  .passthrough();

const GPT_IMAGE_SIZES = ['1024x1024', '1536x1024', '1024x1536', 'auto'] as const;
const DALLE3_SIZES = ['1024x1024', '1792x1024', '1024x1792'] as const;
const imageRequestSchema = z
  .object({
    prompt: z.string().min(1).max(32000),
    model: z.string().default('dall-e-2'),
    n: z.number().int().min(1).max(10).optional(),
    size: z.string().optional(),
    quality: z.enum(['auto', 'low', 'medium', 'high', 'standard', 'hd']).optional(),
    response_format: z.enum(['url', 'b64_json']).optional(),
    output_format: z.enum(['png', 'jpeg', 'webp']).optional(),
    moderation: z.enum(['auto', 'low']).optional(),
  })
  .passthrough();

export interface OpenAiEmulator {
  server: EmulatorServer;
  url: string;
  /** the text the next chat answers carry (also under a response schema: a test may force a non-conforming answer) */
  setReply(text: string | undefined): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator on 127.0.0.1:<free port>; `apiKeys` are the keys it accepts. Vendor faults beyond the
 * skeleton's: `refuse` (chat: `message.refusal`; images: 400 moderation_blocked / content_policy_violation),
 * custom `content_filter` (chat: finish_reason content_filter), custom `insufficient_quota` (429).
 */
export async function startOpenAiEmulator(options: { apiKeys: string[] }): Promise<OpenAiEmulator> {
  let reply: string | undefined;
  const server = await EmulatorServer.start({
    name: 'openai',
    errorBody: errorFor,
    authenticate(req) {
      const auth = req.headers.authorization;
      const key = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (!key)
        return {
          status: 401,
          json: openAiError(
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.",
            'invalid_request_error',
          ),
        };
      if (!options.apiKeys.includes(key))
        // The vendor echoes a masked key; the adapter must never pass this message on.
        return {
          status: 401,
          json: openAiError(`Incorrect API key provided: ${mask(key)}.`, 'invalid_request_error', 'invalid_api_key'),
        };
      return undefined;
    },
    routes: [
      { method: 'POST', path: '/v1/chat/completions', handle: (req) => chat(req, reply) },
      { method: 'POST', path: '/v1/images/generations', handle: images },
    ],
  });
  return { server, url: server.url, setReply: (text) => void (reply = text), close: () => server.close() };
}

function mask(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}***${key.slice(-4)}`;
}

const rateHeaders = () => ({
  'x-request-id': `req_${randomBytes(12).toString('hex')}`,
  'x-ratelimit-limit-requests': '500',
  'x-ratelimit-remaining-requests': '499',
  'x-ratelimit-reset-requests': '120ms',
});

function invalid(req: EmulatorRequest, error: z.ZodError | undefined): EmulatorReply {
  if (req.jsonError || !error)
    return {
      status: 400,
      json: openAiError('We could not parse the JSON body of your request.', 'invalid_request_error'),
    };
  const issue = error.issues[0];
  const param = issue?.path.join('.') ?? null;
  return {
    status: 400,
    json: openAiError(`Invalid value for '${param}': ${issue?.message}`, 'invalid_request_error', null, param),
  };
}

function chat(req: EmulatorRequest, reply: string | undefined): EmulatorReply {
  const parsed = chatRequestSchema.safeParse(req.json);
  if (req.jsonError || !parsed.success) return invalid(req, parsed.success ? undefined : parsed.error);
  const body = parsed.data;
  if (body.stream)
    return {
      status: 400,
      json: openAiError('stream: not supported by this emulator', 'invalid_request_error', null, 'stream'),
    };
  if (req.fault?.kind === 'custom' && req.fault.name === 'insufficient_quota')
    return {
      status: 429,
      json: openAiError(
        'You exceeded your current quota, please check your plan and billing details.',
        'insufficient_quota',
        'insufficient_quota',
      ),
    };
  const format = readResponseFormat(body.response_format);
  if (!format.ok)
    return { status: 400, json: openAiError(format.message, 'invalid_request_error', null, format.param) };
  const promptTokens = approxTokens(JSON.stringify(body.messages));
  const limit = body.max_completion_tokens ?? body.max_tokens ?? 4096;
  const full =
    reply ??
    (format.kind === 'json_schema'
      ? JSON.stringify(conformingInstance(format.schema))
      : format.kind === 'json_object'
        ? '{}'
        : `A reply from ${body.model} to a ${promptTokens}-token prompt.`);
  let content: string | null = full;
  let refusal: string | null = null;
  let finish = 'stop';
  if (req.fault?.kind === 'refuse') {
    content = null;
    refusal = "I'm sorry, I can't help with that.";
  } else if (req.fault?.kind === 'custom' && req.fault.name === 'content_filter') {
    content = null;
    finish = 'content_filter';
  } else if (approxTokens(full) > limit) {
    content = full.slice(0, limit * 4);
    finish = 'length';
  }
  const completionTokens = content ? approxTokens(content) : refusal ? approxTokens(refusal) : 0;
  return {
    status: 200,
    headers: rateHeaders(),
    json: {
      id: `chatcmpl-${randomBytes(12).toString('hex')}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal, annotations: [] },
          logprobs: null,
          finish_reason: finish,
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_emulator',
    },
  };
}

function images(req: EmulatorRequest): EmulatorReply {
  const parsed = imageRequestSchema.safeParse(req.json);
  if (req.jsonError || !parsed.success) return invalid(req, parsed.success ? undefined : parsed.error);
  const body = parsed.data;
  const gptImage = body.model.startsWith('gpt-image');
  const dalle3 = body.model === 'dall-e-3';
  if (gptImage && body.response_format !== undefined)
    return {
      status: 400,
      json: openAiError(
        "Unknown parameter: 'response_format'.",
        'invalid_request_error',
        'unknown_parameter',
        'response_format',
      ),
    };
  const sizes: readonly string[] = gptImage
    ? GPT_IMAGE_SIZES
    : dalle3
      ? DALLE3_SIZES
      : ['256x256', '512x512', '1024x1024'];
  const size = body.size ?? (gptImage ? 'auto' : '1024x1024');
  if (!sizes.includes(size))
    return {
      status: 400,
      json: openAiError(
        `Invalid value: '${size}'. Supported values are: ${sizes.map((s) => `'${s}'`).join(', ')}.`,
        'invalid_request_error',
        'invalid_value',
        'size',
      ),
    };
  if (req.fault?.kind === 'refuse') {
    return gptImage
      ? {
          status: 400,
          json: openAiError(
            'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID.',
            'image_generation_user_error',
            'moderation_blocked',
          ),
        }
      : {
          status: 400,
          json: openAiError(
            'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
            'invalid_request_error',
            'content_policy_violation',
          ),
        };
  }
  if (!gptImage && body.response_format !== 'b64_json') {
    // dall-e answers URLs by default; this emulator hosts no files, so it answers an unusable URL like an expired one.
    return {
      status: 200,
      headers: rateHeaders(),
      json: { created: now(), data: [{ url: 'https://emulator.invalid/expired.png' }] },
    };
  }
  // A small real PNG stands in for the 1024-pixel render (test speed); its type and validity are what matter.
  const png = solidPng(16, 16).toString('base64');
  const n = body.n ?? 1;
  const data = Array.from({ length: n }, () =>
    dalle3 ? { b64_json: png, revised_prompt: body.prompt } : { b64_json: png },
  );
  const inputTokens = approxTokens(body.prompt);
  const outputTokens =
    { low: 272, medium: 1056, high: 4160 }[
      body.quality === 'low' || body.quality === 'high' ? body.quality : 'medium'
    ] * n;
  return {
    status: 200,
    headers: rateHeaders(),
    json: gptImage
      ? {
          created: now(),
          background: 'opaque',
          output_format: body.output_format ?? 'png',
          quality: body.quality ?? 'medium',
          size: size === 'auto' ? '1024x1024' : size,
          data,
          usage: {
            total_tokens: inputTokens + outputTokens,
            input_tokens: inputTokens,
            output_tokens: outputTokens,
            input_tokens_details: { text_tokens: inputTokens, image_tokens: 0 },
          },
        }
      : { created: now(), data },
  };
}

const now = () => Math.floor(Date.now() / 1000);
