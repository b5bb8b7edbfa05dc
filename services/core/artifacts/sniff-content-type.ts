import type { ArtifactContentType } from './content-types';

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
const startsWith = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

// ISO BMFF brands of still images (HEIF/AVIF): an `ftyp` box alone does not make a file a video.
const IMAGE_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

/**
 * The type of `bytes` from their magic numbers, never from a name or a claim (C-47). Text is recognised only as
 * valid UTF-8 without NUL or other binary control characters; `sniffed` is then `text/plain` and the caller may
 * narrow it to CSV or JSON. Undefined when the bytes are none of the supported types.
 */
export function sniffContentType(bytes: Buffer): ArtifactContentType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 6 && ['GIF87a', 'GIF89a'].includes(ascii(bytes, 0, 6))) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (IMAGE_BRANDS.has(brand)) return undefined;
    return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  // EBML header; Matroska and WebM share it, the DocType says which (it sits in the first few dozen bytes).
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]))
    return ascii(bytes, 0, 64).includes('webm') ? 'video/webm' : undefined;
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  return isUtf8Text(bytes) ? 'text/plain' : undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 with no control characters (DEL included) except tab, line feed, form feed and carriage return. */
export function isUtf8Text(bytes: Buffer): boolean {
  for (const b of bytes)
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return false;
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether UTF-8 text parses as JSON (a claim of application/json must hold). */
export function isJsonText(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
