import { join } from 'node:path';
import type { AvatarProvider, AvatarRequest, ProviderCallContext, RenderJob, RenderStatus } from '../provider.types';
import { ProviderError } from '../provider.types';
import { brandLook, wrapLines } from './brand-look';
import { BITEXACT, ENCODE_SILENT_MP4, resolveFont, runFfmpeg, withScratch } from './ffmpeg';
import { CLIP_FPS, CLIP_SIZES } from './local-video.provider';
import { presenterGeq, presenterLayout } from './presenter-figure';
import { localRenderJobs } from './render-jobs';
import { scriptCaptions, scriptWords, spokenSeconds } from './script-captions';

export const LOCAL_AVATAR_MODEL = 'local-presenter-v1';
/** The presenter reads for at least this long (a shorter clip is not worth a post) and at most this long. */
const MIN_SECONDS = 3;
const MAX_SECONDS = 20;
/** What 20 seconds of reading can hold, with room; a longer script is a caller's bug, refused clearly. */
export const MAX_AVATAR_SCRIPT_WORDS = 60;
const DEFAULT_AVATAR = 'local-presenter';
/** The mouth opens and closes at this period while the presenter reads (it rests for the last moment). */
const MOUTH_PERIOD = 0.4;

/**
 * A presenter clip, offline and deterministic (Debian's ffmpeg, like the local video): a brand-coloured background, a
 * drawn head-and-shoulders figure whose mouth moves while it "reads", the brand band, and the script burned in as
 * captions paced by its words. Silent-first: no audio track. startAvatar renders synchronously, pollAvatar answers
 * done.
 */
export function createLocalAvatarProvider(opts: { fontFile?: string; ffmpegBin?: string } = {}): AvatarProvider {
  const jobs = localRenderJobs(LOCAL_AVATAR_MODEL);
  return {
    id: 'local',
    async startAvatar(ctx: ProviderCallContext, req: AvatarRequest): Promise<RenderJob> {
      const script = req.script.replace(/[^\S\n]+/g, ' ').trim();
      const words = scriptWords(script).length;
      if (words === 0) throw new ProviderError('local', 'bad_request', 'local avatar: the script is empty');
      if (words > MAX_AVATAR_SCRIPT_WORDS)
        throw new ProviderError(
          'local',
          'bad_request',
          `local avatar: the script has ${words} words; it reads at most ${MAX_AVATAR_SCRIPT_WORDS}`,
        );
      const seconds = spokenSeconds(words, MIN_SECONDS, MAX_SECONDS);
      return jobs.park(await renderPresenter({ ...req, script }, seconds, ctx.timeoutMs, opts), seconds);
    },
    pollAvatar(_ctx: ProviderCallContext, job: RenderJob): Promise<RenderStatus> {
      return Promise.resolve(jobs.take(job));
    },
  };
}

async function renderPresenter(
  req: AvatarRequest,
  seconds: number,
  timeoutMs: number,
  opts: { fontFile?: string; ffmpegBin?: string },
): Promise<Buffer> {
  const font = resolveFont(opts.fontFile);
  const [w, h] = CLIP_SIZES[req.aspect] ?? CLIP_SIZES['9:16'];
  const look = brandLook(req.brand?.colours, req.brand?.name ?? req.script);
  const l = presenterLayout(w, h);
  const size = Math.round(Math.min(w, h) / 11);
  return withScratch(async (dir, writeText) => {
    // Pass 1, one frame: the still scene (figure, band, brand name). geq is per pixel, so it runs once, not per frame.
    const scene = [
      'format=gbrp',
      presenterGeq(w, h, look, req.avatarId ?? DEFAULT_AVATAR),
      `drawbox=x=0:y=${l.bandTop}:w=iw:h=ih-${l.bandTop}:color=${look.accent}:t=fill`,
    ];
    if (req.brand?.name) {
      const nameFile = await writeText('brand.txt', req.brand.name);
      scene.push(
        `drawtext=fontfile=${font}:textfile=${nameFile}:expansion=none:fix_bounds=1:fontcolor=0xffffff:fontsize=${Math.round(size * 0.6)}:x=(w-text_w)/2:y=${l.bandTop}+(h-${l.bandTop}-text_h)/2`,
      );
    }
    const still = join(dir, 'scene.png');
    await runFfmpeg(
      [
        '-f',
        'lavfi',
        '-i',
        `color=c=${look.background}:s=${w}x${h}:r=1`,
        '-vf',
        scene.join(','),
        '-frames:v',
        '1',
        ...BITEXACT,
        '-c:v',
        'png',
        '-f',
        'image2',
        still,
      ],
      still,
      { timeoutMs, bin: opts.ffmpegBin },
    );

    // Pass 2: the still as a clip, the mouth moving while the captions run, then a fade in.
    const mouthX = l.cx - l.mouthHalfWidth;
    const speaking = `lt(t\\,${(seconds - 0.3).toFixed(2)})*lt(mod(t\\,${MOUTH_PERIOD})\\,${MOUTH_PERIOD / 2})`;
    const filters = [
      'format=yuv420p',
      `drawbox=x=${mouthX}:y=${l.mouthY}:w=${2 * l.mouthHalfWidth}:h=${Math.max(2, Math.round(l.headR * 0.06))}:color=0x5a1e1e:t=fill`,
      `drawbox=x=${mouthX}:y=${l.mouthY - Math.round(l.headR * 0.08)}:w=${2 * l.mouthHalfWidth}:h=${Math.round(l.headR * 0.2)}:color=0x5a1e1e:t=fill:enable=${speaking}`,
    ];
    for (const [i, c] of scriptCaptions(req.script, seconds).entries()) {
      const file = await writeText(`caption-${i}.txt`, wrapLines(c.text, Math.max(10, Math.floor(w / 24)), 3));
      filters.push(
        `drawtext=fontfile=${font}:textfile=${file}:expansion=none:fix_bounds=1:fontcolor=0xffffff:fontsize=${Math.round(size * 0.55)}:box=1:boxcolor=0x000000@0.6:boxborderw=12:x=(w-text_w)/2:y=h*3/4-text_h:enable=gte(t\\,${c.from.toFixed(3)})*lt(t\\,${c.to.toFixed(3)})`,
      );
    }
    filters.push('fade=t=in:st=0:d=0.5');
    const out = join(dir, 'presenter.mp4');
    return runFfmpeg(
      [
        '-loop',
        '1',
        '-framerate',
        String(CLIP_FPS),
        '-t',
        String(seconds),
        '-i',
        still,
        '-vf',
        filters.join(','),
        '-r',
        String(CLIP_FPS),
        ...ENCODE_SILENT_MP4,
        ...BITEXACT,
        out,
      ],
      out,
      { timeoutMs, bin: opts.ffmpegBin },
    );
  });
}
