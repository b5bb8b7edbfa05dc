import type { Intent, SafetyFlag, Sentiment } from '../../../../workflows/contracts/vocabulary/engagement';
import { injectionReasons } from './injection.rules';
import { INTENT_LEXICON } from './intent.lexicon';
import { domainAllowed, domainOf, linksIn } from './links';
import { detectPii } from './pii';
import { hasProfanity } from './profanity.rules';
import { sentimentOf } from './sentiment.rules';
import { textViews } from './text-views';

/** What the deterministic rules say about a text, before any model is asked. */
export interface RulesClassification {
  intent: Intent;
  /** every sensitive intent the text matched (the LLM can add to these, never remove them) */
  sensitiveMatches: Intent[];
  sentiment: Sentiment;
  flags: SafetyFlag[];
  why: string[];
  confidence: number;
}

// Sensitive intents in the order one is named when several match: a person in crisis first.
// Sensitive intents in the order one is named when several match: a person in crisis first.
const SENSITIVE_ORDER = ['crisis', 'harassment', 'legal', 'medical', 'refund', 'press', 'pricing'] as const;
const PII_WORDS = { email: 'an e-mail address', phone: 'a phone number', card: 'a card number', iban: 'an IBAN' };

type Matched = { why: string; weak: boolean }[];

function matches(intent: Exclude<Intent, 'other'>, plain: string): Matched {
  return INTENT_LEXICON[intent].filter((r) => r.re.test(plain)).map((r) => ({ why: r.why, weak: r.weak === true }));
}

/**
 * The rules: sensitive intents by lexicon (all of them, reported), then spam, complaint, question and praise in that
 * order; safety flags (injection, links, personal data, profanity) whatever the intent; sentiment by lexicon.
 */
export function classifyByRules(text: string, linkAllowlist: readonly string[] = []): RulesClassification {
  const views = textViews(text);
  const why: string[] = [];
  const flags = new Set<SafetyFlag>();

  const injection = injectionReasons(views, text);
  if (injection.length) flags.add('injection');
  why.push(...injection);

  const links = linksIn(text);
  const foreign = links.filter((l) => {
    const d = domainOf(l);
    return !d || !domainAllowed(d, linkAllowlist);
  });
  if (links.length) {
    flags.add('link');
    why.push(links.length === 1 ? 'contains a link' : `contains ${links.length} links`);
  }
  const pii = detectPii(text);
  if (pii.length) {
    flags.add('pii');
    why.push(`contains ${pii.map((k) => PII_WORDS[k]).join(', ')}`);
  }
  if (hasProfanity(views.folded)) {
    flags.add('profanity');
    why.push('uses profanity');
  }

  // Intent is read from what the person says, not from the names of the sites they link ("discount-bags.top").
  let speech = views.plain;
  for (const l of links) speech = speech.split(textViews(l).plain).join(' ');
  const found = (i: Exclude<Intent, 'other'>) => matches(i, speech);
  const spam = found('spam');
  // Two or more links nobody allowlisted, or one with nothing else to say, is a link farm.
  const ordinary = { complaint: found('complaint'), question: found('question'), praise: found('praise') };
  if (foreign.length >= 2 || (foreign.length === 1 && !ordinary.question.length && !ordinary.complaint.length))
    spam.push({ why: 'posts links to elsewhere', weak: false });
  const strongSpam = spam.filter((m) => !m.weak);

  const sensitive = SENSITIVE_ORDER.map((i) => ({ intent: i as Intent, m: found(i) }))
    // A weak sensitive signal (an amount of money) does not outweigh a money scam.
    .map((s) => ({ ...s, m: strongSpam.length ? s.m.filter((x) => !x.weak) : s.m }))
    .filter((s) => s.m.length > 0);
  for (const s of sensitive) why.push(s.m[0].why);
  const sensitiveMatches = sensitive.map((s) => s.intent);

  let intent: Intent;
  let confidence: number;
  if (sensitiveMatches.length) {
    intent = sensitiveMatches[0];
    confidence = sensitiveMatches.length > 1 ? 0.8 : 0.9;
  } else if (strongSpam.length) {
    intent = 'spam';
    why.push(...strongSpam.map((m) => m.why));
    confidence = strongSpam.length > 1 ? 0.95 : 0.8;
  } else {
    const first = (['complaint', 'question', 'praise'] as const).find((i) => ordinary[i].length);
    if (first) {
      intent = first;
      why.push(ordinary[first][0].why);
      confidence = ordinary[first].length > 1 ? 0.85 : 0.7;
    } else if (spam.length) {
      intent = 'spam';
      why.push(spam[0].why);
      confidence = 0.6;
    } else {
      intent = 'other';
      why.push('no clear intent');
      confidence = 0.4;
    }
  }

  const sentiment = sentimentOf(views.plain);
  return {
    intent,
    sensitiveMatches,
    sentiment: intent === 'crisis' || intent === 'harassment' ? 'negative' : sentiment,
    flags: [...flags].sort(),
    why: dedupe(why),
    confidence,
  };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
