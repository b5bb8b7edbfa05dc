/**
 * How the emulator reads a post's commentary, after LinkedIn's "little" text format
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format): `\x` is the
 * character x; `#word` is a hashtag, kept and answered as the template `{hashtag|\#|word}`; `@[Name](urn:li:...)` is a
 * mention, shown as the name. Any other reserved character left unescaped ends the post there: LinkedIn answers 201
 * and publishes the text cut short (reported by integrators, e.g.
 * https://github.com/apoorvdarshan/crossposter/releases/tag/v1.1.5), which is what makes a missing escape visible
 * in a read-back.
 */
const RESERVED = new Set(['|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '\\', '*', '_', '~']);
const HASHTAG = /^#([\p{L}\p{N}]+)/u;
const HASHTAG_TEMPLATE = /^\{hashtag\|\\#\|([\p{L}\p{N}]+)\}/u;
const MENTION = /^@\[((?:\\.|[^\]\\])*)\]\((urn:li:(?:person|organization):[0-9A-Za-z_-]+)\)/;

export interface ParsedCommentary {
  /** what GET /rest/posts answers as `commentary` */
  stored: string;
  /** what a member sees */
  plain: string;
  /** an unescaped reserved character cut the text short */
  truncated: boolean;
}

export function parseCommentary(commentary: string): ParsedCommentary {
  let stored = '';
  let plain = '';
  for (let i = 0; i < commentary.length; i++) {
    const c = commentary[i]!;
    const rest = commentary.slice(i);
    if (c === '\\' && i + 1 < commentary.length) {
      stored += c + commentary[i + 1];
      plain += commentary[i + 1];
      i++;
      continue;
    }
    const tag = c === '#' ? HASHTAG.exec(rest) : c === '{' ? HASHTAG_TEMPLATE.exec(rest) : null;
    if (tag) {
      stored += `{hashtag|\\#|${tag[1]}}`;
      plain += `#${tag[1]}`;
      i += tag[0].length - 1;
      continue;
    }
    const mention = c === '@' ? MENTION.exec(rest) : null;
    if (mention) {
      stored += mention[0];
      plain += mention[1]!.replace(/\\(.)/g, '$1');
      i += mention[0].length - 1;
      continue;
    }
    if (RESERVED.has(c)) return { stored, plain, truncated: true };
    stored += c;
    plain += c;
  }
  return { stored, plain, truncated: false };
}
