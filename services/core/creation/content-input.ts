/**
 * The content policy's input (policies/raize/content), built the same way wherever the policy is asked: the text,
 * its words normalised for whole-word matching, the hashtags and links it carries, and the brand's words normalised
 * the same way, so "cheap" matches "Cheap!" and not "cheaper".
 */

export interface BrandWords {
  bannedTerms?: readonly string[];
  bannedClaims?: readonly string[];
  dontWords?: readonly string[];
}

export interface ContentSettings {
  linksAllowed?: boolean;
  maxHashtags?: number;
}

export interface ContentPolicyInput {
  platform: string;
  format: string;
  text: string;
  words: string;
  hashtags: string[];
  links: string[];
  brand: { banned_terms: string[]; banned_claims: string[]; dont_words: string[] };
  settings: { links_allowed?: boolean; max_hashtags?: number };
}

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])(#[\p{L}\p{N}_]+)/gu;
// Schemes and bare domains both count: a platform that refuses links refuses "acme.test/offer" too.
const LINK = /\b(?:https?:\/\/\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?)/giu;

/** Lower case, compatibility-folded, letters and digits only, single spaces. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function hashtagsOf(text: string): string[] {
  return [...text.matchAll(HASHTAG)].map((m) => m[1]);
}

const EMAIL = /\S+@\S+/gu;

export function linksOf(text: string): string[] {
  // Hashtags and e-mail addresses are not links; a sentence's full stop or comma is not part of one.
  return [...text.replace(HASHTAG, ' ').replace(EMAIL, ' ').matchAll(LINK)].map((m) =>
    m[0].replace(/[.,;:!?)\]}'"’”]+$/u, ''),
  );
}

const terms = (list: readonly string[] | undefined) =>
  [...new Set((list ?? []).map(normaliseWords).filter((t) => t.length > 0))].slice(0, 500);

export function contentPolicyInput(a: {
  platform: string;
  format: string;
  text: string;
  brand: BrandWords;
  settings?: ContentSettings;
}): ContentPolicyInput {
  return {
    platform: a.platform,
    format: a.format,
    text: a.text,
    words: normaliseWords(a.text),
    hashtags: hashtagsOf(a.text),
    links: linksOf(a.text),
    brand: {
      banned_terms: terms(a.brand.bannedTerms),
      banned_claims: terms(a.brand.bannedClaims),
      dont_words: terms(a.brand.dontWords),
    },
    settings: {
      ...(a.settings?.linksAllowed !== undefined ? { links_allowed: a.settings.linksAllowed } : {}),
      ...(a.settings?.maxHashtags !== undefined ? { max_hashtags: a.settings.maxHashtags } : {}),
    },
  };
}
