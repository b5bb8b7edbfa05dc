import { createHash, randomBytes } from 'node:crypto';
import { ConnectorError } from '../../../../services/core/connectors/connector.errors';
import type {
  CallOptions,
  ConnectorCredential,
  PlatformPost,
  PlatformSettings,
  PublishContent,
  PublishMedia,
  PublishOutcome,
  ResumeState,
} from '../../../../services/core/connectors/connector.types';
import { createYouTubeWriter } from '../../../../services/core/connectors/youtube/youtube.writer';
import { youtubePlatform } from '../../../../services/core/connectors/youtube/youtube.platform';
import type {
  YouTubeEmulator,
  YouTubeEmulatorOptions,
} from '../../../../services/emulators/platforms/youtube/youtube.emulator';
import { startYouTubeEmulator } from '../../../../services/emulators/platforms/youtube/youtube.emulator';
import { solidPng } from '../../../../services/emulators/providers/tiny-png';

/** Chunks of 256 KiB (the protocol's unit) so a 600 KiB test video goes in three PUTs. */
export const TEST_CHUNK_BYTES = 256 * 1024;

export function media(kind: 'video' | 'image', bytes: Buffer, contentType: string): PublishMedia {
  return {
    kind,
    contentType,
    bytes,
    size: bytes.length,
    checksum: createHash('sha256').update(bytes).digest('hex'),
  };
}

export const videoOf = (size = 600 * 1024): PublishMedia => media('video', randomBytes(size), 'video/mp4');
export const thumbnailOf = (): PublishMedia => media('image', solidPng(64, 36), 'image/png');

export function memoryResume(): ResumeState & { values: Record<string, string> } {
  const values: Record<string, string> = {};
  return {
    values,
    get: () => Promise.resolve({ ...values }),
    put: (v) => {
      Object.assign(values, v);
      return Promise.resolve();
    },
  };
}

/** Polls and backoffs without waiting. */
export const noSleep = (): Promise<void> => Promise.resolve();

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

export interface YouTubeRig {
  emu: YouTubeEmulator;
  channelId: string;
  otherChannelId: string;
  cred: ConnectorCredential;
  settings(over?: Partial<PlatformSettings>): PlatformSettings;
  reader(over?: Partial<PlatformSettings>): ReturnType<typeof youtubePlatform.createReader>;
  publish(
    content: PublishContent,
    opts?: CallOptions,
    over?: Partial<PlatformSettings>,
    as?: ConnectorCredential,
  ): Promise<PublishOutcome>;
}

export async function youtubeRig(opts: YouTubeEmulatorOptions = {}): Promise<YouTubeRig> {
  const emu = await startYouTubeEmulator(opts);
  const [first, second] = emu.accounts();
  const cred = { accessToken: emu.grant(first!.id).accessToken };
  const settings = (over: Partial<PlatformSettings> = {}) => emu.settings({ timeoutMs: 3000, ...over });
  return {
    emu,
    channelId: first!.id,
    otherChannelId: second!.id,
    cred,
    settings,
    reader: (over) => youtubePlatform.createReader(settings(over)),
    publish: (content, callOpts = {}, over = {}, as = cred) =>
      createYouTubeWriter(settings(over), { chunkBytes: TEST_CHUNK_BYTES }).publish(as, content, 'key-1', {
        sleep: noSleep,
        ...callOpts,
      }),
  };
}

/** The PUTs of bytes (not status queries) the emulator received. */
export function dataPuts(emu: YouTubeEmulator) {
  return emu.server.requests.filter(
    (r) => r.method === 'PUT' && r.path === '/upload/youtube/v3/videos' && r.rawBytes.length > 0,
  );
}
