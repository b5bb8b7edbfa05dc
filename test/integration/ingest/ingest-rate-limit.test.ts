import { request } from 'node:http';
import type { DataSource } from 'typeorm';
import { addLogSink } from '../../../services/core/telemetry/logger';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { openDataSource } from '../../harness/test-env';
import {
  ingestTestConfig,
  META_SECRET,
  metaHeaders,
  sandboxComment,
  sandboxHeaders,
  startTestIngest,
  storedCount,
  uniqueAccount,
} from './ingest-harness';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  json: Record<string, unknown>;
}

/**
 * A POST from a chosen local address: the whole of 127.0.0.0/8 is loopback on Linux, so 127.0.0.2 is "another
 * address" to the ingest on 127.0.0.1 without any network set-up. A fresh connection per request (no agent).
 */
function postFrom(
  localAddress: string,
  url: string,
  body: string,
  headers: Record<string, string | number>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = { text };
        }
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const HOME = '127.0.0.1';
const OTHER = '127.0.0.2';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh signed sandbox comment: its id, body and headers. */
function signedSandbox(text?: string) {
  const { body, commentId } = sandboxComment({ account: uniqueAccount(), text });
  return { commentId, body, headers: sandboxHeaders(body) };
}

/** A fresh signed Meta (Instagram) comment. */
function signedMeta(secret = META_SECRET) {
  const commentId = `179${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const body = JSON.stringify({
    object: 'instagram',
    entry: [
      {
        id: `1784${Date.now()}`,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: 'comments',
            value: { id: commentId, text: 'hi', from: { id: 'fan', username: 'fan' }, media: { id: 'm1' } },
          },
        ],
      },
    ],
  });
  return { commentId, body, headers: metaHeaders(body, secret) };
}

describe('ingest rate limits (C-33)', () => {
  let owner: DataSource;
  beforeAll(async () => {
    owner = await openDataSource();
  });
  afterAll(async () => {
    await owner?.destroy();
  });

  it('[C-33] every source has its own limit, by default far above what one ingest stores; each is configurable', () => {
    const d = ingestTestConfig().limits;
    for (const s of ['sandbox', 'meta', 'standard'] as const)
      expect(d.sources[s]).toEqual({ ratePerSecond: 10_000, burst: 20_000 });
    expect(d.unverified).toEqual({ burst: 50, perMinute: 60 });
    const c = ingestTestConfig({
      RAIZE_INGEST_RATE_META: '50',
      RAIZE_INGEST_BURST_META: '100',
      RAIZE_INGEST_RATE_STANDARD: '0',
      RAIZE_INGEST_UNVERIFIED_BURST: '0',
    }).limits;
    expect(c.sources).toEqual({
      sandbox: { ratePerSecond: 10_000, burst: 20_000 },
      meta: { ratePerSecond: 50, burst: 100 },
      standard: null,
    });
    expect(c.unverified).toBeNull();
    expect(() => ingestTestConfig({ RAIZE_INGEST_RATE_SANDBOX: 'fast' })).toThrow(/RAIZE_INGEST_RATE_SANDBOX/);
    expect(() => ingestTestConfig({ RAIZE_INGEST_BURST_META: '0' })).toThrow(/RAIZE_INGEST_BURST_META/);
    expect(() => ingestTestConfig({ RAIZE_INGEST_TRUSTED_PROXIES: 'proxy.local' })).toThrow(
      /RAIZE_INGEST_TRUSTED_PROXIES/,
    );
  });

  describe('a source over its limit', () => {
    let ingest: RunningIngest;
    const lines: string[] = [];
    let stopSink: () => void;
    beforeAll(async () => {
      stopSink = addLogSink((l) => lines.push(l));
      // One a second after a burst of three: the fourth request in a row is over.
      ingest = await startTestIngest({ env: { RAIZE_INGEST_RATE_SANDBOX: '1', RAIZE_INGEST_BURST_SANDBOX: '3' } });
    });
    afterAll(async () => {
      stopSink?.();
      await ingest?.close();
    });

    it('[C-33] gets 429 with Retry-After before its body is read, stores nothing, leaves other sources alone, and is accepted after the wait', async () => {
      const url = `${ingest.url}/webhooks/sandbox`;
      for (let i = 0; i < 3; i++) {
        const d = signedSandbox();
        expect((await postFrom(HOME, url, d.body, d.headers)).status).toBe(200);
      }
      const over = signedSandbox('over the limit: not stored');
      const refused = await postFrom(HOME, url, over.body, over.headers);
      expect(refused.status).toBe(429);
      expect(refused.json).toEqual({ error: 'rate_limited' });
      expect(refused.retryAfter).toMatch(/^[1-9]\d*$/);
      expect(await storedCount(owner, 'sandbox', [over.commentId])).toBe(0);

      // Refused before anything is looked at: unsigned garbage gets the same 429, not the 401 of a verification.
      expect((await postFrom(HOME, url, '{{{', { 'content-type': 'application/json' })).status).toBe(429);

      // The Meta endpoint has a bucket of its own.
      const meta = signedMeta();
      expect((await postFrom(HOME, `${ingest.url}/webhooks/meta`, meta.body, meta.headers)).status).toBe(200);
      expect(await storedCount(owner, 'instagram', [meta.commentId])).toBe(1);

      // The platform retries after Retry-After: then it is taken, and stored once.
      await sleep(Number(refused.retryAfter) * 1000);
      const retried = await postFrom(HOME, url, over.body, sandboxHeaders(over.body));
      expect(retried.status).toBe(200);
      expect(await storedCount(owner, 'sandbox', [over.commentId])).toBe(1);

      expect(ingest.limiter.stats.source_rate_limited).toEqual({ sandbox: 2, meta: 0, standard: 0 });
      // The operator's count, in the log style of the ingest: source and outcome, no payload, no address.
      const logged = lines.filter((l) => l.includes('"raize.outcome":"source_rate_limited"'));
      expect(logged.length).toBeGreaterThanOrEqual(1);
      expect(logged[0]).toContain('"raize.platform":"sandbox"');
      expect(logged.join('\n')).not.toMatch(/over the limit|127\.0\.0\.1|x-sandbox/);
    });
  });

  describe('an unauthenticated flood from one address', () => {
    let ingest: RunningIngest;
    beforeAll(async () => {
      ingest = await startTestIngest({
        env: {
          // Five failures, then one more a minute. The sandbox's bucket is small too, so a flood that spent it
          // would show as 429s for the valid sender.
          RAIZE_INGEST_UNVERIFIED_BURST: '5',
          RAIZE_INGEST_UNVERIFIED_PER_MINUTE: '1',
          RAIZE_INGEST_RATE_SANDBOX: '1',
          RAIZE_INGEST_BURST_SANDBOX: '20',
        },
      });
    });
    afterAll(async () => {
      await ingest?.close();
    });

    it('[C-33] gets 429 without verification once over its small budget, while valid deliveries from another address pass', async () => {
      const sandboxUrl = `${ingest.url}/webhooks/sandbox`;
      const metaUrl = `${ingest.url}/webhooks/meta`;
      const forged = () => {
        const d = signedSandbox();
        return { ...d, headers: sandboxHeaders(d.body, { secret: 'guessed-secret' }) };
      };
      for (let i = 0; i < 5; i++) {
        const f = forged();
        expect((await postFrom(OTHER, sandboxUrl, f.body, f.headers)).status).toBe(401);
      }

      // The flood goes on, 60 at once, while the valid senders deliver from another address.
      const flood = Array.from({ length: 60 }, () => {
        const f = forged();
        return postFrom(OTHER, sandboxUrl, f.body, f.headers);
      });
      const valid = [
        ...Array.from({ length: 10 }, () => ({ url: sandboxUrl, source: 'sandbox', ...signedSandbox() })),
        ...Array.from({ length: 5 }, () => ({ url: metaUrl, source: 'instagram', ...signedMeta() })),
      ];
      const validAnswers = await Promise.all(valid.map((v) => postFrom(HOME, v.url, v.body, v.headers)));
      const floodAnswers = await Promise.all(flood);

      expect(floodAnswers.map((a) => a.status)).toEqual(Array(60).fill(429));
      for (const a of floodAnswers) {
        expect(a.json).toEqual({ error: 'rate_limited' });
        expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      expect(validAnswers.map((a) => a.status)).toEqual(Array(15).fill(200));
      for (const v of valid) expect(await storedCount(owner, v.source, [v.commentId])).toBe(1);

      // Refused unheard: even a correctly signed delivery from that address gets 429 and is not stored.
      const signed = signedSandbox();
      expect((await postFrom(OTHER, sandboxUrl, signed.body, signed.headers)).status).toBe(429);
      expect(await storedCount(owner, 'sandbox', [signed.commentId])).toBe(0);

      expect(ingest.limiter.stats.address_rate_limited.sandbox).toBe(61);
      expect(ingest.limiter.stats.source_rate_limited.sandbox).toBe(0);
      expect(ingest.limiter.trackedAddresses).toBe(1);
    });
  });

  describe('behind a trusted reverse proxy', () => {
    let ingest: RunningIngest;
    beforeAll(async () => {
      ingest = await startTestIngest({
        env: {
          RAIZE_INGEST_TRUSTED_PROXIES: HOME,
          RAIZE_INGEST_UNVERIFIED_BURST: '3',
          RAIZE_INGEST_UNVERIFIED_PER_MINUTE: '1',
        },
      });
    });
    afterAll(async () => {
      await ingest?.close();
    });

    it("[C-33] the sender is the proxy's X-Forwarded-For address; from any other peer that header is not believed", async () => {
      const url = `${ingest.url}/webhooks/sandbox`;
      const via = (xff: string, d: { body: string; headers: Record<string, string> }) =>
        postFrom(HOME, url, d.body, { ...d.headers, 'x-forwarded-for': xff });
      const bad = () => {
        const d = signedSandbox();
        return { ...d, headers: sandboxHeaders(d.body, { secret: 'guessed-secret' }) };
      };
      for (let i = 0; i < 3; i++) expect((await via('203.0.113.7', bad())).status).toBe(401);
      expect((await via('203.0.113.7', bad())).status).toBe(429);
      expect((await via('203.0.113.7', signedSandbox())).status).toBe(429);
      // The proxy carries everyone: the other senders behind it are not refused with the flooder.
      expect((await via('198.51.100.2', signedSandbox())).status).toBe(200);
      expect((await via('203.0.113.70, 198.51.100.3', signedSandbox())).status).toBe(200);

      // A peer that is not a trusted proxy cannot pick a fresh address per request by writing the header.
      for (let i = 0; i < 3; i++) {
        const d = bad();
        const r = await postFrom(OTHER, url, d.body, { ...d.headers, 'x-forwarded-for': `192.0.2.${i}` });
        expect(r.status).toBe(401);
      }
      const d = bad();
      expect((await postFrom(OTHER, url, d.body, { ...d.headers, 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
    });
  });
});
