import type { Intent, SafetyFlag } from '../../../../workflows/contracts/vocabulary/engagement';
import { isSensitiveIntent } from '../../../../workflows/contracts/vocabulary/engagement';
import type { Classification } from './classification.schema';
import type { Route, RouteDecision } from './router.types';
import type { RulesClassification } from './rules.classifier';

/**
 * Where a classified message goes. Sensitive → a human, always (C-28); an injection → a human, never an automatic
 * reply (C-27); spam → hidden; a question, praise or complaint → a drafted reply; anything else is left alone.
 */
export function routeFor(
  intent: Intent,
  sensitive: boolean,
  flags: readonly SafetyFlag[],
): { route: Route; why?: string } {
  if (sensitive || isSensitiveIntent(intent)) return { route: 'escalate' };
  if (flags.includes('injection'))
    return { route: 'escalate', why: 'looks like an instruction to the model: a human replies' };
  if (intent === 'spam') return { route: 'hide' };
  if (intent === 'question' || intent === 'praise' || intent === 'complaint') return { route: 'draft' };
  return { route: 'ignore' };
}

export function rulesDecision(
  rules: RulesClassification,
  extraWhy: string[] = [],
  forceEscalate = false,
): RouteDecision {
  const sensitive = rules.sensitiveMatches.length > 0;
  const r = routeFor(rules.intent, sensitive, rules.flags);
  const route: Route = forceEscalate ? 'escalate' : r.route;
  return {
    intent: rules.intent,
    sentiment: rules.sentiment,
    flags: rules.flags,
    sensitive,
    route,
    why: unique([...rules.why, ...(r.why ? [r.why] : []), ...extraWhy]),
    classifier: 'rules',
    confidence: rules.confidence,
  };
}

/**
 * The rules and a valid LLM answer together. The model may add a sensitive intent or a flag, and may refine an
 * ordinary intent; it can never take away what the rules found: a rules-sensitive match stays sensitive and keeps
 * its intent, a rules flag stays, and rules spam is not turned into a reply. A model alone calling a message spam
 * does not hide it (an injection could ask for that): the message is left for a human.
 */
export function mergedDecision(rules: RulesClassification, llm: Classification): RouteDecision {
  const rulesSensitive = rules.sensitiveMatches.length > 0;
  const llmSensitive = llm.sensitive || isSensitiveIntent(llm.intent);
  const why = [...rules.why];
  let intent: Intent;
  if (rulesSensitive) intent = rules.intent;
  else if (isSensitiveIntent(llm.intent)) intent = llm.intent;
  else if (rules.intent === 'spam') intent = 'spam';
  else intent = llm.intent;
  if (llmSensitive && !rulesSensitive) why.push(`the classifier found a sensitive topic (${intent})`);
  if (intent !== rules.intent && !llmSensitive) why.push(`the classifier reads it as ${intent}`);

  const flags = [...new Set<SafetyFlag>([...rules.flags, ...llm.flags])].sort();
  for (const f of llm.flags) if (!rules.flags.includes(f)) why.push(`the classifier flagged ${f}`);
  const sensitive = rulesSensitive || llmSensitive;
  let { route, why: routeWhy } = routeFor(intent, sensitive, flags);
  if (routeWhy) why.push(routeWhy);
  if (route === 'hide' && rules.intent !== 'spam') {
    route = 'ignore';
    why.push('only the classifier calls it spam: left for a human');
  }
  return {
    intent,
    sentiment: rules.intent === 'crisis' || rules.intent === 'harassment' ? 'negative' : llm.sentiment,
    flags,
    sensitive,
    route,
    why: unique(why),
    classifier: 'llm',
    confidence: llm.confidence,
  };
}

function unique(list: string[]): string[] {
  return [...new Set(list)].slice(0, 8);
}
