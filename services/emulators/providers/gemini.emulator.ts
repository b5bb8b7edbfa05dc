/**
 * Google Gemini API emulator (test infrastructure), built from the public reference:
 * - https://ai.google.dev/api/generate-content (POST /v1beta/models/{model}:generateContent, request and
 *   GenerateContentResponse: candidates[].content.parts[], finishReason, promptFeedback.blockReason, usageMetadata)
 * - https://ai.google.dev/gemini-api/docs/image-generation (image models answer `inlineData {mimeType, data}` parts;
 *   generationConfig.responseModalities, imageConfig.aspectRatio)
 * - https://ai.google.dev/api#authentication (the key in `x-goog-api-key`, or `?key=`)
 * - https://ai.google.dev/gemini-api/docs/troubleshooting (errors: google.rpc.Status `{error:{code,message,status}}`;
 *   a wrong key is 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID; 429 RESOURCE_EXHAUSTED with RetryInfo)
 * - https://ai.google.dev/gemini-api/docs/structured-output and https://ai.google.dev/api/generate-content#generationconfig
 *   (`responseMimeType` text/plain | application/json | text/x.enum; `responseJsonSchema`: JSON Schema, needs
 *   responseMimeType and excludes `responseSchema`; a sub-schema with `$ref` has no other keywords but `$`-ones;
 *   `enum` holds strings and numbers): a well-formed schema is answered with JSON that conforms to it
 */
import { z } from 'zod';
import { EmulatorServer } from '../emulator-server';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { isPlainObject, jsonSchemaProblem, type SchemaProblem } from './json-schema-check';
import { conformingInstance } from './json-schema-instance';
import { solidPng } from './tiny-png';
import { approxTokens } from './token-count';

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
      responseMimeType: z.string().optional(),
      /** the OpenAPI-subset Schema object (types in capitals); the adapter sends responseJsonSchema instead */
      responseSchema: z.record(z.string(), z.unknown()).optional(),
      responseJsonSchema: z.unknown().optional(),
    })
    .optional(),
});
type GenerationConfig = NonNullable<z.infer<typeof requestBody>['generationConfig']>;

const MIME_TYPES = ['text/plain', 'application/json', 'text/x.enum'];

/** The schema the answer must conform to (undefined: free text), or the 400 message for a config the API refuses. */
function structuredOutput(config: GenerationConfig | undefined): { error: string } | { schema?: unknown } {
  const mime = config?.responseMimeType;
  if (mime !== undefined && !MIME_TYPES.includes(mime))
    return {
      error: `* GenerateContentRequest.generation_config.response_mime_type: allowed mimetypes are ${MIME_TYPES.map((m) => `\`${m}\``).join(', ')}.`,
    };
  const { responseSchema, responseJsonSchema } = config ?? {};
  if (responseSchema !== undefined && responseJsonSchema !== undefined)
    return {
      error: '* GenerateContentRequest.generation_config: response_schema and response_json_schema cannot both be set.',
    };
  if (responseJsonSchema !== undefined) {
    if (mime !== 'application/json')
      return {
        error:
          '* GenerateContentRequest.generation_config.response_mime_type: must be `application/json` when response_json_schema is set.',
      };
    const problem = jsonSchemaProblem(responseJsonSchema) ?? geminiSubsetProblem(responseJsonSchema, []);
    if (problem)
      return {
        error: `* GenerateContentRequest.generation_config.response_json_schema${problem.path.map((p) => `.${p}`).join('')}: ${problem.message}`,
      };
    return { schema: responseJsonSchema };
  }
  if (responseSchema !== undefined) {
    if (mime !== 'application/json' && mime !== 'text/x.enum')
      return {
        error:
          '* GenerateContentRequest.generation_config.response_mime_type: must be `application/json` or `text/x.enum` when response_schema is set.',
      };
    return { schema: lowerTypes(responseSchema) };
  }
  return {};
}

/** Gemini's own rules on top of JSON Schema: `$ref` stands alone (but for `$` keywords); enums of strings or numbers. */
function geminiSubsetProblem(node: unknown, path: string[]): SchemaProblem | undefined {
  if (!isPlainObject(node)) return undefined;
  if ('$ref' in node) {
    const sibling = Object.keys(node).find((k) => !k.startsWith('$'));
    if (sibling) return { path: [...path, sibling], message: 'no keyword other than $-ones may be set beside $ref' };
  }
  if (Array.isArray(node.enum) && node.enum.some((v) => typeof v !== 'string' && typeof v !== 'number'))
    return { path: [...path, 'enum'], message: 'enum values must be strings or numbers' };
  const subs: [string[], unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (['properties', '$defs', 'definitions'].includes(key) && isPlainObject(value))
      for (const [name, sub] of Object.entries(value)) subs.push([[key, name], sub]);
    else if (['items', 'additionalProperties', 'not'].includes(key)) subs.push([[key], value]);
    else if (['anyOf', 'oneOf', 'allOf', 'prefixItems'].includes(key) && Array.isArray(value))
      for (const [i, sub] of value.entries()) subs.push([[key, String(i)], sub]);
  }
  for (const [at, sub] of subs) {
    const problem = geminiSubsetProblem(sub, [...path, ...at]);
    if (problem) return problem;
  }
  return undefined;
}

/** The OpenAPI subset spells types in capitals (STRING, OBJECT); JSON Schema in lower case. */
function lowerTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lowerTypes);
  if (!isPlainObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === 'type' && typeof v === 'string' ? v.toLowerCase() : k === 'enum' ? v : lowerTypes(v),
    ]),
  );
}

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
  const structured = structuredOutput(body.generationConfig);
  if ('error' in structured) return { status: 400, json: googleError(400, structured.error) };
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

  if (structured.schema !== undefined) {
    const json = JSON.stringify(conformingInstance(structured.schema));
    // JSON has no spaces to count words by: ~4 characters a token, cut like the model stops mid-object.
    const limit = body.generationConfig?.maxOutputTokens ?? Number.MAX_SAFE_INTEGER;
    const cut = approxTokens(json) > limit;
    const text = cut ? json.slice(0, limit * 4) : json;
    const candidatesTokenCount = cut ? limit : approxTokens(json);
    return ok({
      candidates: [
        { content: { role: 'model', parts: [{ text }] }, finishReason: cut ? 'MAX_TOKENS' : 'STOP', index: 0 },
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
