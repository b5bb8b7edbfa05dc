import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { standardWebhooksKey } from '../../../services/ingest/ingest-secrets';
import { verifyMeta } from '../../../services/ingest/verify/meta.verifier';
import { signStandard, verifyStandard } from '../../../services/ingest/verify/standard-webhooks.verifier';
import { openDataSource } from '../../harness/test-env';
import {
  META_SECRET,
  META_VERIFY_TOKEN,
  metaHeaders,
  nowSeconds,
  post,
  sandboxComment,
  sandboxHeaders,
  standardComment,
  standardHeaders,
  startTestIngest,
  storedCount,
  uniqueAccount,
} from './ingest-harness';

// Standard Webhooks' published vector (standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts,
// "sign function works").
const SW = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

// Meta publishes no vector: this one is computed from the documented algorithm (HMAC-SHA256 of the raw payload with
// the app secret, lower-case hex after `sha256=`) with `openssl dgst -sha256 -hmac`, and written down here.
const META_BODY =
  '{"object":"instagram","entry":[{"id":"17841400000000001","time":1764460800,"changes":[{"field":"comments","value":{"id":"17900000000000001","text":"Is this in stock?","from":{"id":"17800000000000009","username":"fan"},"media":{"id":"17950000000000002","media_product_type":"FEED"}}}]}]}';
const META_SIGNATURE = 'sha256=e690edd220f02ad83449c94db6793ad5abce953405fca8e233d40019cc51acaf';

const flipByte = (s: string, at = 10) => s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) ^ 1) + s.slice(at + 1);

describe('webhook verification (C-31, C-32)', () => {
  let ingest: RunningIngest;
  let owner: DataSource;
  beforeAll(async () => {
    owner = await openDataSource();
    ingest = await startTestIngest();
  });
  afterAll(async () => {
    await ingest?.close();
    await owner?.destroy();
  });

  describe('published and documented vectors', () => {
    it("[C-31] Standard Webhooks' published test vector signs and verifies", () => {
      const key = standardWebhooksKey(SW.secret)!;
      expect(signStandard(key, SW.id, SW.timestamp, SW.payload)).toBe(SW.signature);
      const at = { nowMs: Number(SW.timestamp) * 1000, toleranceSeconds: 300 };
      const h = { id: SW.id, timestamp: SW.timestamp, signature: SW.signature };
      expect(verifyStandard([key], Buffer.from(SW.payload), h, at)).toEqual({ ok: true });
      // The prefix is optional, as in the reference libraries.
      expect(verifyStandard([standardWebhooksKey(SW.secret.slice(6))!], Buffer.from(SW.payload), h, at).ok).toBe(true);
      // During a rotation the header lists several signatures; other versions and foreign ones are skipped.
      const rotated = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${SW.signature}`;
      expect(verifyStandard([key], Buffer.from(SW.payload), { ...h, signature: rotated }, at).ok).toBe(true);
      // Our side rotates too: any configured key verifies.
      const other = standardWebhooksKey('whsec_' + Buffer.alloc(32, 7).toString('base64'))!;
      expect(verifyStandard([other, key], Buffer.from(SW.payload), h, at).ok).toBe(true);
      expect(verifyStandard([other], Buffer.from(SW.payload), h, at)).toEqual({ ok: false, reason: 'bad_signature' });
      // The vector is from 2021: today it is stale.
      expect(verifyStandard([key], Buffer.from(SW.payload), h, { nowMs: Date.now(), toleranceSeconds: 300 })).toEqual({
        ok: false,
        reason: 'stale_timestamp',
      });
    });

    it('[C-31] Meta: the vector computed from the documented algorithm verifies, and one byte off does not', () => {
      const secret = [Buffer.from(META_SECRET)];
      expect(`sha256=${createHmac('sha256', META_SECRET).update(META_BODY).digest('hex')}`).toBe(META_SIGNATURE);
      expect(verifyMeta(secret, Buffer.from(META_BODY), META_SIGNATURE)).toEqual({ ok: true });
      expect(verifyMeta(secret, Buffer.from(flipByte(META_BODY, 40)), META_SIGNATURE).ok).toBe(false);
      expect(verifyMeta(secret, Buffer.from(META_BODY), META_SIGNATURE.toUpperCase()).ok).toBe(false);
    });

    it('[C-31] Meta: the hub.challenge handshake answers the challenge only for our verify token', async () => {
      const q = (mode: string, token: string, challenge: string) =>
        fetch(
          `${ingest.url}/webhooks/meta?${new URLSearchParams({ 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge })}`,
        );
      const ok = await q('subscribe', META_VERIFY_TOKEN, '1158201444');
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('1158201444');
      expect((await q('subscribe', 'wrong-token', '1158201444')).status).toBe(403);
      expect((await q('subscribe', META_VERIFY_TOKEN.slice(0, -1), '1158201444')).status).toBe(403);
      expect((await q('unsubscribe', META_VERIFY_TOKEN, '1158201444')).status).toBe(403);
      expect((await q('subscribe', META_VERIFY_TOKEN, '<script>')).status).toBe(403);
    });
  });

  describe('over HTTP: a valid delivery is stored, every tampered variant is refused with 401 and stores nothing', () => {
    it('[C-31] [C-32] sandbox HMAC-SHA256', async () => {
      const account = uniqueAccount();
      const url = `${ingest.url}/webhooks/sandbox`;
      const { body, commentId } = sandboxComment({ account });
      const good = sandboxHeaders(body);
      const variants: [string, string, Record<string, string>][] = [
        ['one byte changed', flipByte(body, 30), good],
        ['wrong secret', body, sandboxHeaders(body, { secret: 'not-the-secret' })],
        ['stale timestamp', body, sandboxHeaders(body, { timestamp: String(Math.floor(Date.now() / 1000) - 301) })],
        [
          'timestamp from the future',
          body,
          sandboxHeaders(body, { timestamp: String(Math.floor(Date.now() / 1000) + 301) }),
        ],
        ['missing signature', body, { ...good, 'x-sandbox-signature': '' }],
        ['missing timestamp', body, { ...good, 'x-sandbox-timestamp': '' }],
        ['missing delivery id', body, { ...good, 'x-sandbox-delivery': '' }],
        ['extra whitespace in the body', body.replace('{"id"', '{ "id"'), good],
        ['trailing whitespace in the body', `${body} `, good],
        [
          'wrong length (one hex digit short)',
          body,
          { ...good, 'x-sandbox-signature': good['x-sandbox-signature']!.slice(0, -1) },
        ],
        [
          'wrong length (one hex digit more)',
          body,
          { ...good, 'x-sandbox-signature': `${good['x-sandbox-signature']}0` },
        ],
        ['truncated signature', body, { ...good, 'x-sandbox-signature': good['x-sandbox-signature']!.slice(0, 20) }],
        [
          'another scheme',
          body,
          { ...good, 'x-sandbox-signature': good['x-sandbox-signature']!.replace('sha256=', 'sha1=') },
        ],
      ];
      for (const [name, b, h] of variants) {
        const r = await post(url, b, h);
        expect({ name, status: r.status }).toEqual({ name, status: 401 });
        expect(JSON.stringify(r.json)).not.toMatch(/stack|at .*\.ts|secret/i);
      }
      expect(await storedCount(owner, 'sandbox', [commentId])).toBe(0);
      expect((await post(url, body, good)).status).toBe(200);
      expect(await storedCount(owner, 'sandbox', [commentId])).toBe(1);
    });

    it('[C-31] [C-32] Meta X-Hub-Signature-256', async () => {
      const url = `${ingest.url}/webhooks/meta`;
      const commentId = `179${Date.now()}`;
      const body = META_BODY.replace('17900000000000001', commentId);
      const good = metaHeaders(body);
      const variants: [string, string, Record<string, string>][] = [
        ['one byte changed', flipByte(body, 60), good],
        ['wrong secret', body, metaHeaders(body, 'wrong-app-secret')],
        ['missing signature', body, { 'content-type': 'application/json' }],
        ['extra whitespace in the body', body.replace('"object":', '"object": '), good],
        ['wrong length', body, { ...good, 'x-hub-signature-256': good['x-hub-signature-256']!.slice(0, -2) }],
        ['truncated signature', body, { ...good, 'x-hub-signature-256': 'sha256=' }],
        ['the old sha1 header only', body, { 'content-type': 'application/json', 'x-hub-signature': 'sha1=00' }],
      ];
      for (const [name, b, h] of variants)
        expect({ name, status: (await post(url, b, h)).status }).toEqual({ name, status: 401 });
      expect(await storedCount(owner, 'instagram', [commentId])).toBe(0);
      expect((await post(url, body, good)).status).toBe(200);
      expect(await storedCount(owner, 'instagram', [commentId])).toBe(1);
    });

    it('[C-31] [C-32] Standard Webhooks, with several signatures during a rotation', async () => {
      const url = `${ingest.url}/webhooks/standard/linkedin`;
      const { id, body } = standardComment({ account: uniqueAccount() });
      const good = standardHeaders(body);
      const stale = String(Math.floor(Date.now() / 1000) - 400);
      const variants: [string, string, Record<string, string>][] = [
        ['one byte changed', flipByte(body, 15), good],
        ['wrong secret', body, standardHeaders(body, { secret: 'whsec_' + Buffer.alloc(24, 1).toString('base64') })],
        ['stale timestamp', body, standardHeaders(body, { timestamp: stale })],
        [
          'timestamp changed after signing',
          body,
          { ...good, 'webhook-timestamp': String(Number(good['webhook-timestamp']) + 1) },
        ],
        ['id changed after signing', body, { ...good, 'webhook-id': `${good['webhook-id']}x` }],
        ['missing id', body, { ...good, 'webhook-id': '' }],
        ['missing timestamp', body, { ...good, 'webhook-timestamp': '' }],
        ['missing signature', body, { ...good, 'webhook-signature': '' }],
        ['extra whitespace in the body', body.replace('{"type"', '{ "type"'), good],
        ['wrong length', body, { ...good, 'webhook-signature': good['webhook-signature']!.replace('=', '') }],
        ['truncated signature', body, { ...good, 'webhook-signature': good['webhook-signature']!.slice(0, 8) }],
        ['empty v1', body, { ...good, 'webhook-signature': 'v1,' }],
        [
          'right MAC, unknown version',
          body,
          { ...good, 'webhook-signature': good['webhook-signature']!.replace('v1,', 'v2,') },
        ],
      ];
      for (const [name, b, h] of variants)
        expect({ name, status: (await post(url, b, h)).status }).toEqual({ name, status: 401 });
      expect(await storedCount(owner, 'linkedin', [id])).toBe(0);
      const rotating = {
        ...good,
        'webhook-signature': `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${good['webhook-signature']}`,
      };
      expect((await post(url, body, rotating)).status).toBe(200);
      expect(await storedCount(owner, 'linkedin', [id])).toBe(1);
    });
  });

  describe('replays and duplicates (C-32)', () => {
    it('[C-32] the same delivery replayed, and sent ten times at once, is stored once and answered 200 each time', async () => {
      const url = `${ingest.url}/webhooks/sandbox`;
      const { body, commentId } = sandboxComment({ account: uniqueAccount() });
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(url, body, sandboxHeaders(body))));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect((await post(url, body, sandboxHeaders(body))).status).toBe(200);
      expect(await storedCount(owner, 'sandbox', [commentId])).toBe(1);
      const { id, body: sw } = standardComment({ account: uniqueAccount() });
      const h = standardHeaders(sw);
      for (let i = 0; i < 3; i++) expect((await post(`${ingest.url}/webhooks/standard/x`, sw, h)).status).toBe(200);
      expect(await storedCount(owner, 'x', [id])).toBe(1);
    });

    it("[C-32] a Meta delivery batching the same comment twice, sent twice, is one row; the account's own comment is not stored", async () => {
      const account = `1784${Date.now()}`;
      const change = (id: string, from: string) => ({
        field: 'comments',
        value: { id, text: 'hello', from: { id: from, username: 'u' }, media: { id: 'm1' } },
      });
      const body = JSON.stringify({
        object: 'instagram',
        entry: [
          {
            id: account,
            time: Math.floor(Date.now() / 1000),
            changes: [change(`c1-${account}`, 'fan'), change(`c1-${account}`, 'fan')],
          },
          { id: account, time: Math.floor(Date.now() / 1000), changes: [change(`c2-${account}`, account)] },
        ],
      });
      for (let i = 0; i < 2; i++)
        expect((await post(`${ingest.url}/webhooks/meta`, body, metaHeaders(body))).status).toBe(200);
      expect(await storedCount(owner, 'instagram', [`c1-${account}`])).toBe(1);
      expect(await storedCount(owner, 'instagram', [`c2-${account}`])).toBe(0);
    });

    it('[C-32] sanity: the timestamp check is live (a fresh one passes)', async () => {
      const { body } = sandboxComment({ account: uniqueAccount() });
      expect(
        (await post(`${ingest.url}/webhooks/sandbox`, body, sandboxHeaders(body, { timestamp: nowSeconds() }))).status,
      ).toBe(200);
    });
  });
});
