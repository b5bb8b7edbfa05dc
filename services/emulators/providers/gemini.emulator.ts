/**
 * Google Gemini API emulator (test infrastructure), built from the public reference:
 * - https://ai.google.dev/api/generate-content (POST /v1beta/models/{model}:generateContent, request and
 *   GenerateContentResponse: candidates[].content.parts[], finishReason, promptFeedback.blockReason, usageMetadata)
 * - https://ai.google.dev/gemini-api/docs/image-generation (image models answer `inlineData {mimeType, data}` parts;
 *   generationConfig.responseModalities, imageConfig.aspectRatio)
 * - https://ai.google.dev/api#authentication (the key in `x-goog-api-key`, or `?key=`)
 * - https://ai.google.dev/gemini-api/docs/troubleshooting (errors: google.rpc.Status `{error:{code,message,status}}`;
 *   a wrong key is 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID; 429 RESOURCE_EXHAUSTED with RetryInfo)
 */
import { z } from 'zod';
import { EmulatorServer } from '../emulator-server';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { solidPng } from './tiny-png';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function googleError(status: number, message: string, details: unknown[] = []): unknown {
  return {
    error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN', ...(details.length && { details }) },
  };
}

const textPart = z.object({ text: z.string() });
const content = z.object({ role: z.enum(['user', 'model']).optional(), parts: z.array(textPart).min(1) });
const requestBody = z.object({
  contents: z.array(content).min(1),
  systemInstruction: z.object({ parts: z.array(textPart).min(1) }).optional(),
  generationConfig: z
    .object({
      maxOutputTokens: z.number().int().positive().optional(),
      temperature: z.number().min(0).max(2).optional(),
      responseModalities: z.array(z.enum(['TEXT', 'IMAGE', 'AUDIO'])).optional(),
      imageConfig: z
        .object({ aspectRatio: z.enum(['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9']) })
        .optional(),
    })
    .optional(),
});

export interface GeminiEmulatorOptions {
  /** keys accepted; any other is answered 400 API_KEY_INVALID */
  keys: string[];
  /** the text answer (default: a fixed sentence); split on spaces to count and cut tokens */
  reply?: string;
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/**
 * Fault knobs beyond the shared ones: `refuse` answers the documented refusal (text: promptFeedback.blockReason
 * SAFETY and no candidates; image models: finishReason IMAGE_SAFETY); `custom` `finish_safety` answers a candidate
 * stopped with finishReason SAFETY.
 */
export async function startGeminiEmulator(opts: GeminiEmulatorOptions): Promise<EmulatorServer> {
  const keys = new Set(opts.keys);
  return EmulatorServer.start({
    name: 'gemini',
    errorBody: (status, message) => googleError(status, message),
    authenticate(req) {
      const key = req.headers['x-goog-api-key'] ?? req.query.get('key') ?? undefined;
      if (!key) {
        return {
          status: 403,
          json: googleError(403, "Method doesn't allow unregistered callers. Please use an API Key."),
        };
      }
      if (!keys.has(key)) return { status: 400, json: invalidKey() };
      return undefined;
    },
    routes: [
      {
        method: 'POST',
        path: /^\/v1beta\/models\/(?<model>[A-Za-z0-9._-]+):generateContent$/,
        handle: (req) => generate(req, opts),
      },
    ],
  });
}

function invalidKey(): unknown {
  return googleError(400, 'API key not valid. Please pass a valid API key.', [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
  ]);
}

/** A 429 body with the RetryInfo Google sends (no Retry-After header). */
export function geminiQuotaError(retryDelay: string): unknown {
  return googleError(429, 'Resource has been exhausted (e.g. check quota).', [
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
  ]);
}

function generate(req: EmulatorRequest, opts: GeminiEmulatorOptions): EmulatorReply {
  const model = req.params.model ?? '';
  const parsed = requestBody.safeParse(req.json);
  if (req.jsonError || !parsed.success) {
    return { status: 400, json: googleError(400, 'Invalid JSON payload received.') };
  }
  const body = parsed.data;
  const isImageModel = model.includes('image');
  const prompt = body.contents.flatMap((c) => c.parts.map((p) => p.text)).join(' ');
  const promptTokenCount = words(prompt).length + words(body.systemInstruction?.parts[0]?.text ?? '').length;
  const modelVersion = model;

  if (req.fault?.kind === 'refuse') {
    if (isImageModel) {
      return ok({
        candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY', index: 0 }],
        usageMetadata: { promptTokenCount, candidatesTokenCount: 0, totalTokenCount: promptTokenCount },
        modelVersion,
      });
    }
    return ok({
      promptFeedback: { blockReason: 'SAFETY' },
      usageMetadata: { promptTokenCount, totalTokenCount: promptTokenCount },
      modelVersion,
    });
  }
  if (req.fault?.kind === 'custom' && req.fault.name === 'finish_safety') {
    return ok({
      candidates: [{ finishReason: 'SAFETY', index: 0, safetyRatings: [] }],
      usageMetadata: { promptTokenCount, candidatesTokenCount: 0, totalTokenCount: promptTokenCount },
      modelVersion,
    });
  }

  if (isImageModel) {
    if (!body.generationConfig?.responseModalities?.includes('IMAGE')) {
      return { status: 400, json: googleError(400, 'Model only supports IMAGE output with responseModalities.') };
    }
    const candidatesTokenCount = 1290;
    return ok({
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              { text: 'Here is the image.' },
              { inlineData: { mimeType: 'image/png', data: solidPng(8, 8, [200, 30, 90]).toString('base64') } },
            ],
          },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount,
        candidatesTokenCount,
        totalTokenCount: promptTokenCount + candidatesTokenCount,
      },
      modelVersion,
    });
  }

  const all = words(opts.reply ?? 'Fresh coffee, slow mornings and a view worth sharing.');
  const max = body.generationConfig?.maxOutputTokens ?? Number.MAX_SAFE_INTEGER;
  const out = all.slice(0, max);
  const finishReason = out.length < all.length ? 'MAX_TOKENS' : 'STOP';
  return ok({
    candidates: [{ content: { role: 'model', parts: [{ text: out.join(' ') }] }, finishReason, index: 0 }],
    usageMetadata: {
      promptTokenCount,
      candidatesTokenCount: out.length,
      totalTokenCount: promptTokenCount + out.length,
    },
    modelVersion,
    responseId: `resp-${req.path.length}-${promptTokenCount}`,
  });
}

function ok(json: unknown): EmulatorReply {
  return { status: 200, json };
}
