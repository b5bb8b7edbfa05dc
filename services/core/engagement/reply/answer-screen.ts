import { normaliseWords } from '../../creation/content-input';
import { injectionReasons } from '../router/injection.rules';
import { linksIn } from '../router/links';
import { detectPii } from '../router/pii';
import type { EngagementBrandContext } from '../router/router.types';
import { textViews } from '../router/text-views';
import { MAX_ANSWER_CHARS } from './answer.schema';
import { detectSecrets } from './secrets';

/** Five words in a row copied from the inbound text is the text speaking through the reply, not an answer. */
const ECHO_WORDS = 5;

function shingles(words: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/**
 * Why a model's answer cannot fill the answer slot (empty when it can): the screen runs before the policy, on what
 * the policy cannot know (the inbound text it might echo, instruction-like wording, mentions), and on the same
 * links, personal data and secrets, so a bad answer falls back to the template's instead of blocking the reply.
 */
export function answerProblems(answer: string, inbound: string, brand: EngagementBrandContext): string[] {
  const problems: string[] = [];
  if (!answer.trim()) problems.push('empty');
  if (answer.length > MAX_ANSWER_CHARS) problems.push('too long');
  if (/[\r\n]/.test(answer)) problems.push('more than one paragraph');
  if (linksIn(answer).length) problems.push('contains a link');
  if (detectPii(answer).length) problems.push('contains personal data');
  if (detectSecrets(answer).length) problems.push('contains something like a secret');
  if (/(?:^|\s)[@#][\p{L}\p{N}_]/u.test(answer)) problems.push('mentions an account or a hashtag');
  if (injectionReasons(textViews(answer), answer).length) problems.push('reads like instructions');
  const inboundWords = normaliseWords(inbound).split(' ').filter(Boolean);
  const answerShingles = shingles(normaliseWords(answer).split(' ').filter(Boolean), ECHO_WORDS);
  if ([...shingles(inboundWords, ECHO_WORDS)].some((s) => answerShingles.has(s))) problems.push('repeats the message');
  const words = ` ${normaliseWords(answer)} `;
  const avoid = [...(brand.dontWords ?? []), ...(brand.bannedTerms ?? []), ...(brand.bannedClaims ?? [])]
    .map(normaliseWords)
    .filter(Boolean);
  if (avoid.some((w) => words.includes(` ${w} `))) problems.push('uses a word the brand does not say');
  return problems;
}
