/** The longest chunk: small enough that a reference to one is cheap to expand, large enough to keep context. */
export const CHUNK_CHARS = 1200;

/**
 * Splits text into chunks at paragraph breaks, then sentence ends, then spaces; never mid-word unless a single
 * word is longer than a chunk. Deterministic: the same text always gives the same chunks.
 */
export function chunkText(text: string, max = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current.trim());
    current = '';
  };
  for (const para of text.split(/\n\s*\n/)) {
    for (const piece of splitLong(para.trim(), max)) {
      if (!piece) continue;
      if (current && current.length + 2 + piece.length > max) flush();
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  flush();
  return chunks;
}

function splitLong(para: string, max: number): string[] {
  if (para.length <= max) return [para];
  const out: string[] = [];
  let rest = para;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
    const cut =
      sentenceEnd > max / 2 ? sentenceEnd + 1 : window.lastIndexOf(' ') > max / 2 ? window.lastIndexOf(' ') : max;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}
