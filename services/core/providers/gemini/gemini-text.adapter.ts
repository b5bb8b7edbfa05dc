import type { ProviderCallContext, TextProvider, TextRequest, TextResult } from '../provider.types';
import { ProviderError } from '../provider.types';
import { generateContent, refusalOf, usageTokens } from './gemini.client';
import { geminiStructuredConfig } from './gemini-structured';
import { geminiCostMicros } from './gemini.prices';

export const GEMINI_DEFAULT_TEXT_MODEL = 'gemini-2.5-flash';

/**
 * Gemini text through generateContent (https://ai.google.dev/api/generate-content); a response schema constrains the
 * answer natively (gemini-structured.ts) and the JSON arrives as the text part.
 */
export function createGeminiTextProvider(opts: { defaultModel?: string } = {}): TextProvider {
  const defaultModel = opts.defaultModel ?? GEMINI_DEFAULT_TEXT_MODEL;
  return {
    id: 'gemini',
    async generateText(ctx: ProviderCallContext, req: TextRequest): Promise<TextResult> {
      const model = req.model ?? defaultModel;
      const answer = await generateContent(ctx, model, {
        contents: [{ role: 'user', parts: [{ text: req.prompt }] }],
        ...(req.system ? { systemInstruction: { parts: [{ text: req.system }] } } : {}),
        generationConfig: {
          maxOutputTokens: req.maxOutputTokens,
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
          ...geminiStructuredConfig(req),
        },
      });
      const refusal = refusalOf(answer);
      if (refusal) throw refusal;
      const first = answer.candidates?.[0];
      const text = (first?.content?.parts ?? [])
        .filter((p) => !p.thought && typeof p.text === 'string')
        .map((p) => p.text)
        .join('');
      if (!first || (text === '' && first.finishReason !== 'MAX_TOKENS')) {
        throw new ProviderError('gemini', 'bad_request', `gemini answered no text (${first?.finishReason ?? 'none'})`);
      }
      const { inputTokens, outputTokens } = usageTokens(answer);
      return {
        text,
        model: answer.modelVersion ?? model,
        finish: first.finishReason === 'MAX_TOKENS' ? 'length' : 'stop',
        usage: { inputTokens, outputTokens, costMicros: geminiCostMicros(model, inputTokens, outputTokens) },
      };
    },
  };
}
