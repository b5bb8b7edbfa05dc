import fc from 'fast-check';
import { ARTIFACT_KINDS } from '../../../services/core/artifacts/artifact-store.port';
import type { FuzzPools } from '../fuzz-pools';
import { readable } from '../readable';

/** The per-kind size limit the fuzz stack runs with: small, so an oversized upload costs little to send. */
export const FUZZ_UPLOAD_LIMIT = 256 * 1024;

export interface FuzzUpload {
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Printable ASCII, the most a header value can carry. */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** Signatures of file types (and of things that pretend to be them), then anything. */
const MAGIC: Record<string, Buffer> = {
  png: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a464946', 'hex'),
  gif: Buffer.from('GIF89a'),
  mp4: Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
  pdf: Buffer.from('%PDF-1.4\n'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'),
  html: Buffer.from('<!doctype html><script>alert(1)</script>'),
  zip: Buffer.from('504b0304', 'hex'),
  elf: Buffer.from('7f454c46', 'hex'),
  exe: Buffer.from('MZ'),
};

function bytesArbitrary(realImage: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(realImage) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...Object.values(MAGIC)), fc.uint8Array({ maxLength: 4096 }))
        .map(([m, rest]) => Buffer.concat([m, Buffer.from(rest)])),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 8192 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
    { weight: 1, arbitrary: fc.constant(Buffer.concat([MAGIC.png!, Buffer.alloc(FUZZ_UPLOAD_LIMIT + 1)])) },
  );
}

const CLAIMED = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'video/mp4',
  'text/plain',
  'application/pdf',
  'image/svg+xml',
  'text/html',
];

/** Names a file could be sent under, none of which the store may use: it names objects by their checksum. */
const FILE_NAMES = [
  '../../../../etc/passwd',
  '..%2f..%2fescape.png',
  '/tmp/abs.png',
  'C:\\evil.png',
  'a\u0000.png',
  '.htaccess',
];

/** encodeURIComponent refuses unpaired surrogates; the path then carries none. */
const encodedOrEmpty = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '';
  }
};

export function uploadArbitrary(pools: FuzzPools, realImage: Buffer): fc.Arbitrary<FuzzUpload> {
  const own = pools.own.clients?.[0] ?? '00000000-0000-4000-8000-000000000000';
  const foreign = pools.foreign.clients?.[0] ?? own;
  const clientId = fc.oneof(
    { weight: 10, arbitrary: fc.constant(own) },
    { weight: 1, arbitrary: fc.constant(foreign) },
    { weight: 1, arbitrary: fc.constantFrom('', 'not-a-uuid', '../../x', own.toUpperCase(), `${own}/../x`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const kind = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('image', 'video') },
    { weight: 2, arbitrary: fc.constantFrom(...ARTIFACT_KINDS) },
    { weight: 1, arbitrary: fc.constantFrom('', '../image', 'IMAGE', 'image/../../x', '__proto__') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const extras = fc.oneof(
    { weight: 6, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 1, arbitrary: fc.constantFrom(...FILE_NAMES).map((n): [string, string][] => [['filename', n]]) },
    { weight: 1, arbitrary: fc.constantFrom(...FILE_NAMES).map((n): [string, string][] => [['key', n]]) },
    { weight: 1, arbitrary: fc.constant<[string, string][]>([['clientId', own]]) },
  );
  const bodyType = fc.oneof(
    { weight: 10, arbitrary: fc.constant('application/octet-stream') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'image/png',
        'multipart/form-data; boundary=x',
        'application/json',
        '',
        'application/octet-stream; charset=binary',
        'APPLICATION/OCTET-STREAM',
      ),
    },
  );
  const claimed = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...CLAIMED) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.oneof(headerText(80), fc.constantFrom(...FILE_NAMES.filter((n) => !n.includes('\u0000')))),
    },
  );
  const upload = fc
    .record({
      clientId,
      kind,
      extras,
      bodyType,
      claimed,
      bytes: bytesArbitrary(realImage),
      disposition: fc.option(fc.constantFrom(...FILE_NAMES.filter((n) => !n.includes('\u0000'))), { nil: undefined }),
    })
    .map((r): FuzzUpload => {
      const q = new URLSearchParams();
      if (r.clientId !== undefined) q.append('clientId', r.clientId);
      if (r.kind !== undefined) q.append('kind', r.kind);
      for (const [k, v] of r.extras) q.append(k, v);
      const path = `/artifacts/upload?${q}`;
      const headers = {
        ...(r.bodyType ? { 'content-type': r.bodyType } : {}),
        ...(r.claimed !== undefined ? { 'x-artifact-content-type': r.claimed } : {}),
        ...(r.disposition ? { 'content-disposition': `attachment; filename="${r.disposition}"` } : {}),
      };
      return readable({ method: 'POST', path, headers, body: r.bytes }, path);
    });
  // The download route by token: traversal, encodings, forged shapes (C-47).
  const download = fc
    .oneof(
      fc
        .constantFrom(...FILE_NAMES, '..%2f..%2fetc%2fpasswd', '%2e%2e%2f', 'eyJrIjoiYSJ9.c2ln', 'a.b.c', '.')
        .map((t) => t.replace(/[^\x21-\x7e]/g, encodeURIComponent)),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map(encodedOrEmpty),
    )
    // An empty token is another route (the web app's), not this one.
    .filter((token) => token.length > 0)
    .map((token): FuzzUpload =>
      readable({ method: 'GET', path: `/artifacts/${token}`, headers: {} }, `/artifacts/${token}`),
    );
  // What an operator's browser sends: the real image, said to be what it is. Without it nearly every random upload is
  // refused, and the accepted path (one object, named by its checksum, under the tenant) would go unchecked.
  const coherent = fc.constantFrom(
    readable(
      {
        method: 'POST' as const,
        path: `/artifacts/upload?clientId=${own}&kind=image`,
        headers: { 'content-type': 'application/octet-stream', 'x-artifact-content-type': 'image/jpeg' },
        body: realImage,
      },
      'a real JPEG',
    ),
  );
  return fc.oneof(
    { weight: 2, arbitrary: coherent },
    { weight: 8, arbitrary: upload },
    { weight: 2, arbitrary: download },
  );
}
