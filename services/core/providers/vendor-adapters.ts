import { createAnthropicTextProvider } from './anthropic';
import { createGeminiImageProvider, createGeminiTextProvider } from './gemini';
import { createHeyGenAvatarProvider } from './heygen';
import { createKieVideoProvider } from './kie';
import { createOpenAiImageProvider, createOpenAiTextProvider } from './openai';
import { createOpenRouterTextProvider } from './openrouter';
import type { ProviderAdapters } from './provider-registry';

/**
 * Every vendor adapter Raize ships, by kind (product.md: LLM Anthropic, OpenAI, Google, OpenRouter; image Gemini,
 * OpenAI; video Kie.ai Veo; avatar HeyGen). A client uses one only when it has chosen it and holds a key for it
 * (or its agency does); the local provider stays the default.
 */
export function vendorAdapters(): ProviderAdapters {
  return {
    text: {
      anthropic: createAnthropicTextProvider(),
      openai: createOpenAiTextProvider(),
      gemini: createGeminiTextProvider(),
      openrouter: createOpenRouterTextProvider(),
    },
    image: { openai: createOpenAiImageProvider(), gemini: createGeminiImageProvider() },
    video: { kie: createKieVideoProvider() },
    avatar: { heygen: createHeyGenAvatarProvider() },
  };
}
