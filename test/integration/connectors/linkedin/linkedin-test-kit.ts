import { createHash, randomBytes } from 'node:crypto';
import { ConnectorError } from '../../../../services/core/connectors/connector.errors';
import type {
  ConnectorCredential,
  ConnectorWriter,
  PlatformPost,
  PlatformSettings,
  PublishMedia,
  ResumeState,
} from '../../../../services/core/connectors/connector.types';
import { bindOrganization } from '../../../../services/core/connectors/linkedin/linkedin-author';
import type { LinkedInSettings } from '../../../../services/core/connectors/linkedin/linkedin-settings';
import { LINKEDIN_ORGANIZATION_SCOPES } from '../../../../services/core/connectors/linkedin/linkedin-settings';
import { createLinkedInWriter } from '../../../../services/core/connectors/linkedin/linkedin.writer';
import type { LinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { solidPng } from '../../../../services/emulators/providers/tiny-png';

export function media(kind: 'image' | 'video', bytes: Buffer, contentType: string, over: Partial<PublishMedia> = {}) {
  return {
    kind,
    contentType,
    bytes,
    size: bytes.length,
    checksum: createHash('sha256').update(bytes).digest('hex'),
    ...over,
  } satisfies PublishMedia;
}

/** Bytes that pass the emulator's MP4 check (an `ftyp` box), random otherwise so checksums differ. */
export function fakeMp4(size: number): Buffer {
  const b = randomBytes(size);
  b.writeUInt32BE(24, 0);
  b.write('ftypisom', 4, 'latin1');
  return b;
}

let shade = 0;
/** A small PNG of a colour of its own, so two images never share a checksum. */
export const pngOf = (w = 32, h = 18): PublishMedia => {
  shade = (shade + 37) % 256;
  return media('image', solidPng(w, h, [shade, 255 - shade, (shade * 7) % 256]), 'image/png');
};
export const videoOf = (size = 200 * 1024): PublishMedia =>
  media('video', fakeMp4(size), 'video/mp4', { durationSeconds: 12, width: 1280, height: 720 });

/** The kernel's resume memory, in memory: `put` merges. */
export function memoryResume(): ResumeState & { values: Record<string, string> } {
  const values: Record<string, string> = {};
  return {
    values,
    get: () => Promise.resolve({ ...values }),
    put(v) {
      Object.assign(values, v);
      return Promise.resolve();
    },
  };
}

/** Polls without waiting; the list says how long the writer would have slept. */
export function fastSleep(): { sleep: (ms: number) => Promise<void>; slept: number[] } {
  const slept: number[] = [];
  return { slept, sleep: (ms) => (slept.push(ms), Promise.resolve()) };
}

export const writer = (settings: PlatformSettings): ConnectorWriter => createLinkedInWriter(settings);

/** A member's credential, with the member scopes (or others). */
export function memberCred(emu: LinkedInEmulator, urn: string, scope?: string[]): ConnectorCredential {
  return { accessToken: emu.grant(urn, scope).accessToken };
}

/** A Page connection as the code exchange binds it: the member's token, bound to the Page. */
export function pageCred(emu: LinkedInEmulator, memberUrn: string, organizationId: string): ConnectorCredential {
  return {
    accessToken: bindOrganization(emu.grant(memberUrn, LINKEDIN_ORGANIZATION_SCOPES).accessToken, organizationId),
  };
}

export const pageSettings = (emu: LinkedInEmulator, over: Partial<LinkedInSettings> = {}): LinkedInSettings => ({
  ...emu.settings(),
  linkedinAuthorKind: 'organization',
  ...over,
});

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

/** The requests that reached LinkedIn's API (REST and OpenID): every one must carry the version headers. */
export function apiRequests(emu: LinkedInEmulator) {
  return emu.server.requests.filter((r) => r.path.startsWith('/rest/') || r.path.startsWith('/v2/'));
}
