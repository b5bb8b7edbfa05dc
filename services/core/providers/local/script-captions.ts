/** About 150 spoken words a minute, as usage/estimate.ts assumes for avatars. */
export const WORDS_PER_SECOND = 2.5;
const WORDS_PER_CAPTION = 7;
const MAX_CAPTIONS = 20;

/** One burned-in caption and when it shows, in seconds from the start of the clip. */
export interface TimedCaption {
  text: string;
  from: number;
  to: number;
}

export function scriptWords(script: string): string[] {
  return script.split(/\s+/).filter(Boolean);
}

/** How long a presenter takes to read `words` words, within the clip's bounds. */
export function spokenSeconds(words: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.ceil(words / WORDS_PER_SECOND)));
}

/**
 * The script as captions the way subtitles run: sentence by sentence, long sentences cut every few words, each shown
 * for a share of the clip in proportion to its words (so the captions keep pace with the reading).
 */
export function scriptCaptions(script: string, seconds: number): TimedCaption[] {
  const sentences = script
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => scriptWords(s))
    .filter((w) => w.length > 0);
  const total = sentences.reduce((n, s) => n + s.length, 0);
  const perCaption = Math.max(WORDS_PER_CAPTION, Math.ceil(total / MAX_CAPTIONS));
  const chunks: string[][] = [];
  for (const words of sentences) {
    for (let i = 0; i < words.length; i += perCaption) chunks.push(words.slice(i, i + perCaption));
  }
  // Long sentences cut short leave more chunks than fit: the rest joins the last caption.
  if (chunks.length > MAX_CAPTIONS) chunks.splice(MAX_CAPTIONS - 1, Infinity, chunks.slice(MAX_CAPTIONS - 1).flat());
  const out: TimedCaption[] = [];
  let said = 0;
  for (const chunk of chunks) {
    const from = (said / total) * seconds;
    said += chunk.length;
    out.push({ text: chunk.join(' '), from, to: (said / total) * seconds });
  }
  return out;
}
