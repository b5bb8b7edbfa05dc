import { createHash, randomBytes } from 'node:crypto';
import { ConnectorError } from '../../../../services/core/connectors/connector.errors';
import type {
  ConnectorWriter,
  PlatformPost,
  PlatformSettings,
  PublishContent,
  PublishMedia,
  ResumeState,
} from '../../../../services/core/connectors/connector.types';
import type { TikTokSettings } from '../../../../services/core/connectors/tiktok/tiktok-settings';
import {
  createTikTokWriter,
  type TikTokWriterOptions,
} from '../../../../services/core/connectors/tiktok/tiktok.writer';

/** Bytes that pass the emulator's format check (an MP4 `ftyp` box), random otherwise so checksums differ. */
export function fakeMp4(size: number): Buffer {
  const b = randomBytes(size);
  b.writeUInt32BE(24, 0);
  b.write('ftypisom', 4, 'latin1');
  return b;
}

export function videoOf(bytes: Buffer, over: Partial<PublishMedia> = {}): PublishMedia {
  return {
    kind: 'video',
    contentType: 'video/mp4',
    checksum: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    bytes,
    durationSeconds: 12,
    ...over,
  };
}

export function videoPost(text: string, size = 300_000, over: Partial<PublishMedia> = {}): PublishContent {
  return { text, media: [videoOf(fakeMp4(size), over)] };
}

/** The kernel's resume memory, in memory: `put` merges and an empty string removes a key. */
export function memoryResume(): ResumeState & { values: Record<string, string> } {
  const values: Record<string, string> = {};
  return {
    values,
    get: () => Promise.resolve({ ...values }),
    put(v) {
      for (const [k, x] of Object.entries(v)) {
        if (x === '') delete values[k];
        else values[k] = x;
      }
      return Promise.resolve();
    },
  };
}

/** Polls without waiting; the count says how often the writer would have slept. */
export function fastSleep(): { sleep: (ms: number) => Promise<void>; slept: number[] } {
  const slept: number[] = [];
  return { slept, sleep: (ms) => (slept.push(ms), Promise.resolve()) };
}

export function writer(
  settings: PlatformSettings | TikTokSettings,
  options: TikTokWriterOptions = {},
): ConnectorWriter {
  return createTikTokWriter(settings, options);
}

export async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

export async function collect(it: AsyncIterable<PlatformPost>): Promise<PlatformPost[]> {
  const out: PlatformPost[] = [];
  for await (const p of it) out.push(p);
  return out;
}

/** expect.stringMatching typed as the string it stands for (an asymmetric matcher is `any`). */
export const matching = (re: RegExp): string => expect.stringMatching(re) as unknown as string;
