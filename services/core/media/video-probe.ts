import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const probeSchema = z.object({
  streams: z
    .array(z.object({ codec_type: z.string().optional(), width: z.number().optional(), height: z.number().optional() }))
    .optional(),
  format: z.object({ duration: z.string().optional() }).optional(),
});

/**
 * A video's dimensions and duration, read by Debian's ffprobe from a temporary file (an MP4's index may sit at its
 * end, which a pipe cannot seek to). Null when ffprobe is missing or cannot read the file: the platform rules then
 * check what is known and say what is not.
 */
export async function probeVideo(
  bytes: Buffer,
  ffprobe = process.env.RAIZE_FFPROBE ?? 'ffprobe',
): Promise<{ width?: number; height?: number; durationSeconds?: number } | null> {
  const dir = await mkdtemp(join(tmpdir(), 'raize-probe-'));
  try {
    const file = join(dir, 'media');
    await writeFile(file, bytes, { mode: 0o600 });
    const out = await new Promise<string | null>((resolve) => {
      execFile(
        ffprobe,
        ['-v', 'error', '-show_entries', 'stream=codec_type,width,height:format=duration', '-of', 'json', file],
        { timeout: 20_000, maxBuffer: 1024 * 1024 },
        (err, stdout) => resolve(err ? null : stdout),
      );
    });
    if (!out) return null;
    let json: unknown;
    try {
      json = JSON.parse(out);
    } catch {
      return null;
    }
    const parsed = probeSchema.safeParse(json);
    if (!parsed.success) return null;
    const video = parsed.data.streams?.find((s) => s.codec_type === 'video');
    const duration = Number(parsed.data.format?.duration);
    return {
      ...(video?.width && video.height ? { width: video.width, height: video.height } : {}),
      ...(Number.isFinite(duration) && duration > 0 ? { durationSeconds: duration } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
