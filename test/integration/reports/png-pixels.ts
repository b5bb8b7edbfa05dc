import { inflateSync } from 'node:zlib';

/** A decoded image: width, height and RGB bytes, row by row. */
export interface Pixels {
  width: number;
  height: number;
  rgb: Buffer;
}

/**
 * Decodes the PNGs pdftoppm writes (8-bit grey, RGB or RGBA, not interlaced; PNG spec §§ 6, 9:
 * https://www.w3.org/TR/png-3/#9Filters): enough to look at a rendered page's pixels without an image library.
 */
export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, interlace ${interlace}`);
      channels = { 0: 1, 2: 3, 6: 4 }[colour as 0 | 2 | 6] ?? 0;
      if (!channels) throw new Error(`unsupported PNG colour type ${colour}`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const g = channels === 1;
    rgb[i * 3] = out[i * channels];
    rgb[i * 3 + 1] = out[i * channels + (g ? 0 : 1)];
    rgb[i * 3 + 2] = out[i * channels + (g ? 0 : 2)];
  }
  return { width, height, rgb };
}

/** How many pixels are within `tolerance` of `hex` on every channel. */
export function countColour(p: Pixels, hex: string, tolerance = 12): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < p.rgb.length; i += 3)
    if (
      Math.abs(p.rgb[i] - want[0]) <= tolerance &&
      Math.abs(p.rgb[i + 1] - want[1]) <= tolerance &&
      Math.abs(p.rgb[i + 2] - want[2]) <= tolerance
    )
      n++;
  return n;
}

/** The share of pixels that are not (near) white: a blank page is ~0. */
export function inkRatio(p: Pixels): number {
  let n = 0;
  for (let i = 0; i < p.rgb.length; i += 3) if (p.rgb[i] < 235 || p.rgb[i + 1] < 235 || p.rgb[i + 2] < 235) n++;
  return n / (p.width * p.height);
}
