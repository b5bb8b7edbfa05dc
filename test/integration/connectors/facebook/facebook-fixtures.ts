import { createHash } from 'node:crypto';
import { ConnectorError } from '../../../../services/core/connectors/connector.errors';
import type {
  ConnectorCredential,
  PlatformPost,
  PlatformSettings,
  PublishMedia,
  ResumeState,
} from '../../../../services/core/connectors/connector.types';
import { facebookPlatform } from '../../../../services/core/connectors/facebook/facebook.platform';
import { createFacebookWriter } from '../../../../services/core/connectors/facebook/facebook.writer';
import type { FacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { solidPng } from '../../../../services/emulators/providers/tiny-png';

export const COFFEE = '104000000000001';
export const BAKERY = '104000000000002';
export const TEA = '104000000000003';
export const ALEX = '100000000000001';
export const BO = '100000000000002';

/** The resume memory the guard keeps in Postgres, in memory: what survives between two publish() calls. */
export function memoryResume(): ResumeState & { values: Record<string, string> } {
  const values: Record<string, string> = {};
  return {
    values,
    get: () => Promise.resolve({ ...values }),
    put(v) {
      for (const [k, val] of Object.entries(v)) {
        if (val === '') delete values[k];
        else values[k] = val;
      }
      return Promise.resolve();
    },
  };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function media(kind: PublishMedia['kind'], contentType: string, bytes: Buffer): PublishMedia {
  return { kind, contentType, checksum: sha256(bytes), size: bytes.length, bytes };
}

/** A real PNG (a decoder accepts it), a different colour per call so checksums differ. */
export function png(seed = 1): PublishMedia {
  return media('image', 'image/png', solidPng(8 + seed, 8, [seed * 20, 96, 160]));
}

/** An MP4's first box (`ftyp isom`) and enough bytes to pass the 1 KB minimum. */
export function mp4(size = 4096): PublishMedia {
  const bytes = Buffer.alloc(size, 7);
  bytes.writeUInt32BE(24, 0);
  bytes.write('ftypisom', 4, 'latin1');
  return media('video', 'video/mp4', bytes);
}

export function connector(emu: FacebookEmulator, overrides: Partial<PlatformSettings> = {}) {
  const settings = emu.settings({ timeoutMs: 3000, ...overrides });
  return {
    settings,
    reader: facebookPlatform.createReader(settings),
    writer: createFacebookWriter(settings),
    oauth: facebookPlatform.oauth(settings),
  };
}

export function credFor(emu: FacebookEmulator, pageId: string): ConnectorCredential & { userToken: string } {
  const t = emu.grant(pageId);
  return { accessToken: t.accessToken, userToken: t.refreshToken! };
}

/** Polls sleep nowhere: the emulator's processing is counted in polls, not time. */
export const noSleep = () => Promise.resolve();

export async function failureOf(p: Promise<unknown>): Promise<ConnectorError> {
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
