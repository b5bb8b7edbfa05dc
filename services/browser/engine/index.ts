// The browser engine's public API (issue #17): the pool, the page checks, the actions and the proof. The runner and
// the side-effect kernel use only what is exported here.
export { BrowserPool, CONTEXT_VIEWPORT } from './browser-pool';
export type { BrowserPoolOptions, PlatformLaneConfig, WithContextOptions } from './browser-pool';
export { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH, chromiumPath, launchChromium } from './chromium';
export type { LaunchChromiumOptions } from './chromium';
export {
  BROWSER_LANE_ERROR_KINDS,
  BrowserLaneError,
  BrowserPoolError,
  ChromiumUnavailableError,
  isBrowserLaneStopKind,
} from './browser-lane.errors';
export type { BrowserLaneErrorKind, BrowserLaneStopKind } from './browser-lane.errors';
export { ENGINE_TIMEOUTS } from './engine-timeouts';
export type { BlockedRequest } from './route-guard';
export { parseStorageState } from './storage-state.schema';
export { classifyPage, detectUnexpectedPage } from './page-state';
export type { ClassifyOptions, PageState, UnexpectedPageKind } from './page-state';
export { readIdentity } from './page-identity';
export type { IdentityRead } from './page-identity';
export { pageUrl, safeUrl } from './page-url';
export { selfCheck } from './self-check';
export type { SelfCheckReport, SelfCheckResult } from './self-check';
export { publishThroughPage } from './publish.action';
export type { PublishThroughPageInput, PublishedThroughPage } from './publish.action';
export { readPostThroughPage } from './read-post.action';
export { listPostsThroughPage } from './list-posts.action';
export { captureProof, PII_MASK_RGB } from './proof/capture-proof';
export type { CapturedProof } from './proof/capture-proof';
export { findPii, scrubPii } from './proof/mask-pii';
export { loadSelectorMap, listSelectorMapVersions, SelectorMapError } from '../selector-maps/selector-map.loader';
export type { PageKey, SelectorMap } from '../selector-maps/selector-map.schema';
