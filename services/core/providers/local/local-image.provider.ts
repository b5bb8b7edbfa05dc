import { join } from 'node:path';
import type { ImageProvider, ImageRequest, ImageResult, ProviderCallContext } from '../provider.types';
import { brandLook, wrapLines } from './brand-look';
import { BITEXACT, resolveFont, runFfmpeg, withScratch } from './ffmpeg';
import { headlineOf } from './headline';

export const LOCAL_IMAGE_MODEL = 'local-brand-card-v1';

const clampSize = (n: number) => Math.min(2048, Math.max(64, Math.round(Number.isFinite(n) ? n : 1080)));

/**
 * A rendered brand card (PNG): the brand colour, the headline and the brand name, drawn by ffmpeg with DejaVu Sans.
 * Offline and deterministic: the same request gives the same bytes (bitexact PNG, no metadata).
 */
export function createLocalImageProvider(opts: { fontFile?: string; ffmpegBin?: string } = {}): ImageProvider {
  return {
    id: 'local',
    async generateImage(ctx: ProviderCallContext, req: ImageRequest): Promise<ImageResult> {
      const font = resolveFont(opts.fontFile);
      const [w, h] = [clampSize(req.width), clampSize(req.height)];
      const look = brandLook(req.brand?.colours, req.prompt);
      const headline = wrapLines(headlineOf(req.brand?.headline, req.prompt), Math.max(8, Math.floor(w / 40)), 4);
      const bytes = await withScratch(async (dir, writeText) => {
        const headlineFile = await writeText('headline.txt', headline);
        const nameFile = await writeText('brand.txt', req.brand?.name ?? '');
        const size = Math.round(Math.min(w, h) / 12);
        const filters = [
          `drawbox=x=0:y=ih*5/6:w=iw:h=ih/6:color=${look.accent}:t=fill`,
          `drawtext=fontfile=${font}:textfile=${headlineFile}:expansion=none:fix_bounds=1:fontcolor=${look.text}:fontsize=${size}:line_spacing=${Math.round(size / 3)}:x=(w-text_w)/2:y=(h*5/6-text_h)/2`,
        ];
        if (req.brand?.name)
          filters.push(
            `drawtext=fontfile=${font}:textfile=${nameFile}:expansion=none:fix_bounds=1:fontcolor=0xffffff:fontsize=${Math.round(size * 0.6)}:x=(w-text_w)/2:y=h*11/12-text_h/2`,
          );
        const out = join(dir, 'card.png');
        return runFfmpeg(
          [
            '-f',
            'lavfi',
            '-i',
            `color=c=${look.background}:s=${w}x${h}:r=1`,
            '-vf',
            filters.join(','),
            '-frames:v',
            '1',
            ...BITEXACT,
            '-c:v',
            'png',
            '-f',
            'image2',
            out,
          ],
          out,
          { timeoutMs: ctx.timeoutMs, bin: opts.ffmpegBin },
        );
      });
      return { bytes, contentType: 'image/png', model: LOCAL_IMAGE_MODEL, usage: { images: 1, costMicros: 0 } };
    },
  };
}
