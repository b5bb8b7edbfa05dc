import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProviderError, type AvatarRequest, type ProviderCallContext } from '../provider.types';
import { resolveFfmpegTool } from './ffmpeg';
import { createLocalAvatarProvider, LOCAL_AVATAR_MODEL, MAX_AVATAR_SCRIPT_WORDS } from './local-avatar.provider';
import { presenterLayout } from './presenter-figure';

const ctx: ProviderCallContext = {
  agencyId: '00000000-0000-4000-8000-000000000001',
  clientId: '00000000-0000-4000-8000-000000000002',
  credential: { provider: 'local', apiKey: '', credentialRefId: 'local', scope: 'local' },
  timeoutMs: 60_000,
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const brand = { name: 'Acme Coffee', colours: ['#1f3a5f', '#f4a261'] };
// Ten words: four seconds of reading at 150 words a minute.
const SCRIPT = 'Fresh roast every Monday morning. Order ahead, skip the queue.';

const avatar = createLocalAvatarProvider();

async function render(req: AvatarRequest): Promise<{ bytes: Buffer; seconds: number }> {
  const job = await avatar.startAvatar(ctx, req);
  const status = await avatar.pollAvatar(ctx, job);
  if (status.state !== 'done') throw new Error(`render ${status.state}`);
  expect(status.model).toBe(LOCAL_AVATAR_MODEL);
  expect(status.media.contentType).toBe('video/mp4');
  expect(status.usage.costMicros).toBe(0);
  return { bytes: status.media.bytes, seconds: status.usage.videoSeconds! };
}

function clipFile(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'raize-avatar-')), 'clip.mp4');
  writeFileSync(file, bytes);
  return file;
}

function probe(bytes: Buffer) {
  const out = JSON.parse(
    execFileSync(
      resolveFfmpegTool('ffprobe'),
      ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', clipFile(bytes)],
      { encoding: 'utf8' },
    ),
  ) as {
    format: { duration: string };
    streams: { codec_type: string; codec_name: string; pix_fmt: string; width: number; height: number }[];
  };
  const video = out.streams.find((s) => s.codec_type === 'video')!;
  return {
    duration: Number(out.format.duration),
    codec: video.codec_name,
    pixFmt: video.pix_fmt,
    width: video.width,
    height: video.height,
    audio: out.streams.filter((s) => s.codec_type === 'audio').length,
  };
}

/** One decoded frame at `t` seconds as RGB bytes (row-major, 3 bytes a pixel). */
function frameAt(bytes: Buffer, t: number): Buffer {
  return execFileSync(
    resolveFfmpegTool('ffmpeg'),
    [
      '-v',
      'error',
      '-i',
      clipFile(bytes),
      '-ss',
      String(t),
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}

const pixel = (f: Buffer, w: number, x: number, y: number) => [...f.subarray((y * w + x) * 3, (y * w + x) * 3 + 3)];

/** Mean absolute difference of two frames over rows [y0, y1) and columns [x0, x1). */
function diff(a: Buffer, b: Buffer, w: number, box: { x0: number; x1: number; y0: number; y1: number }): number {
  let sum = 0;
  let n = 0;
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++)
      for (let c = 0; c < 3; c++, n++) sum += Math.abs(a[(y * w + x) * 3 + c] - b[(y * w + x) * 3 + c]);
  return sum / n;
}

const near = (actual: number[], hex: string, tolerance = 10) =>
  [0, 2, 4].every((i, k) => Math.abs(actual[k] - parseInt(hex.slice(i + 1, i + 3), 16)) <= tolerance);

describe('local avatar provider', () => {
  it('renders a silent H.264 mp4 as long as the script takes to read, in the asked aspect', async () => {
    const clip = await render({ script: SCRIPT, aspect: '9:16', brand });
    expect(clip.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(clip.seconds).toBe(4);
    const p = probe(clip.bytes);
    expect(p).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: 540, height: 960, audio: 0 });
    expect(p.duration).toBeGreaterThan(3.9);
    expect(p.duration).toBeLessThan(4.2);

    // Twice the words, twice the reading time; a square frame.
    const longer = await render({ script: `${SCRIPT} ${SCRIPT}`, aspect: '1:1', brand });
    expect(longer.seconds).toBe(8);
    expect(probe(longer.bytes)).toMatchObject({ width: 720, height: 720, audio: 0 });
    expect(probe(longer.bytes).duration).toBeGreaterThan(7.9);
  });

  it('draws the brand: its first colour as the background, its second on the band under the presenter', async () => {
    const { bytes } = await render({ script: SCRIPT, aspect: '16:9', brand });
    const [w, h] = [960, 540];
    const frame = frameAt(bytes, 1.5);
    expect(near(pixel(frame, w, 8, 8), brand.colours[0])).toBe(true);
    expect(near(pixel(frame, w, 8, h - 4), brand.colours[1])).toBe(true);
    // The presenter stands in the middle: the face is neither of the brand's colours.
    const l = presenterLayout(w, h);
    const face = pixel(frame, w, l.cx, l.headY + Math.round(l.headR * 0.2));
    expect(near(face, brand.colours[0], 30) || near(face, brand.colours[1], 30)).toBe(false);
  });

  it('is deterministic: the same request gives the same bytes; another presenter or script other bytes', async () => {
    const req: AvatarRequest = { script: SCRIPT, aspect: '9:16', brand };
    const [a, b] = [await render(req), await render(req)];
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    expect(sha((await render({ ...req, avatarId: 'presenter-2' })).bytes)).not.toBe(sha(a.bytes));
    expect(sha((await render({ ...req, script: `${SCRIPT} Now.` })).bytes)).not.toBe(sha(a.bytes));
  });

  it('burns the script in as captions: another first sentence changes the caption band, not the sky above', async () => {
    const [w, h] = [540, 960];
    const first = await render({ script: SCRIPT, aspect: '9:16', brand });
    const other = await render({
      script: 'Decaf beans in every shop. Order ahead, skip the queue.',
      aspect: '9:16',
      brand,
    });
    expect(other.seconds).toBe(first.seconds);
    const [a, b] = [frameAt(first.bytes, 1), frameAt(other.bytes, 1)];
    const captionBand = { x0: 0, x1: w, y0: Math.round(h * 0.75) - 80, y1: Math.round(h * 0.75) };
    const sky = { x0: 0, x1: w, y0: 0, y1: Math.round(h * 0.2) };
    expect(diff(a, b, w, captionBand)).toBeGreaterThan(5);
    expect(diff(a, b, w, sky)).toBeLessThan(1);
  });

  it('moves the mouth while the presenter reads', async () => {
    const [w, h] = [540, 960];
    const { bytes } = await render({ script: SCRIPT, aspect: '9:16', brand });
    const l = presenterLayout(w, h);
    const mouth = {
      x0: l.cx - l.mouthHalfWidth,
      x1: l.cx + l.mouthHalfWidth,
      y0: l.mouthY - Math.round(l.headR * 0.1),
      y1: l.mouthY + Math.round(l.headR * 0.15),
    };
    // Frames 32 (open: 1.28 s is early in a 0.4 s period) and 37 (closed: 1.48 s is late in it).
    expect(diff(frameAt(bytes, 1.28), frameAt(bytes, 1.48), w, mouth)).toBeGreaterThan(20);
  });

  it('draws hostile text from files: filter syntax in a script or a brand name is drawn, not run', async () => {
    const hostile = "x':drawtext=text=pwned,%{pts}:fontfile=/etc/passwd;[in]split";
    const { bytes } = await render({
      script: `${hostile} says hello.`,
      aspect: '1:1',
      brand: { ...brand, name: hostile },
    });
    expect(probe(bytes)).toMatchObject({ codec: 'h264', width: 720 });
  });

  it('refuses an empty or an overlong script as a bad request, with a clear message', async () => {
    const refusal = (req: AvatarRequest) =>
      avatar.startAvatar(ctx, req).then(
        () => null,
        (e: unknown) => e,
      );
    const empty = await refusal({ script: '  \n ', aspect: '9:16' });
    expect(empty).toBeInstanceOf(ProviderError);
    expect(empty).toMatchObject({ failure: 'bad_request', message: 'local avatar: the script is empty' });
    const long = await refusal({ script: 'word '.repeat(MAX_AVATAR_SCRIPT_WORDS + 1), aspect: '9:16' });
    expect(long).toMatchObject({ failure: 'bad_request', message: expect.stringMatching(/at most 60/) as unknown });
  });

  it('answers a poll for an unknown job as failed, not as an exception', async () => {
    expect(await avatar.pollAvatar(ctx, { provider: 'local', jobId: 'local-nope' })).toMatchObject({
      state: 'failed',
      refused: false,
    });
  });
});
