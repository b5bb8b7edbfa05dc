export { createOpenRouterTextProvider, OPENROUTER_DEFAULT_MODEL } from './openrouter-text.adapter';
export type { OpenRouterOptions } from './openrouter-text.adapter';
export { OPENROUTER_PRICES } from './openrouter.prices';
