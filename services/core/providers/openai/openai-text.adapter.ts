import { providerRequest } from '../http/provider-http';
import { priceOfModel, tokenCostMicros } from '../http/token-cost';
import type { ProviderCallContext, TextProvider, TextRequest, TextResult } from '../provider.types';
import { readChatCompletion } from './openai-chat.mapping';
import { classifyOpenAi } from './openai.errors';
import { openAiResponseFormat } from './openai-response-format';
import { OPENAI_TEXT_FALLBACK_PRICE, OPENAI_TEXT_PRICES } from './openai.prices';

export const OPENAI_BASE_URL = 'https://api.openai.com';
export const OPENAI_DEFAULT_TEXT_MODEL = 'gpt-4.1-mini';
const ROUTE = 'POST /v1/chat/completions';

/**
 * GPT through Chat Completions (https://platform.openai.com/docs/api-reference/chat/create) rather than Responses:
 * one system + one user message is all a step sends (no tools, no server-side state, `store` off), and the same wire
 * shape serves OpenRouter, so both adapters share one reading of answers and refusals (openai-chat.mapping.ts).
 * A response schema goes as Structured Outputs (openai-response-format.ts); the JSON arrives as the message content.
 */
export function createOpenAiTextProvider(): TextProvider {
  return { id: 'openai', generateText };
}

async function generateText(ctx: ProviderCallContext, req: TextRequest): Promise<TextResult> {
  const messages = [
    ...(req.system !== undefined ? [{ role: 'system', content: req.system }] : []),
    { role: 'user', content: req.prompt },
  ];
  const responseFormat = openAiResponseFormat(req);
  const answer = await providerRequest(
    'openai',
    ctx,
    {
      method: 'POST',
      url: `${(ctx.baseUrl ?? OPENAI_BASE_URL).replace(/\/+$/, '')}/v1/chat/completions`,
      route: ROUTE,
      headers: { authorization: `Bearer ${ctx.credential.apiKey}` },
      json: {
        model: req.model ?? OPENAI_DEFAULT_TEXT_MODEL,
        messages,
        // max_tokens is deprecated and refused by reasoning models; max_completion_tokens works for all.
        max_completion_tokens: req.maxOutputTokens,
        ...(req.temperature !== undefined && { temperature: req.temperature }),
        ...(responseFormat && { response_format: responseFormat }),
        // Clients' briefs are theirs: nothing kept for OpenAI's evals/distillation.
        store: false,
      },
    },
    classifyOpenAi,
  );
  const read = readChatCompletion('openai', ROUTE, answer.json);
  const price = priceOfModel(OPENAI_TEXT_PRICES, OPENAI_TEXT_FALLBACK_PRICE, read.model);
  return {
    text: read.text,
    model: read.model,
    finish: read.finish,
    usage: {
      inputTokens: read.inputTokens,
      outputTokens: read.outputTokens,
      costMicros: tokenCostMicros(price, read.inputTokens, read.outputTokens),
    },
  };
}
