/**
 * LinkedIn's "little" text format of a post's commentary
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format): the
 * characters below are reserved for mentions, hashtags and templates and must be backslash-escaped to stay text.
 * Unescaped, LinkedIn cuts the post at the first one and still answers 201 (reported by integrators, e.g.
 * https://github.com/apoorvdarshan/crossposter/releases/tag/v1.1.5), so the read-back would not match what we sent.
 */
const RESERVED = new Set(['|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '\\', '*', '_', '~']);

/** `#word` stays a hashtag (clickable on LinkedIn); any other `#` is escaped. */
const HASHTAG = /^#[\p{L}\p{N}]+/u;

/** Plain text → commentary that LinkedIn shows as exactly that text. */
export function toLittleText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '#') {
      const tag = HASHTAG.exec(text.slice(i));
      if (tag) {
        out += tag[0];
        i += tag[0].length - 1;
        continue;
      }
    }
    out += RESERVED.has(c) ? `\\${c}` : c;
  }
  return out;
}

/** LinkedIn stores a hashtag as this template and answers it so on read. */
const HASHTAG_TEMPLATE = /^\{hashtag\|\\?#\|([^}]*)\}/;
/** A mention, `@[Name](urn:li:...)`: shown as the name. */
const MENTION = /^@\[((?:\\.|[^\]\\])*)\]\((urn:li:[^)]+)\)/;

/** Commentary as LinkedIn answers it → the text a reader sees (what our verification hashes). */
export function fromLittleText(commentary: string): string {
  let out = '';
  for (let i = 0; i < commentary.length; i++) {
    const c = commentary[i]!;
    const rest = commentary.slice(i);
    if (c === '\\' && i + 1 < commentary.length) {
      out += commentary[i + 1];
      i++;
      continue;
    }
    if (c === '{') {
      const tag = HASHTAG_TEMPLATE.exec(rest);
      if (tag) {
        out += `#${tag[1]}`;
        i += tag[0].length - 1;
        continue;
      }
    }
    if (c === '@') {
      const mention = MENTION.exec(rest);
      if (mention) {
        out += mention[1]!.replace(/\\(.)/g, '$1');
        i += mention[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}
