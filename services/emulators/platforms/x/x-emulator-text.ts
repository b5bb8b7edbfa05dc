/**
 * What X does to a post's text, as the emulator does it (https://docs.x.com/resources/fundamentals/counting-characters,
 * https://docs.x.com/x-api/fundamentals/data-dictionary entities.urls): links become t.co links counted as 23,
 * other code points weigh 1 in the Latin and punctuation ranges and 2 elsewhere, `&`, `<`, `>` come back as HTML
 * entities, and attached media add a t.co link at the end. Written apart from the connector's counter on purpose:
 * the two must agree by the rules, not by sharing code.
 */
import { randomBytes } from 'node:crypto';

export interface EmulatedUrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
  media_key?: string;
}

/** Only links with a scheme: the emulator is stricter than X, which also links bare domains. */
const LINK = /https?:\/\/[^\s<>"]+[^\s<>".,!?;:)]/g;

export function weightedLength(text: string): number {
  let n = 0;
  const withoutLinks = text.normalize('NFC').replace(LINK, () => {
    n += 23;
    return '';
  });
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(withoutLinks)) {
    const cps = [...segment].map((c) => c.codePointAt(0)!);
    if (cps.length > 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment)) {
      n += 2;
      continue;
    }
    for (const cp of cps)
      n +=
        cp <= 0x10ff ||
        (cp >= 0x2000 && cp <= 0x200d) ||
        (cp >= 0x2010 && cp <= 0x201f) ||
        (cp >= 0x2032 && cp <= 0x2037)
          ? 1
          : 2;
  }
  return n;
}

const tco = () => `https://t.co/${randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10)}`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The text X stores and shows for a new post, with its URL entities (offsets in code points, as X gives them). */
export function shortenForPost(
  text: string,
  media: { mediaKey: string; kind: 'photo' | 'video' }[],
  permalink: (n: number, kind: string) => string,
): { text: string; urls: EmulatedUrlEntity[] } {
  const urls: EmulatedUrlEntity[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    out += escapeHtml(text.slice(last, m.index));
    const short = tco();
    const start = [...out].length;
    out += short;
    urls.push({ start, end: start + [...short].length, url: short, expanded_url: m[0], display_url: display(m[0]) });
    last = m.index + m[0].length;
  }
  out += escapeHtml(text.slice(last));
  if (media.length) {
    const short = tco();
    const start = [...out].length + 1;
    out += ` ${short}`;
    for (const [i, m] of media.entries())
      urls.push({
        start,
        end: start + [...short].length,
        url: short,
        expanded_url: permalink(i + 1, m.kind),
        display_url: `pic.x.com/${short.slice(-10)}`,
        media_key: m.mediaKey,
      });
  }
  return { text: out, urls };
}

function display(url: string): string {
  const bare = url.replace(/^https?:\/\//, '');
  return bare.length > 26 ? `${bare.slice(0, 25)}…` : bare;
}
