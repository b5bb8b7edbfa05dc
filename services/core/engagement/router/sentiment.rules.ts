import type { Sentiment } from '../../../../workflows/contracts/vocabulary/engagement';

// A small lexicon, enough to sort the inbox; the LLM classifier refines it where a client configures one.
const POSITIVE = new Set(
  (
    'love loved loves loving great amazing awesome fantastic excellent brilliant perfect beautiful gorgeous wonderful ' +
    'incredible best superb outstanding stunning lovely cool nice good happy glad thanks thank helpful fast easy ' +
    'recommend enjoy enjoyed favourite favorite delicious impressed fun smooth friendly kind legend congrats bravo'
  ).split(' '),
);
const NEGATIVE = new Set(
  (
    'hate hated terrible awful horrible worst bad poor broken broke faulty damaged disappointed disappointing ' +
    'disappointment angry annoyed annoying frustrated frustrating useless unacceptable ridiculous rude slow late ' +
    'never wrong sad upset scam scammed ripoff waste worse sick ill hurt pain problem problems issue issues fail ' +
    'failed failure crash crashed missing lost refund complaint stupid idiot idiots trash garbage disgusting ' +
    'overcharged charged sue lawyer die dead suicide kill worthless pathetic shame sucks'
  ).split(' '),
);
const NEGATORS = new Set([
  'not',
  "don't",
  'dont',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  'no',
  'never',
  "wasn't",
  'wasnt',
]);
const POSITIVE_EMOJI =
  /[\u{1F60D}\u{1F970}\u{2764}\u{1F496}\u{1F495}\u{1F44F}\u{1F525}\u{1F64C}\u{1F60A}\u{1F929}\u{1F44D}\u{1F602}]/gu;
const NEGATIVE_EMOJI = /[\u{1F621}\u{1F620}\u{1F92C}\u{1F44E}\u{1F62D}\u{1F622}\u{1F624}\u{1F494}]/gu;

/** Positive minus negative words (a negator in the two words before flips one), plus emoji. */
export function sentimentScore(plain: string): number {
  const words = plain.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  let score = 0;
  words.forEach((w, i) => {
    const polarity = POSITIVE.has(w) ? 1 : NEGATIVE.has(w) ? -1 : 0;
    if (!polarity) return;
    const negated = words.slice(Math.max(0, i - 2), i).some((p) => NEGATORS.has(p));
    score += negated && w !== 'never' ? -polarity : polarity;
  });
  score += (plain.match(POSITIVE_EMOJI) ?? []).length - (plain.match(NEGATIVE_EMOJI) ?? []).length;
  return score;
}

export function sentimentOf(plain: string): Sentiment {
  const s = sentimentScore(plain);
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
}
