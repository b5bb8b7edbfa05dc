import { z } from 'zod';
import { providerRequest } from '../http/provider-http';
import { priceOfModel, tokenCostMicros } from '../http/token-cost';
import { readChatCompletion } from '../openai/openai-chat.mapping';
import { openAiResponseFormat } from '../openai/openai-response-format';
import type { ProviderCallContext, TextProvider, TextRequest, TextResult } from '../provider.types';
import { ProviderError } from '../provider.types';
import { vendorCodeOf } from '../http/provider-http-errors';
import { classifyOpenRouter, classifyOpenRouterCode } from './openrouter.errors';
import { OPENROUTER_FALLBACK_PRICE, OPENROUTER_PRICES } from './openrouter.prices';

export const OPENROUTER_BASE_URL = 'https://openrouter.ai';
export const OPENROUTER_DEFAULT_MODEL = 'openai/gpt-4.1-mini';
const ROUTE = 'POST /api/v1/chat/completions';

/** OpenRouter's optional app attribution headers (https://openrouter.ai/docs/api-reference/overview#headers). */
export interface OpenRouterOptions {
  /** sent as `HTTP-Referer`: the app's URL on OpenRouter's leaderboards */
  referer?: string;
  /** sent as `X-Title` */
  title?: string;
}

/** An error OpenRouter sends with status 200 once the model started (errors-and-debugging page). */
const inBodyErrorSchema = z.object({ error: z.object({ code: z.union([z.number(), z.string()]) }).passthrough() });

/**
 * Any model behind OpenRouter's OpenAI-compatible Chat Completions (https://openrouter.ai/docs/api-reference/
 * chat-completion). Attribution headers are off unless configured: naming Raize on a client's bill is the
 * agency's choice, not ours.
 */
export function createOpenRouterTextProvider(options: OpenRouterOptions = {}): TextProvider {
  const attribution: Record<string, string> = {
    ...(options.referer && { 'HTTP-Referer': options.referer }),
    ...(options.title && { 'X-Title': options.title }),
  };
  return { id: 'openrouter', generateText: (ctx, req) => generateText(ctx, req, attribution) };
}

async function generateText(
  ctx: ProviderCallContext,
  req: TextRequest,
  attribution: Record<string, string>,
): Promise<TextResult> {
  const messages = [
    ...(req.system !== undefined ? [{ role: 'system', content: req.system }] : []),
    { role: 'user', content: req.prompt },
  ];
  const responseFormat = openAiResponseFormat(req);
  const answer = await providerRequest(
    'openrouter',
    ctx,
    {
      method: 'POST',
      url: `${(ctx.baseUrl ?? OPENROUTER_BASE_URL).replace(/\/+$/, '')}/api/v1/chat/completions`,
      route: ROUTE,
      headers: { authorization: `Bearer ${ctx.credential.apiKey}`, ...attribution },
      json: {
        model: req.model ?? OPENROUTER_DEFAULT_MODEL,
        messages,
        max_tokens: req.maxOutputTokens,
        ...(req.temperature !== undefined && { temperature: req.temperature }),
        // Structured outputs in OpenAI's shape (https://openrouter.ai/docs/features/structured-outputs). A provider
        // that does not support response_format would silently drop it; require_parameters routes only to those
        // that do (https://openrouter.ai/docs/features/provider-routing).
        ...(responseFormat && { response_format: responseFormat, provider: { require_parameters: true } }),
        // Usage accounting: the answer carries what the call cost in credits (US dollars).
        usage: { include: true },
      },
    },
    (status) => classifyOpenRouter(status),
  );
  const inBody = inBodyErrorSchema.safeParse(answer.json);
  if (inBody.success && !(typeof answer.json === 'object' && answer.json !== null && 'choices' in answer.json)) {
    const vendorCode = vendorCodeOf(answer.json);
    throw new ProviderError(
      'openrouter',
      classifyOpenRouterCode(inBody.data.error.code),
      `openrouter ${ROUTE} failed mid-generation (${vendorCode ?? 'error'})`,
      { status: answer.status, ...(vendorCode && { vendorCode }) },
    );
  }
  const read = readChatCompletion('openrouter', ROUTE, answer.json, classifyOpenRouterCode);
  const costMicros =
    read.vendorCostUsd !== undefined
      ? Math.round(read.vendorCostUsd * 1_000_000)
      : tokenCostMicros(
          priceOfModel(OPENROUTER_PRICES, OPENROUTER_FALLBACK_PRICE, read.model),
          read.inputTokens,
          read.outputTokens,
        );
  return {
    text: read.text,
    model: read.model,
    finish: read.finish,
    usage: { inputTokens: read.inputTokens, outputTokens: read.outputTokens, costMicros },
  };
}
