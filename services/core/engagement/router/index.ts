export { routeInbound, MAX_ROUTED_CHARS, type RouterDeps } from './route-inbound';
export {
  ROUTES,
  routerSettingsSchema,
  type EngagementBrandContext,
  type Route,
  type RouteDecision,
  type RouteInput,
  type RouterSettings,
} from './router.types';
export { SLA_SECONDS, slaSecondsFor } from './sla';
export { classifyByRules, type RulesClassification } from './rules.classifier';
export { CLASSIFICATION_SCHEMA_NAME, parseClassification, type Classification } from './classification.schema';
export { buildUntrustedPrompt, readDataBlocks, outsideDataBlocks, DATA_RULE, type DataBlock } from './untrusted-prompt';
