import { createHash } from 'node:crypto';

const HEX = /^#?([0-9a-fA-F]{6})$/;
/** Used when a brand names no colour (or none we accept): picked by the prompt's hash, so it stays the same. */
const FALLBACK = ['1f3a5f', '2d6a4f', '6d2e46', '3d405b', '8a5a44', '264653'];

/** Only `#RRGGBB` reaches the filter graph: a colour name could carry filter syntax. */
export function parseColour(value: string | undefined): string | undefined {
  const m = value ? HEX.exec(value.trim()) : null;
  return m ? m[1].toLowerCase() : undefined;
}

/** Background, accent and text colour (ffmpeg `0xRRGGBB`) for a brand. */
export function brandLook(
  colours: string[] | undefined,
  seed: string,
): { background: string; accent: string; text: string } {
  const valid = (colours ?? []).map(parseColour).filter((c): c is string => !!c);
  const h = createHash('sha256').update(seed).digest();
  const background = valid[0] ?? FALLBACK[h[0] % FALLBACK.length];
  const accent = valid[1] ?? FALLBACK[(h[0] + 1 + (h[1] % (FALLBACK.length - 1))) % FALLBACK.length];
  return {
    background: `0x${background}`,
    accent: `0x${accent}`,
    text: luminance(background) > 0.55 ? '0x111111' : '0xffffff',
  };
}

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Breaks text into lines of at most `width` characters, at most `maxLines` lines (the last one ends with …). */
export function wrapLines(text: string, width: number, maxLines: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const word = w.length > width ? `${w.slice(0, width - 1)}…` : w;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, width - 1)}…`;
    return kept.join('\n');
  }
  return lines.join('\n');
}
