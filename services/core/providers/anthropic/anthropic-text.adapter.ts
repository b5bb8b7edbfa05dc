import { providerRequest } from '../http/provider-http';
import { priceOfModel, tokenCostMicros } from '../http/token-cost';
import type {
  ProviderCallContext,
  ProviderFailureClass,
  TextProvider,
  TextRequest,
  TextResult,
} from '../provider.types';
import { ProviderError } from '../provider.types';
import { ANTHROPIC_FALLBACK_PRICE, ANTHROPIC_PRICES } from './anthropic.prices';
import { anthropicForcedTool, toolAnswerOf } from './anthropic-structured';
import { anthropicErrorSchema, anthropicMessageSchema } from './anthropic.wire';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
/** The Messages API version Raize's wire schemas are written against; pinned so a vendor default cannot move it. */
export const ANTHROPIC_VERSION = '2023-06-01';
export const ANTHROPIC_DEFAULT_MODEL = 'claude-sonnet-4-5';
const ROUTE = 'POST /v1/messages';

/**
 * Claude through the Messages API (https://docs.anthropic.com/en/api/messages), one non-streaming exchange. A response
 * schema becomes a forced tool whose input is the answer (anthropic-structured.ts).
 */
export function createAnthropicTextProvider(): TextProvider {
  return { id: 'anthropic', generateText };
}

async function generateText(ctx: ProviderCallContext, req: TextRequest): Promise<TextResult> {
  const forced = anthropicForcedTool(req);
  const answer = await providerRequest(
    'anthropic',
    ctx,
    {
      method: 'POST',
      url: `${(ctx.baseUrl ?? ANTHROPIC_BASE_URL).replace(/\/+$/, '')}/v1/messages`,
      route: ROUTE,
      headers: { 'x-api-key': ctx.credential.apiKey, 'anthropic-version': ANTHROPIC_VERSION },
      json: {
        model: req.model ?? ANTHROPIC_DEFAULT_MODEL,
        max_tokens: req.maxOutputTokens,
        ...(req.system !== undefined && { system: req.system }),
        messages: [{ role: 'user', content: req.prompt }],
        ...(req.temperature !== undefined && { temperature: req.temperature }),
        ...forced,
      },
    },
    classifyAnthropic,
  );
  const parsed = anthropicMessageSchema.safeParse(answer.json);
  if (!parsed.success)
    throw new ProviderError('anthropic', 'bad_request', `anthropic ${ROUTE} answered an unexpected shape`);
  const msg = parsed.data;
  const finish = finishOf(msg.stop_reason, forced !== undefined);
  const prose = (): string =>
    msg.content
      .filter((b) => b.type === 'text')
      .map((b) => b.text ?? '')
      .join('');
  // A forced tool's input is the answer; without one (cut off at max_tokens) whatever text came is all there is,
  // and the caller's validation refuses it.
  const text = forced ? (toolAnswerOf(msg.content, forced.tool_choice.name) ?? prose()) : prose();
  const { input_tokens: inputTokens, output_tokens: outputTokens } = msg.usage;
  const price = priceOfModel(ANTHROPIC_PRICES, ANTHROPIC_FALLBACK_PRICE, msg.model);
  return {
    text,
    model: msg.model,
    finish,
    usage: { inputTokens, outputTokens, costMicros: tokenCostMicros(price, inputTokens, outputTokens) },
  };
}

/**
 * stop_reason (https://docs.anthropic.com/en/api/handling-stop-reasons): `refusal` is the safety classifiers' stop
 * (https://docs.anthropic.com/en/docs/test-and-evaluate/strengthen-guardrails/handle-streaming-refusals); whatever
 * text came before it is discarded with it, never published half-made.
 * The only tool Raize offers is the forced answer tool of a response schema: `tool_use` is the normal stop then, and
 * otherwise (like `pause_turn`) means the request was not what we sent.
 */
function finishOf(stop: string | null, forcedTool: boolean): TextResult['finish'] {
  switch (stop) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      if (forcedTool) return 'stop';
      throw unexpectedStop(stop);
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      throw new ProviderError('anthropic', 'refused', `anthropic ${ROUTE} refused (stop_reason refusal)`, {
        status: 200,
        vendorCode: 'refusal',
      });
    case null:
    default:
      throw unexpectedStop(stop);
  }
}

function unexpectedStop(stop: string | null): ProviderError {
  return new ProviderError('anthropic', 'bad_request', `anthropic ${ROUTE} stopped unexpectedly (${stop ?? 'null'})`, {
    status: 200,
  });
}

/**
 * Refinements of the generic status mapping (https://docs.anthropic.com/en/api/errors):
 * - 529 `overloaded_error` is already `unavailable` (5xx);
 * - a 429 whose `error.details.error_code` is `enforced_spend_limit_reached` is the organisation's monthly spend
 *   cap, not a rate limit: retrying fails until the month turns, so it parks like a dead key (`unauthorized`);
 * - 402 `billing_error` likewise needs a human with the vendor's billing page.
 */
export function classifyAnthropic(status: number, body: unknown): ProviderFailureClass | undefined {
  const parsed = anthropicErrorSchema.safeParse(body);
  const type = parsed.success ? parsed.data.error.type : undefined;
  if (status === 429 && parsed.success && parsed.data.error.details?.error_code === 'enforced_spend_limit_reached')
    return 'unauthorized';
  if (status === 402 || type === 'billing_error') return 'unauthorized';
  if (type === 'overloaded_error') return 'unavailable';
  return undefined;
}
