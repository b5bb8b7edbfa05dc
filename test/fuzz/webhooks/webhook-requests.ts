import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import { metaHeaders, sandboxHeaders, standardHeaders } from '../../integration/ingest/ingest-harness';
import { readable } from '../readable';
import { metaPayload, sandboxPayload, standardPayload } from './webhook-payloads';

/** The ingest's endpoints, as the summary counts them. */
export const WEBHOOK_ENDPOINTS = ['sandbox', 'meta', 'meta-handshake', 'standard'] as const;
export type WebhookEndpoint = (typeof WEBHOOK_ENDPOINTS)[number];

export interface WebhookRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Printable ASCII: what a header value can carry at all (fetch refuses the rest before sending). */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** The body's bytes: the payload as JSON, or JSON cut short, or no JSON at all. */
const bodyOf = (payload: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 10, arbitrary: payload.map((p) => Buffer.from(JSON.stringify(p) ?? 'null')) },
    {
      weight: 1,
      arbitrary: fc.tuple(payload, fc.double({ min: 0, max: 1, noNaN: true })).map(([p, at]) => {
        const s = JSON.stringify(p) ?? '';
        return Buffer.from(s.slice(0, Math.floor(s.length * at)));
      }),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)) },
    // Past the 512 KB cap once decoded (C-33).
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(600 * 1024, 0x20)) },
  );

/** How the bytes travel: as they are, gzipped (declared or not), or declared in a coding they are not in. */
const transfer = fc.oneof(
  { weight: 12, arbitrary: fc.constant('plain') },
  { weight: 1, arbitrary: fc.constantFrom('gzip', 'gzip-lie', 'br-lie', 'unsupported', 'gzip-bomb') },
);

function encoded(body: Buffer, how: string): { body: Buffer; headers: Record<string, string> } {
  switch (how) {
    case 'gzip':
      return { body: gzipSync(body), headers: { 'content-encoding': 'gzip' } };
    case 'gzip-lie':
      return { body, headers: { 'content-encoding': 'gzip' } };
    case 'br-lie':
      return { body, headers: { 'content-encoding': 'br' } };
    case 'unsupported':
      return { body, headers: { 'content-encoding': 'compress' } };
    case 'gzip-bomb':
      // A few kilobytes that inflate past the cap: refused while inflating, never held whole.
      return { body: gzipSync(Buffer.alloc(8 * 1024 * 1024)), headers: { 'content-encoding': 'gzip' } };
    default:
      return { body, headers: {} };
  }
}

/** What the signature headers say: right (over the bytes sent), stale, from another secret, garbled or absent. */
const signing = fc.oneof(
  { weight: 12, arbitrary: fc.constant('valid') },
  { weight: 1, arbitrary: fc.constantFrom('stale', 'future', 'wrong-secret', 'garbled', 'missing') },
);

const timestampFor = (s: string) =>
  String(Math.floor(Date.now() / 1000) + (s === 'stale' ? -3600 : s === 'future' ? 3600 : 0));

function signed(endpoint: 'sandbox' | 'meta' | 'standard', body: Buffer, s: string, garbage: string, id: string) {
  const secret = s === 'wrong-secret' ? 'not-the-configured-secret' : undefined;
  const timestamp = timestampFor(s);
  const h =
    endpoint === 'sandbox'
      ? sandboxHeaders(body, { secret, timestamp })
      : endpoint === 'meta'
        ? metaHeaders(body, secret)
        : standardHeaders(body, { id, timestamp, secret: secret && 'whsec_' + Buffer.from(secret).toString('base64') });
  delete h['content-type'];
  const names = Object.keys(h).filter((k) => k !== 'content-type');
  if (s === 'missing') for (const n of names) delete h[n];
  if (s === 'garbled') h[names[0]!] = garbage;
  return h;
}

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      '',
    ),
  },
);

/** A delivery to one of the signed endpoints: payload, coding, signature and headers each fuzzed. */
export function deliveryTo(endpoint: 'sandbox' | 'meta' | 'standard'): fc.Arbitrary<WebhookRequest> {
  const payload = endpoint === 'sandbox' ? sandboxPayload : endpoint === 'meta' ? metaPayload : standardPayload;
  const platform = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...PLATFORM_IDS) },
    { weight: 1, arbitrary: fc.constantFrom('UNKNOWN', 'sandbox%00', '..', 'x'.repeat(300), 'sand box') },
  );
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant('POST') },
    { weight: 1, arbitrary: fc.constantFrom('PUT', 'GET', 'DELETE') },
  );
  return fc
    .record({
      body: bodyOf(payload),
      how: transfer,
      sign: signing,
      garbage: headerText(100),
      id: fc.oneof(
        { weight: 8, arbitrary: fc.stringMatching(/^msg_[A-Za-z0-9]{20}$/) },
        { weight: 1, arbitrary: headerText(300) },
      ),
      type: contentType,
      platform,
      method,
      extra: fc.dictionary(fc.stringMatching(/^x-[a-z]{1,12}$/), headerText(40), { maxKeys: 2 }),
    })
    .map((r) => {
      const sent = encoded(r.body, r.how);
      // Standard Webhooks and Meta sign the payload; this ingest verifies the decoded bytes (read-body.ts).
      const sig = signed(endpoint, r.body, r.sign, r.garbage, r.id);
      const path = endpoint === 'standard' ? `/webhooks/standard/${r.platform}` : `/webhooks/${endpoint}`;
      const headers = { ...r.extra, ...(r.type ? { 'content-type': r.type } : {}), ...sent.headers, ...sig };
      const body = r.method === 'GET' ? undefined : sent.body;
      // Shown decoded, as signed: a gzipped body would print as noise.
      return readable({ method: r.method, path, headers, body }, `${path} (${r.how}, ${r.sign})`, r.body);
    });
}

/** Meta's subscription handshake (GET with hub.mode, hub.verify_token, hub.challenge), every parameter fuzzed. */
export function metaHandshake(verifyToken: string): fc.Arbitrary<WebhookRequest> {
  const param = (good: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(good) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  return fc
    .record({
      mode: param('subscribe'),
      token: param(verifyToken),
      challenge: fc.oneof(
        fc.stringMatching(/^[0-9]{6,12}$/),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constant('<script>alert(1)</script>'),
      ),
      repeat: fc.boolean(),
    })
    .map((r) => {
      const q = new URLSearchParams();
      if (r.mode !== undefined) q.append('hub.mode', r.mode);
      if (r.token !== undefined) q.append('hub.verify_token', r.token);
      q.append('hub.challenge', r.challenge);
      if (r.repeat) q.append('hub.challenge', 'second');
      return readable({ method: 'GET', path: `/webhooks/meta?${q}`, headers: {} }, `/webhooks/meta?${q}`);
    });
}
