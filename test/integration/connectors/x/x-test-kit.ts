import { createHash, randomBytes } from 'node:crypto';
import { ConnectorError } from '../../../../services/core/connectors/connector.errors';
import type {
  ConnectorCredential,
  PlatformPost,
  PublishMedia,
  ResumeState,
} from '../../../../services/core/connectors/connector.types';
import { solidPng } from '../../../../services/emulators/providers/tiny-png';

/** The guard's resume memory, in memory: survives between two publish() calls of one test. */
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

export const noSleep = (): Promise<void> => Promise.resolve();

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export function asMedia(bytes: Buffer, contentType: string, extra: Partial<PublishMedia> = {}): PublishMedia {
  return {
    kind: contentType.startsWith('video/') ? 'video' : 'image',
    contentType,
    checksum: sha256(bytes),
    size: bytes.length,
    bytes,
    ...extra,
  };
}

export const png = (w = 8, h = 8, rgb: [number, number, number] = [200, 40, 40]): PublishMedia =>
  asMedia(solidPng(w, h, rgb), 'image/png');

/** An MP4's leading box (size + `ftyp`), then noise: what X's type check and our chunking need. */
export function mp4(size: number): PublishMedia {
  const head = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  return asMedia(Buffer.concat([head, randomBytes(size - head.length)]), 'video/mp4', { durationSeconds: 6 });
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

export const cred = (accessToken: string): ConnectorCredential => ({ accessToken });

/** A text no earlier test posted (X refuses duplicates of recent posts). */
export const unique = (text: string): string => `${text} #${randomBytes(3).toString('hex')}`;
