import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError } from '../../../../services/core/connectors/connector.errors';
import type {
  ConnectorCredential,
  MediaKind,
  PlatformPost,
  PlatformSettings,
  PublishMedia,
  ResumeState,
} from '../../../../services/core/connectors/connector.types';
import type { InstagramEmulator } from '../../../../services/emulators/platforms/instagram/instagram.emulator';
import { startInstagramEmulator } from '../../../../services/emulators/platforms/instagram/instagram.emulator';

/**
 * The artifact store's signed URLs, as Instagram sees them: a small HTTP server on this machine that serves bytes
 * by path, optionally slowly (a download timeout) or not at all (404).
 */
export interface MediaHost {
  url(path: string): string;
  put(path: string, bytes: Buffer, contentType: string, delayMs?: number): string;
  /** how many times a path was downloaded */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startMediaHost(): Promise<MediaHost> {
  const files = new Map<string, { bytes: Buffer; contentType: string; delayMs: number }>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const f = files.get(path);
    if (!f) return void res.writeHead(404).end();
    const send = () =>
      res.writeHead(200, { 'content-type': f.contentType, 'content-length': f.bytes.length }).end(f.bytes);
    if (f.delayMs > 0) setTimeout(send, f.delayMs).unref();
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    put(path, bytes, contentType, delayMs = 0) {
      files.set(path, { bytes, contentType, delayMs });
      return `${base}${path}`;
    },
    hits: (path) => hits.get(path) ?? 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JPEG's first bytes with a real start-of-frame (the emulator reads the size from it), padded to `size`. */
export function jpeg(width = 1080, height = 1080, size = 2048): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(19);
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  sof.set([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1], 9);
  const head = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
  const body = randomBytes(Math.max(0, size - head.length - 2));
  return Buffer.concat([head, body, Buffer.from([0xff, 0xd9])]);
}

/** An MP4's `ftyp` box and then noise: enough for the emulator's container check. */
export function mp4(size = 4096): Buffer {
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')]);
  return Buffer.concat([ftyp, randomBytes(size - ftyp.length)]);
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A media item as the guard hands it to the writer: bytes with their checksum and the signed URL. */
export function publishMedia(
  kind: MediaKind,
  bytes: Buffer,
  url: string | undefined,
  contentType?: string,
): PublishMedia {
  return {
    kind,
    contentType: contentType ?? (kind === 'image' ? 'image/jpeg' : 'video/mp4'),
    checksum: sha256(bytes),
    size: bytes.length,
    bytes,
    ...(url ? { url } : {}),
  };
}

/** The kernel's resume memory, in memory: what survives between two publish() calls of one side effect. */
export function memoryResume(): ResumeState & { values: Record<string, string> } {
  const state = {
    values: {} as Record<string, string>,
    get: () => Promise.resolve({ ...state.values }),
    put: (v: Record<string, string>) => {
      state.values = { ...state.values, ...v };
      return Promise.resolve();
    },
  };
  return state;
}

/** Polls without waiting: the emulator's processing is counted in polls, not seconds. */
export const noWait = (): Promise<void> => Promise.resolve();

export async function collect(it: AsyncIterable<PlatformPost>): Promise<PlatformPost[]> {
  const out: PlatformPost[] = [];
  for await (const p of it) out.push(p);
  return out;
}

export async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

export interface IgWorld {
  emu: InstagramEmulator;
  host: MediaHost;
  settings: PlatformSettings;
  /** the first seeded account and a long-lived token of it */
  account: string;
  cred: ConnectorCredential;
  close(): Promise<void>;
}

export async function startIgWorld(): Promise<IgWorld> {
  const emu = await startInstagramEmulator();
  const host = await startMediaHost();
  const account = emu.accounts()[0]!.id;
  const world: IgWorld = {
    emu,
    host,
    settings: emu.settings({ timeoutMs: 2000 }),
    account,
    cred: { accessToken: emu.grant(account).accessToken },
    close: async () => {
      await emu.close();
      await host.close();
    },
  };
  return world;
}

/** Requests the emulator received on a path ending like this (`/media_publish`), by method. */
export function received(emu: InstagramEmulator, method: string, suffix: string): number {
  return emu.server.requests.filter((r) => r.method === method && r.path.endsWith(suffix)).length;
}
