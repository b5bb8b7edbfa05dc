import { providerRequest } from '../http/provider-http';
import type { ProviderCallContext } from '../provider.types';
import { ProviderError } from '../provider.types';
import { classifyGeminiError, geminiRetryDelayMs } from './gemini.errors';
import type { GenerateContentAnswer } from './gemini.wire';
import { GEMINI_REFUSAL_REASONS, generateContentAnswer } from './gemini.wire';

/** https://ai.google.dev/api#v1beta: the Gemini API's documented base. */
export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';
const ROUTE = 'POST /v1beta/models/:model:generateContent';
// Model ids are path segments; one with a slash or a query would reach another endpoint.
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** One generateContent exchange: key in `x-goog-api-key` (never in the URL, where proxies log it). */
export async function generateContent(
  ctx: ProviderCallContext,
  model: string,
  body: Record<string, unknown>,
): Promise<GenerateContentAnswer> {
  if (!MODEL_ID.test(model)) throw new ProviderError('gemini', 'bad_request', 'gemini: the model id is malformed');
  const base = (ctx.baseUrl ?? GEMINI_BASE_URL).replace(/\/+$/, '');
  let errorBody: unknown;
  try {
    const answer = await providerRequest(
      'gemini',
      ctx,
      {
        method: 'POST',
        url: `${base}/v1beta/models/${model}:generateContent`,
        route: ROUTE,
        headers: { 'x-goog-api-key': ctx.credential.apiKey },
        json: body,
      },
      (status, errBody) => {
        errorBody = errBody;
        return classifyGeminiError(status, errBody);
      },
    );
    const parsed = generateContentAnswer.safeParse(answer.json);
    if (!parsed.success) {
      throw new ProviderError('gemini', 'bad_request', 'gemini: the answer is not a GenerateContentResponse', {
        status: answer.status,
      });
    }
    return parsed.data;
  } catch (err) {
    throw withRetryInfo(err, errorBody);
  }
}

/** Google puts the wait in the body's RetryInfo rather than in a Retry-After header; a header still wins. */
function withRetryInfo(err: unknown, body: unknown): unknown {
  if (!(err instanceof ProviderError) || err.failure !== 'rate_limited' || err.details.retryAfterMs !== undefined) {
    return err;
  }
  const delay = geminiRetryDelayMs(body);
  if (delay === undefined) return err;
  return new ProviderError('gemini', 'rate_limited', err.message, { ...err.details, retryAfterMs: delay });
}

/** A blocked prompt or a safety stop is the vendor's refusal: thrown, never returned as empty text. */
export function refusalOf(answer: GenerateContentAnswer): ProviderError | undefined {
  const blocked = answer.promptFeedback?.blockReason;
  if (blocked) {
    return new ProviderError('gemini', 'refused', `gemini blocked the prompt (${blocked})`, { vendorCode: blocked });
  }
  const finish = answer.candidates?.[0]?.finishReason;
  if (finish && GEMINI_REFUSAL_REASONS.has(finish)) {
    return new ProviderError('gemini', 'refused', `gemini stopped the answer (${finish})`, { vendorCode: finish });
  }
  return undefined;
}

export function usageTokens(answer: GenerateContentAnswer): { inputTokens: number; outputTokens: number } {
  const u = answer.usageMetadata ?? {};
  // Thinking tokens are billed at the output price.
  return {
    inputTokens: u.promptTokenCount ?? 0,
    outputTokens: (u.candidatesTokenCount ?? 0) + (u.thoughtsTokenCount ?? 0),
  };
}
