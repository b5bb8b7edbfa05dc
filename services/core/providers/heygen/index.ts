export { createHeyGenAvatarProvider, HEYGEN_BASE_URL, HEYGEN_MODEL } from './heygen-avatar.adapter';
export type { HeyGenAvatarOptions } from './heygen-avatar.adapter';
export { parseHeyGenCallback } from './heygen.callback';
export type { HeyGenCallbackEvent } from './heygen.callback';
export { HEYGEN_USD_PER_SECOND, heygenCostMicros } from './heygen.prices';
