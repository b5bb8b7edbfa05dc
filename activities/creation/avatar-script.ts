import { hashtagsOf, linksOf } from '../../services/core/creation/content-input';

/**
 * What a presenter reads aloud: at most this many words (about 16 seconds at 150 words a minute). Vendors bill avatar
 * video by the second, and a feed clip is watched for seconds, not minutes.
 */
export const MAX_SCRIPT_WORDS = 40;
const MAX_SCRIPT_CHARS = 300;

/**
 * An avatar item's script, derived from its caption: the sentences a person would say (no hashtags, no sentences with
 * links, no thread numbering), whole sentences up to the bound, else the first words of the brief.
 */
export function avatarScript(caption: string, brief: string): string {
  const sentences = caption
    .replace(/^\s*\d+\/\s*/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    // A sentence pointing at a link makes no sense read aloud without it.
    .filter((s) => linksOf(s).length === 0)
    .map((s) => hashtagsOf(s).reduce((rest, tag) => rest.split(tag).join(' '), s))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  const kept: string[] = [];
  let words = 0;
  for (const s of sentences) {
    const n = s.split(' ').length;
    if (words + n > MAX_SCRIPT_WORDS || [...kept, s].join(' ').length > MAX_SCRIPT_CHARS) break;
    kept.push(s);
    words += n;
  }
  if (kept.length) return kept.join(' ');
  // One sentence too long, or a caption of hashtags only: the first words of what there is.
  const fallback = (sentences.join(' ') || brief).replace(/\s+/g, ' ').trim();
  return firstWords(fallback, MAX_SCRIPT_WORDS, MAX_SCRIPT_CHARS);
}

function firstWords(text: string, maxWords: number, maxChars: number): string {
  const out: string[] = [];
  for (const w of text.split(' ').filter(Boolean).slice(0, maxWords)) {
    if ([...out, w].join(' ').length > maxChars) break;
    out.push(w);
  }
  return out.join(' ');
}
