import type { ProviderFailureClass, ProviderId, TextResult } from '../provider.types';
import { vendorCodeOf } from '../http/provider-http-errors';
import { ProviderError } from '../provider.types';
import type { ChatCompletion } from './openai-chat.wire';
import { chatCompletionSchema } from './openai-chat.wire';

/** The Chat Completions answer as a TextResult minus its cost (each vendor prices it its own way). */
export interface ChatReading {
  text: string;
  model: string;
  finish: TextResult['finish'];
  inputTokens: number;
  outputTokens: number;
  /** what the vendor itself says the call cost, in US dollars (OpenRouter) */
  vendorCostUsd?: number;
  completion: ChatCompletion;
}

/**
 * Shared by OpenAI and OpenRouter. A refusal has two documented shapes: `finish_reason: "content_filter"` (content
 * omitted by the filter) and a non-empty `message.refusal` (the model declined); both are thrown as `refused`.
 */
export function readChatCompletion(
  provider: ProviderId,
  route: string,
  json: unknown,
  /** OpenRouter: a choice that failed mid-generation carries `error.code` (an HTTP-like status) */
  classifyChoiceError?: (code: number | string | undefined) => ProviderFailureClass,
): ChatReading {
  const parsed = chatCompletionSchema.safeParse(json);
  if (!parsed.success)
    throw new ProviderError(provider, 'bad_request', `${provider} ${route} answered an unexpected shape`);
  const completion = parsed.data;
  const choice = completion.choices[0]!;
  if (choice.error || choice.finish_reason === 'error') {
    const code = choice.error?.code;
    const failure = classifyChoiceError?.(code) ?? 'unavailable';
    const vendorCode = vendorCodeOf({ error: { code } });
    throw new ProviderError(
      provider,
      failure,
      `${provider} ${route} failed mid-generation (${vendorCode ?? 'error'})`,
      {
        status: 200,
        ...(vendorCode && { vendorCode }),
      },
    );
  }
  if (choice.message?.refusal || choice.finish_reason === 'content_filter') {
    throw new ProviderError(
      provider,
      'refused',
      `${provider} ${route} refused (${choice.finish_reason ?? 'refusal'})`,
      {
        status: 200,
        vendorCode: choice.finish_reason === 'content_filter' ? 'content_filter' : 'refusal',
      },
    );
  }
  let finish: TextResult['finish'];
  switch (choice.finish_reason) {
    case 'stop':
      finish = 'stop';
      break;
    case 'length':
      finish = 'length';
      break;
    case null:
    default:
      // tool_calls/function_call: Raize offers no tools, so the answer is not to the request we sent.
      throw new ProviderError(
        provider,
        'bad_request',
        `${provider} ${route} stopped unexpectedly (${choice.finish_reason ?? 'null'})`,
        { status: 200 },
      );
  }
  return {
    text: choice.message?.content ?? '',
    model: completion.model,
    finish,
    inputTokens: completion.usage.prompt_tokens,
    outputTokens: completion.usage.completion_tokens,
    ...(completion.usage.cost !== undefined && { vendorCostUsd: completion.usage.cost }),
    completion,
  };
}
