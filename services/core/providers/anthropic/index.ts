export { createAnthropicTextProvider, ANTHROPIC_DEFAULT_MODEL, ANTHROPIC_VERSION } from './anthropic-text.adapter';
export { ANTHROPIC_PRICES } from './anthropic.prices';
