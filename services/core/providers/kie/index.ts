export { createKieVideoProvider, KIE_BASE_URL, KIE_DEFAULT_MODEL } from './kie-video.adapter';
export type { KieVideoOptions } from './kie-video.adapter';
export { parseKieCallback } from './kie.callback';
export type { KieCallbackEvent } from './kie.callback';
export { KIE_PRICES_PER_CLIP_USD, KIE_VEO_CLIP_SECONDS, kieCostMicros } from './kie.prices';
