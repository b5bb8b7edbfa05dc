export { createOpenAiTextProvider, OPENAI_DEFAULT_TEXT_MODEL } from './openai-text.adapter';
export { createOpenAiImageProvider, OPENAI_DEFAULT_IMAGE_MODEL } from './openai-image.adapter';
export { OPENAI_TEXT_PRICES, OPENAI_IMAGE_PRICES, openAiImageCostMicros } from './openai.prices';
