import type { XUrlEntity } from './x-wire';

/**
 * X counts text by weight, not by characters (twitter-text v3 configuration, as
 * https://docs.x.com/resources/fundamentals/counting-characters describes it): 280 units of 1, where code points in a few
 * Latin and punctuation ranges weigh 1 and all others (CJK, most symbols) weigh 2, an emoji sequence weighs 2
 * whatever its length, and every URL weighs 23 (X replaces it by a t.co link) whatever its length. Text is
 * NFC-normalised before counting.
 */
export const X_MAX_WEIGHTED_LENGTH = 280;
export const X_URL_WEIGHT = 23;
const LIGHT_RANGES: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

/**
 * Links X turns into t.co links: with a scheme, with `www.`, or a bare domain ending in a common TLD. A little
 * over-eager is the safe side: the count comes out longer (refused before sending rather than by X) and the post
 * is billed as a link post.
 */
const URL_PATTERN =
  /\b(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|ly|app|dev|me|ai|tv|gg|de|uk|fr|es|it|nl|eu|info|biz|shop|news)(?:\/[^\s<>"]*)?)(?=$|[\s.,!?;:)\]'"])/gi;

const EMOJI =
  /\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})*(?:\u{200D}\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})*)*|\p{Regional_Indicator}{2}/gu;

/** The URLs X would link in this text, in order. */
export function findUrls(text: string): string[] {
  return [...text.normalize('NFC').matchAll(URL_PATTERN)].map((m) => m[0].replace(/[.,!?;:]+$/, ''));
}

export function containsUrl(text: string): boolean {
  return findUrls(text).length > 0;
}

/** The text's length as X counts it against X_MAX_WEIGHTED_LENGTH. */
export function xWeightedLength(text: string): number {
  let rest = text.normalize('NFC');
  let weight = 0;
  for (const url of findUrls(rest)) {
    weight += X_URL_WEIGHT;
    rest = rest.replace(url, '');
  }
  rest = rest.replace(EMOJI, (seq) => {
    // A lone ©, ® or ‼ is pictographic to Unicode but a Latin-range character to X.
    weight += [...seq].length === 1 ? weightOf(seq.codePointAt(0)!) : 2;
    return '';
  });
  for (const ch of rest) weight += weightOf(ch.codePointAt(0)!);
  return weight;
}

function weightOf(cp: number): number {
  return LIGHT_RANGES.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
}

/**
 * The text we sent, from the text X shows: X escapes &, < and > as HTML entities, replaces every link by a t.co
 * link (the original is in `entities.urls[].expanded_url`) and appends a t.co link to the attached media. Read-back
 * verification compares this with what we sent, so each of those is undone here.
 */
export function restoreXText(text: string, urls: XUrlEntity[] = []): string {
  // t.co links carry no &, < or >: unescaping first leaves them intact and keeps an expanded URL's own & as sent.
  let out = unescapeHtml(text);
  // Longest first, so a t.co link that prefixes another is never replaced inside it.
  for (const u of [...urls].sort((a, b) => b.url.length - a.url.length)) {
    if (u.media_key !== undefined || isMediaLink(u.expanded_url)) {
      out = out.replace(new RegExp(`\\s?${escapeRegExp(u.url)}`), '');
    } else if (u.expanded_url) {
      out = out.replace(u.url, () => u.expanded_url!);
    }
  }
  return out;
}

function isMediaLink(url: string | undefined): boolean {
  return url !== undefined && /\/status\/\d+\/(?:photo|video)\/\d+$/.test(url);
}

function unescapeHtml(s: string): string {
  return s.replace(/&(lt|gt|amp);/g, (_, e: string) => (e === 'lt' ? '<' : e === 'gt' ? '>' : '&'));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
