import { join } from 'node:path';
import type { ProviderCallContext, RenderJob, RenderStatus, VideoProvider, VideoRequest } from '../provider.types';
import { brandLook, wrapLines } from './brand-look';
import { BITEXACT, ENCODE_SILENT_MP4, resolveFont, runFfmpeg, withScratch } from './ffmpeg';
import { headlineOf } from './headline';
import { localRenderJobs } from './render-jobs';

export const LOCAL_VIDEO_MODEL = 'local-silent-clip-v1';
export const CLIP_FPS = 25;
/** Frame sizes of the local clips (the avatar's too) per aspect. */
export const CLIP_SIZES: Record<VideoRequest['aspect'], [number, number]> = {
  '9:16': [540, 960],
  '16:9': [960, 540],
  '1:1': [720, 720],
};

/**
 * Silent-first clips (product.md): first the visuals (brand background, accent band, headline, a fade in), then, in
 * a second pass, the captions burned in with drawtext. startVideo renders synchronously and pollVideo answers done.
 */
export function createLocalVideoProvider(opts: { fontFile?: string; ffmpegBin?: string } = {}): VideoProvider {
  const jobs = localRenderJobs(LOCAL_VIDEO_MODEL);
  return {
    id: 'local',
    async startVideo(ctx: ProviderCallContext, req: VideoRequest): Promise<RenderJob> {
      const seconds = Math.min(10, Math.max(2, Math.round(req.durationSeconds || 4)));
      return jobs.park(await renderClip(req, seconds, ctx.timeoutMs, opts), seconds);
    },
    pollVideo(_ctx: ProviderCallContext, job: RenderJob): Promise<RenderStatus> {
      return Promise.resolve(jobs.take(job));
    },
  };
}

async function renderClip(
  req: VideoRequest,
  seconds: number,
  timeoutMs: number,
  opts: { fontFile?: string; ffmpegBin?: string },
): Promise<Buffer> {
  const font = resolveFont(opts.fontFile);
  const [w, h] = CLIP_SIZES[req.aspect] ?? CLIP_SIZES['9:16'];
  const look = brandLook(req.brand?.colours, req.prompt);
  return withScratch(async (dir, writeText) => {
    const size = Math.round(Math.min(w, h) / 11);
    const headlineFile = await writeText(
      'headline.txt',
      wrapLines(headlineOf(req.brand?.headline, req.prompt), Math.max(8, Math.floor(w / 36)), 4),
    );
    const visuals = [
      `drawbox=x=0:y=ih*4/5:w=iw:h=ih/5:color=${look.accent}:t=fill`,
      `drawtext=fontfile=${font}:textfile=${headlineFile}:expansion=none:fix_bounds=1:fontcolor=${look.text}:fontsize=${size}:line_spacing=${Math.round(size / 3)}:x=(w-text_w)/2:y=(h*4/5-text_h)/2`,
      'fade=t=in:st=0:d=0.5',
    ];
    if (req.brand?.name) {
      const nameFile = await writeText('brand.txt', req.brand.name);
      visuals.push(
        `drawtext=fontfile=${font}:textfile=${nameFile}:expansion=none:fix_bounds=1:fontcolor=0xffffff:fontsize=${Math.round(size * 0.6)}:x=(w-text_w)/2:y=h*9/10-text_h/2`,
      );
    }
    const first = join(dir, 'visuals.mp4');
    let bytes = await runFfmpeg(
      [
        '-f',
        'lavfi',
        '-i',
        `color=c=${look.background}:s=${w}x${h}:r=${CLIP_FPS}:d=${seconds}`,
        '-vf',
        visuals.join(','),
        '-r',
        String(CLIP_FPS),
        ...ENCODE_SILENT_MP4,
        ...BITEXACT,
        first,
      ],
      first,
      { timeoutMs, bin: opts.ffmpegBin },
    );
    const captions = (req.captions ?? [])
      .map((c) => c.trim())
      .filter(Boolean)
      .slice(0, 20);
    if (!captions.length) return bytes;
    // Second pass: each caption gets an equal share of the clip, in order, on a dark box above the accent band.
    const share = seconds / captions.length;
    const burn: string[] = [];
    for (const [i, caption] of captions.entries()) {
      const file = await writeText(`caption-${i}.txt`, wrapLines(caption, Math.max(10, Math.floor(w / 24)), 3));
      const [from, to] = [(i * share).toFixed(3), ((i + 1) * share).toFixed(3)];
      burn.push(
        `drawtext=fontfile=${font}:textfile=${file}:expansion=none:fix_bounds=1:fontcolor=0xffffff:fontsize=${Math.round(size * 0.55)}:box=1:boxcolor=0x000000@0.6:boxborderw=12:x=(w-text_w)/2:y=h*3/4-text_h:enable=between(t\\,${from}\\,${to})`,
      );
    }
    const second = join(dir, 'captioned.mp4');
    bytes = await runFfmpeg(
      ['-i', first, '-vf', burn.join(','), '-r', String(CLIP_FPS), ...ENCODE_SILENT_MP4, ...BITEXACT, second],
      second,
      {
        timeoutMs,
        bin: opts.ffmpegBin,
      },
    );
    return bytes;
  });
}
