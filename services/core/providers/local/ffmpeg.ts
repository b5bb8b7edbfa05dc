import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Debian's fonts-dejavu-core; the one font the local renderer draws with, so output is the same everywhere. */
export const DEFAULT_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** Paths that go inside an ffmpeg filter graph: anything else could close the option and add filters. */
const FILTER_SAFE_PATH = /^[A-Za-z0-9_./-]+$/;

export class LocalRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRenderError';
  }
}

/** `RAIZE_FFMPEG_BIN`, else `ffmpeg` (or `ffprobe`) on PATH; a clear message when neither is there. */
export function resolveFfmpegTool(name: 'ffmpeg' | 'ffprobe' = 'ffmpeg', env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.RAIZE_FFMPEG_BIN;
  if (explicit) {
    const path = name === 'ffmpeg' ? explicit : join(explicit, '..', 'ffprobe');
    if (!existsSync(path))
      throw new LocalRenderError(`RAIZE_FFMPEG_BIN points at ${explicit}, but ${path} does not exist`);
    return path;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new LocalRenderError(`${name} was not found on PATH: install Debian's ffmpeg package or set RAIZE_FFMPEG_BIN`);
}

/** The font file, checked, and safe to name inside a filter graph. */
export function resolveFont(path: string = process.env.RAIZE_FONT_FILE ?? DEFAULT_FONT): string {
  if (!existsSync(path)) {
    throw new LocalRenderError(
      `font ${path} is missing: install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core)`,
    );
  }
  return filterSafe(path);
}

export function filterSafe(path: string): string {
  if (!FILTER_SAFE_PATH.test(path))
    throw new LocalRenderError('a render path has characters ffmpeg filters cannot take');
  return path;
}

/** A scratch directory for one render: text goes to ffmpeg through files there, never through the filter string. */
export async function withScratch<T>(
  fn: (dir: string, writeText: (name: string, text: string) => Promise<string>) => Promise<T>,
): Promise<T> {
  const dir = filterSafe(await mkdtemp(join(tmpdir(), 'raize-render-')));
  try {
    return await fn(dir, async (name, text) => {
      const file = join(dir, name);
      await writeFile(file, text, 'utf8');
      return filterSafe(file);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs ffmpeg with an argument array (never a shell) and returns the bytes of `output`. Fails with the last lines of
 * ffmpeg's own report, which name filters and files, never the text drawn (that is only in the text files).
 */
export async function runFfmpeg(
  args: string[],
  output: string,
  opts: { timeoutMs?: number; bin?: string } = {},
): Promise<Buffer> {
  const bin = opts.bin ?? resolveFfmpegTool('ffmpeg');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new LocalRenderError(`ffmpeg could not start: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new LocalRenderError(
            `ffmpeg failed (${signal ? `killed by ${signal}` : `exit ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
    });
  });
  return readFile(output);
}

/** Flags that keep encoder versions, timestamps and metadata out of the file, so the same input gives the same bytes. */
export const BITEXACT = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'];

/** H.264 yuv420p in mp4, one thread (x264's output then depends on nothing but the input), no audio (silent-first). */
export const ENCODE_SILENT_MP4 = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-threads',
  '1',
  '-pix_fmt',
  'yuv420p',
  '-an',
  '-movflags',
  '+faststart',
];
