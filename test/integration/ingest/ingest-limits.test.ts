import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { openDataSource } from '../../harness/test-env';
import {
  ingestTestConfig,
  post,
  sandboxComment,
  sandboxHeaders,
  startTestIngest,
  storedCount,
  uniqueAccount,
} from './ingest-harness';

/** A signed comment whose text pads the body to `bytes`: only its size can refuse it, never its signature. */
function paddedComment(bytes: number) {
  const { body: small, commentId } = sandboxComment({ account: uniqueAccount(), text: '' });
  const body = small.replace('"text":""', `"text":"${'a'.repeat(Math.max(0, bytes - small.length))}"`);
  return { body, commentId };
}

describe('body limits and malformed bodies (C-33)', () => {
  let ingest: RunningIngest;
  let owner: DataSource;
  const url = () => `${ingest.url}/webhooks/sandbox`;
  beforeAll(async () => {
    owner = await openDataSource();
    ingest = await startTestIngest();
  });
  afterAll(async () => {
    await ingest?.close();
    await owner?.destroy();
  });

  it('[C-33] the cap is 512 KB unless RAIZE_INGEST_MAX_BODY_BYTES says otherwise', () => {
    expect(ingestTestConfig().maxBodyBytes).toBe(512 * 1024);
    expect(ingestTestConfig({ RAIZE_INGEST_MAX_BODY_BYTES: '65536' }).maxBodyBytes).toBe(65536);
    expect(() => ingestTestConfig({ RAIZE_INGEST_MAX_BODY_BYTES: 'lots' })).toThrow(/RAIZE_INGEST_MAX_BODY_BYTES/);
  });

  it('[C-33] a correctly signed body over the cap gets 413 and nothing is stored; just under the cap is taken', async () => {
    const over = paddedComment(512 * 1024 + 1);
    const r = await post(url(), over.body, sandboxHeaders(over.body));
    expect(r.status).toBe(413);
    expect(r.json).toEqual({ error: 'body_too_large' });
    expect(await storedCount(owner, 'sandbox', [over.commentId])).toBe(0);
    const under = paddedComment(30_000);
    expect((await post(url(), under.body, sandboxHeaders(under.body))).status).toBe(200);
  });

  it('[C-33] compressed bombs (gzip, deflate, br) are cut at the cap of decoded bytes: 413, quickly, nothing stored', async () => {
    // 64 MB of one byte compresses to some tens of kilobytes; decoding it whole would take the process down.
    const huge = Buffer.alloc(64 * 1024 * 1024, 0x61);
    const bombs: [string, Buffer][] = [
      ['gzip', gzipSync(huge, { level: 9 })],
      ['deflate', deflateSync(huge, { level: 9 })],
      ['br', brotliCompressSync(huge, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })],
    ];
    for (const [encoding, bomb] of bombs) {
      expect(bomb.length).toBeLessThan(512 * 1024);
      const started = Date.now();
      // Signed over the decoded bytes: the signature would pass; only the size refuses it.
      const r = await post(url(), bomb, { ...sandboxHeaders(huge), 'content-encoding': encoding });
      expect({ encoding, status: r.status, body: r.json }).toEqual({
        encoding,
        status: 413,
        body: { error: 'body_too_large' },
      });
      expect(Date.now() - started).toBeLessThan(2000);
    }
    // The ingest still answers.
    expect((await fetch(`${ingest.url}/healthz`)).status).toBe(200);
  });

  it('[C-33] a compressed body under the cap is decoded and verified over its decoded bytes', async () => {
    const codings: [string, (b: string) => Buffer][] = [
      ['gzip', (b) => gzipSync(b)],
      ['deflate', (b) => deflateSync(b)],
      ['br', (b) => brotliCompressSync(b)],
    ];
    for (const [encoding, pack] of codings) {
      const { body, commentId } = sandboxComment({ account: uniqueAccount() });
      expect((await post(url(), pack(body), { ...sandboxHeaders(body), 'content-encoding': encoding })).status).toBe(
        200,
      );
      expect(await storedCount(owner, 'sandbox', [commentId])).toBe(1);
    }
  });

  it('[C-33] malformed bodies get 400 and store nothing; an unknown encoding 415, a corrupt one 400', async () => {
    const cases: [string, string][] = [
      ['not JSON', '{"id": "sbx_evt_1", '],
      ['JSON of the wrong shape', '{"id":"sbx_evt_1","type":"comment.created","data":{"comment":{}}}'],
      ['an array', '[1,2,3]'],
      [
        'a comment with an unreadable time',
        sandboxComment({ account: 'a' }).body.replace(/"createdAt":"[^"]+"/g, '"createdAt":"yesterday"'),
      ],
    ];
    for (const [name, body] of cases) {
      const r = await post(url(), body, sandboxHeaders(body));
      expect({ name, status: r.status, error: r.json.error }).toEqual({ name, status: 400, error: 'malformed' });
      expect(JSON.stringify(r.json)).not.toMatch(/\bat \S+:\d+|node_modules/);
    }
    const { body } = sandboxComment({ account: uniqueAccount() });
    expect((await post(url(), body, { ...sandboxHeaders(body), 'content-encoding': 'zstd-unknown' })).status).toBe(415);
    const corrupt = Buffer.from('this is not gzip at all');
    expect((await post(url(), corrupt, { ...sandboxHeaders(corrupt), 'content-encoding': 'gzip' })).status).toBe(400);
    // Unsigned garbage is refused by its signature first (401), never parsed.
    expect((await post(url(), '{{{', { 'content-type': 'application/json' })).status).toBe(401);
  });

  it('[C-33] unknown paths and methods get short JSON errors', async () => {
    const r = await fetch(`${ingest.url}/webhooks/nope`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: 'not_found' });
    expect((await fetch(`${ingest.url}/webhooks/sandbox`)).status).toBe(405);
    expect((await fetch(`${ingest.url}/webhooks/standard/myspace`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
