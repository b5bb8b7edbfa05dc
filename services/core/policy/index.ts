export * from './policy.types';
export {
  DEFAULT_POLICY_TIMEOUT_MS,
  POLICY_ENTRYPOINT,
  POLICY_ENTRYPOINTS_FILE,
  PolicyEngine,
  PolicyLoadError,
  type PolicyEngineLoadOptions,
  type PolicyEngineOptions,
  type PolicyEvaluator,
} from './policy-engine';
export { defaultPolicyWasmPath, findRepoRoot, policySourceDir, resolveOpaBinary } from './policy-paths';
