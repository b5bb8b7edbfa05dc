export { createGeminiTextProvider, GEMINI_DEFAULT_TEXT_MODEL } from './gemini-text.adapter';
export { createGeminiImageProvider, GEMINI_DEFAULT_IMAGE_MODEL } from './gemini-image.adapter';
export { GEMINI_FALLBACK_PRICE, GEMINI_PRICES, geminiCostMicros } from './gemini.prices';
export { GEMINI_BASE_URL } from './gemini.client';
