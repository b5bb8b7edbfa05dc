import { execFileSync } from 'node:child_process';
import { imageSize } from './image-size';

/** Real files rendered by Debian's ffmpeg (installed on every machine that runs the tests). */
const render = (codec: string) =>
  execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=red:s=64x48',
      '-frames:v',
      '1',
      '-c:v',
      codec,
      '-f',
      'image2pipe',
      '-',
    ],
    { maxBuffer: 1 << 20 },
  );

describe('imageSize', () => {
  it.each(['png', 'mjpeg', 'gif', 'libwebp'])('reads the %s header', (codec) => {
    expect(imageSize(render(codec))).toEqual({ width: 64, height: 48 });
  });

  it('answers null for bytes that are no image', () => {
    expect(imageSize(Buffer.from('not an image at all, just text'))).toBeNull();
    expect(imageSize(Buffer.alloc(0))).toBeNull();
    // A PNG signature and IHDR with nonsense numbers (a truncated or forged file) is no size at all.
    const forged = Buffer.concat([
      render('png').subarray(0, 16),
      Buffer.from([0xf8, 0x42, 0x00, 0xaa, 0x91, 0x00, 0x00, 0x01]),
    ]);
    expect(imageSize(forged)).toBeNull();
  });
});
