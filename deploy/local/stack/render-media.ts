import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A caption drawn in the middle of the frame (Debian's DejaVu font, installed with ffmpeg here). */
const caption = (label: string) =>
  `drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='${label}':fontcolor=white:fontsize=64:x=(w-text_w)/2:y=(h-text_h)/2`;

/** A JPEG of the given size rendered by Debian's ffmpeg, with an optional caption (the demo's and the tests' media). */
export function renderJpeg(width = 1080, height = 1350, label?: string): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-f', 'lavfi', '-i', `color=c=0x1f4b99:s=${width}x${height}`],
      ...(label ? ['-vf', caption(label)] : []),
      ...['-frames:v', '1', '-c:v', 'mjpeg', '-f', 'image2pipe', '-'],
    ],
    { maxBuffer: 32 << 20 },
  );
}

/**
 * An H.264 MP4 with a silent audio track, written to a file, not a pipe: an MP4 written to a pipe has no index a
 * platform (or ffprobe) can read its length from.
 */
export function renderMp4(seconds = 4, width = 720, height = 1280, label?: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'raize-media-'));
  try {
    const file = join(dir, 'clip.mp4');
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', `color=c=0x1f4b99:s=${width}x${height}:d=${seconds}:r=25`],
      ...['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo', '-t', String(seconds)],
      ...(label ? ['-vf', caption(label)] : []),
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', file],
    ]);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
