import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestStack } from '../harness/stack';

/** A JPEG of the given size, rendered by Debian's ffmpeg. */
export function renderJpeg(width = 1080, height = 1350): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `color=c=navy:s=${width}x${height}`,
      '-frames:v',
      '1',
      '-c:v',
      'mjpeg',
      '-f',
      'image2pipe',
      '-',
    ],
    { maxBuffer: 16 << 20 },
  );
}

/** An H.264 MP4 with a silent audio track, written to a file so its index is where players (and ffprobe) look. */
export function renderMp4(seconds = 4, width = 720, height = 1280): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'raize-test-media-'));
  try {
    const file = join(dir, 'clip.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `color=c=teal:s=${width}x${height}:d=${seconds}:r=25`,
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=44100:cl=stereo',
      '-t',
      String(seconds),
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-movflags',
      '+faststart',
      file,
    ]);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Uploads media to the artifact store as an operator (POST /artifacts/upload); answers its key. */
export async function uploadMedia(
  stack: TestStack,
  actorId: string,
  clientId: string,
  kind: 'image' | 'video',
  bytes: Buffer,
  contentType: string,
): Promise<string> {
  const res = await fetch(`${stack.apiUrl}/artifacts/upload?clientId=${clientId}&kind=${kind}`, {
    method: 'POST',
    headers: {
      authorization: `Dev ${actorId}`,
      'content-type': 'application/octet-stream',
      'x-artifact-content-type': contentType,
    },
    body: bytes,
  });
  const body = (await res.json()) as { key?: string };
  if (res.status !== 201 || !body.key) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
  return body.key;
}

/** An asset with text and one uploaded media file; answers what scheduling and approving need. */
export async function createMediaAsset(
  stack: TestStack,
  actorId: string,
  clientId: string,
  text: string,
  mediaKey: string,
): Promise<{ id: string; checksum: string }> {
  const r = await stack.gql<{ createAsset: { id: string; checksum: string } }>(
    actorId,
    'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id checksum } }',
    { i: { clientId, text, mediaKey } },
  );
  if (!r.data) throw new Error(`createAsset: ${JSON.stringify(r.errors)}`);
  return r.data.createAsset;
}
