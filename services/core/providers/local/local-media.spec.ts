import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderCallContext, VideoRequest } from '../provider.types';
import { resolveFfmpegTool } from './ffmpeg';
import { createLocalImageProvider } from './local-image.provider';
import { createLocalVideoProvider } from './local-video.provider';

const ctx: ProviderCallContext = {
  agencyId: '00000000-0000-4000-8000-000000000001',
  clientId: '00000000-0000-4000-8000-000000000002',
  credential: { provider: 'local', apiKey: '', credentialRefId: 'local', scope: 'local' },
  timeoutMs: 60_000,
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const brand = { name: 'Acme Coffee', colours: ['#1f3a5f', '#f4a261'], headline: 'Fresh roast, every Monday' };

function probe(bytes: Buffer): {
  duration: number;
  codec: string;
  pixFmt: string;
  width: number;
  height: number;
  audio: number;
} {
  const file = join(mkdtempSync(join(tmpdir(), 'raize-probe-')), 'clip.mp4');
  writeFileSync(file, bytes);
  const out = JSON.parse(
    execFileSync(resolveFfmpegTool('ffprobe'), ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], {
      encoding: 'utf8',
    }),
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

describe('local image provider', () => {
  const images = createLocalImageProvider();

  it('renders a PNG of the asked size in the brand colour', async () => {
    const out = await images.generateImage(ctx, { prompt: 'Monday roast', width: 640, height: 480, brand });
    expect(out.contentType).toBe('image/png');
    expect(out.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the chunk header.
    expect([out.bytes.readUInt32BE(16), out.bytes.readUInt32BE(20)]).toEqual([640, 480]);
    expect(out.usage).toEqual({ images: 1, costMicros: 0 });
  });

  it('is deterministic: the same request gives the same bytes, another headline other bytes', async () => {
    const req = { prompt: 'Monday roast', width: 320, height: 320, brand };
    const [a, b] = [await images.generateImage(ctx, req), await images.generateImage(ctx, req)];
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    const c = await images.generateImage(ctx, { ...req, brand: { ...brand, headline: 'Decaf, too' } });
    expect(sha(c.bytes)).not.toBe(sha(a.bytes));
  });

  it('draws text through a file: filter syntax and expansions in a headline are drawn, not run', async () => {
    const hostile = "x':drawtext=text=pwned,%{pts}:fontfile=/etc/passwd;[in]split";
    const out = await images.generateImage(ctx, {
      prompt: 'p',
      width: 200,
      height: 200,
      brand: { ...brand, headline: hostile },
    });
    expect(out.bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses a colour that is not #RRGGBB by falling back, never passing it to ffmpeg', async () => {
    const out = await images.generateImage(ctx, {
      prompt: 'p',
      width: 100,
      height: 100,
      brand: { name: 'B', colours: ['red:d=1,drawtext'] },
    });
    expect(out.bytes.readUInt32BE(16)).toBe(100);
  });

  it('fails with a clear message when the font is missing', async () => {
    const noFont = createLocalImageProvider({ fontFile: '/nonexistent/DejaVuSans-Bold.ttf' });
    await expect(noFont.generateImage(ctx, { prompt: 'p', width: 100, height: 100 })).rejects.toThrow(
      /fonts-dejavu-core/,
    );
  });
});

describe('local video provider', () => {
  const video = createLocalVideoProvider();
  const req: VideoRequest = { prompt: 'Monday roast', durationSeconds: 3, aspect: '9:16', brand };

  async function render(r: VideoRequest): Promise<Buffer> {
    const job = await video.startVideo(ctx, r);
    const status = await video.pollVideo(ctx, job);
    if (status.state !== 'done') throw new Error(`render ${status.state}`);
    expect(status.usage.costMicros).toBe(0);
    return status.media.bytes;
  }

  it('renders a silent H.264 yuv420p mp4 of the asked duration and aspect', async () => {
    const bytes = await render(req);
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const p = probe(bytes);
    expect(p).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: 540, height: 960, audio: 0 });
    expect(p.duration).toBeGreaterThan(2.9);
    expect(p.duration).toBeLessThan(3.2);
  });

  it('is deterministic, and the captions pass changes the bytes', async () => {
    const req2: VideoRequest = { ...req, durationSeconds: 2 };
    const [a, b] = [await render(req2), await render(req2)];
    expect(sha(a)).toBe(sha(b));
    const captioned = await render({ ...req2, captions: ['Fresh every Monday', 'Order ahead'] });
    expect(sha(captioned)).not.toBe(sha(a));
    expect(sha(await render({ ...req2, captions: ['Fresh every Monday', 'Order ahead'] }))).toBe(sha(captioned));
    expect(probe(captioned).duration).toBeGreaterThan(1.9);
  });

  it('answers a poll for an unknown job as failed, not as an exception', async () => {
    expect(await video.pollVideo(ctx, { provider: 'local', jobId: 'local-nope' })).toMatchObject({
      state: 'failed',
      refused: false,
    });
  });
});
