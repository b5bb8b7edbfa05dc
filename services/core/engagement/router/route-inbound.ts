import { INBOUND_KINDS } from '../../../../workflows/contracts/vocabulary/engagement';
import type { AiCallScope, ProviderGateway } from '../../providers/provider-gateway.port';
import { classifyWithLlm } from './llm.classifier';
import { mergedDecision, rulesDecision } from './route-decision';
import { routerSettingsSchema, type RouteDecision, type RouteInput } from './router.types';
import { classifyByRules } from './rules.classifier';

/** How the router reaches the client's classifier, when the client configured one. */
export interface RouterDeps {
  gateway?: ProviderGateway;
  /** the AI call's scope (stepKind `router`); required with a gateway */
  scope?: AiCallScope;
}

/** Longer texts are cut before classification: platforms cap comments well below this, and rules stay linear. */
export const MAX_ROUTED_CHARS = 10_000;

/**
 * Routes one inbound message (C-27, C-28): the deterministic rules first; then, where the client configured it, the
 * LLM classifier through the provider gateway, whose answer can add caution but never remove it. Anything wrong with
 * the classifier (no provider, refused, thrown, invalid JSON, unsure) keeps the rules' reading and escalates.
 */
export async function routeInbound(input: RouteInput, deps: RouterDeps = {}): Promise<RouteDecision> {
  if (typeof input.text !== 'string') throw new TypeError('routeInbound: text must be a string');
  if (!INBOUND_KINDS.includes(input.kind))
    throw new TypeError(`routeInbound: unknown inbound kind ${String(input.kind)}`);
  const settings = routerSettingsSchema.parse(input.settings ?? {});
  const text = input.text.slice(0, MAX_ROUTED_CHARS);
  const rules = classifyByRules(text, settings.linkAllowlist);
  if (settings.classifier === 'rules') return rulesDecision(rules);

  if (!deps.gateway || !deps.scope)
    return rulesDecision(rules, ['the classifier is configured but not reachable here; a human decides'], true);
  const llm = await classifyWithLlm(deps.gateway, deps.scope, {
    text,
    kind: input.kind,
    platform: input.platform,
    brandName: input.brand?.name,
  });
  if (!llm.ok) return rulesDecision(rules, [llm.why], true);
  if (llm.value.confidence < settings.minConfidence) {
    // An unsure classifier cannot confirm an automatic action; leaving a message alone needs no confirmation.
    const alone = rulesDecision(rules).route === 'ignore';
    const why = `the classifier was unsure (${llm.value.confidence.toFixed(2)})${alone ? '' : '; a human decides'}`;
    return rulesDecision(rules, [why], !alone);
  }
  return mergedDecision(rules, llm.value);
}
