/**
 * How a post's text becomes a video's title and description. The description carries the whole text (it is what
 * read-back compares); the title is its first line. Limits from https://developers.google.com/youtube/v3/docs/videos
 * (snippet.title: at most 100 characters; snippet.description: at most 5,000 bytes; neither may contain < or >).
 */
export const YOUTUBE_TITLE_MAX_CHARS = 100;
export const YOUTUBE_DESCRIPTION_MAX_BYTES = 5000;

export type YouTubeText = { ok: true; title: string; description: string } | { ok: false; problem: string };

export function youtubeText(text: string): YouTubeText {
  // The description is the post as written: replacing < or > would make the read-back differ from what was approved.
  if (/[<>]/.test(text)) return { ok: false, problem: 'YouTube descriptions may not contain < or >' };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > YOUTUBE_DESCRIPTION_MAX_BYTES)
    return {
      ok: false,
      problem: `YouTube descriptions take at most ${YOUTUBE_DESCRIPTION_MAX_BYTES} bytes; this text has ${bytes}`,
    };
  const title = titleOf(text);
  if (!title) return { ok: false, problem: 'YouTube needs a title: the first line of the text is empty' };
  return { ok: true, title, description: text };
}

/** The first non-blank line, its whitespace collapsed, cut at 100 characters (code points, never half a pair). */
function titleOf(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '';
  const chars = [...line.replace(/\s+/g, ' ').trim()];
  if (chars.length <= YOUTUBE_TITLE_MAX_CHARS) return chars.join('');
  return `${chars
    .slice(0, YOUTUBE_TITLE_MAX_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}
