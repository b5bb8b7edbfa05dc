import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../../services/core/audit/audit.service';
import { loadArtifactConfig } from '../../../services/core/artifacts/artifact-config';
import { createArtifactStore } from '../../../services/core/artifacts/create-artifact-store';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';
import type { BackendUnderTest } from './artifact-store-contract';
import { describeArtifactStoreContract, pngBytes } from './artifact-store-contract';

const IMAGE_LIMIT = 64 * 1024;
const MAX_TTL = 600;

/**
 * The local backend, served by the real API (GET /artifacts/:token) of a test stack: the store in this test and the
 * API's store are two instances sharing the directory and the secrets backend, as the worker and the API do.
 */
async function localBackend(): Promise<BackendUnderTest & { stack: TestStack; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'raize-artifacts-'));
  const stack = await startTestStack({
    env: {
      RAIZE_ARTIFACTS_BACKEND: 'local',
      RAIZE_ARTIFACTS_DIR: dir,
      RAIZE_ARTIFACTS_MAX_IMAGE_BYTES: String(IMAGE_LIMIT),
      RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS: String(MAX_TTL),
    },
  });
  const appDs = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
    env: 'test',
    poolSize: 4,
  });
  const secrets = createSecrets({ dataDir: stack.dataDir, masterKey: process.env.RAIZE_MASTER_KEY });
  const store = await createArtifactStore({
    ds: appDs,
    audit: new AuditService(appDs, secrets),
    secrets,
    config: loadArtifactConfig(),
  });
  const token = (url: string) => new URL(url).pathname.split('/').pop()!;
  return {
    stack,
    dir,
    store,
    appDs,
    limits: { imageBytes: IMAGE_LIMIT, maxUrlTtlSeconds: MAX_TTL },
    tamper: async (key, bytes) => writeFileSync(join(dir, ...key.split('/')), bytes),
    urlLifetimeSeconds: (url) => {
      const payload = JSON.parse(Buffer.from(token(url).split('.')[0], 'base64url').toString()) as { e: number };
      return payload.e - Date.now() / 1000;
    },
    retarget: (url, from, to) => {
      const [payload, sig] = token(url).split('.');
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      expect(body).toMatchObject({ k: from.key, c: from.clientId });
      const forged = Buffer.from(JSON.stringify({ ...body, k: to.key, c: to.clientId })).toString('base64url');
      return url.replace(token(url), `${forged}.${sig}`);
    },
    tamperSignature: (url) => {
      const t = token(url);
      const last = t[t.length - 2] === 'A' ? 'B' : 'A';
      return url.replace(t, `${t.slice(0, -2)}${last}${t.slice(-1)}`);
    },
    close: async () => {
      await appDs.destroy();
      await stack.close();
    },
  };
}

let shared: Promise<Awaited<ReturnType<typeof localBackend>>> | undefined;
const backend = () => (shared ??= localBackend());

// One stack for the whole file: the contract's own close is a no-op, the file's afterAll stops it.
describeArtifactStoreContract('local directory behind the API', async () => ({
  ...(await backend()),
  close: async () => undefined,
}));
afterAll(async () => {
  await (await shared)?.close();
});

describe('the artifact routes of the API (local backend)', () => {
  let b: Awaited<ReturnType<typeof localBackend>>;
  let owner: DataSource;
  let A: SeededTenant;

  beforeAll(async () => {
    b = await backend();
    owner = b.stack.ds;
    A = await seedTenant(owner);
  });

  const upload = (actorId: string, query: string, body: Buffer, headers: Record<string, string> = {}) =>
    fetch(`${b.stack.apiUrl}/artifacts/upload?${query}`, {
      method: 'POST',
      headers: { authorization: `Dev ${actorId}`, 'content-type': 'application/octet-stream', ...headers },
      body,
    });

  it('[C-46] logs every served access in the audit trail, and serves with nosniff and no referrer', async () => {
    const ref = await b.store.put({ agencyId: A.agencyId, clientId: A.clientId, kind: 'image', bytes: pngBytes() });
    const res = await fetch(await b.store.signedUrl(ref));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const served = await owner.query<{ actor: string; subject_id: string }[]>(
      `SELECT actor, subject_id FROM audit_events WHERE client_id = $1 AND action = 'artifact.served'`,
      [A.clientId],
    );
    expect(served).toEqual([{ actor: 'system:artifact-store', subject_id: ref.key }]);
  });

  it('[C-47] refuses traversal and encoded traversal in the token, answering nothing from the disk', async () => {
    writeFileSync(join(b.dir, 'outside.txt'), 'must never be served');
    for (const path of [
      '/artifacts/..%2foutside.txt',
      '/artifacts/%2e%2e%2foutside.txt',
      '/artifacts/..%2f..%2fetc%2fpasswd',
      '/artifacts/..%252f..%252fetc%252fpasswd.x',
      `/artifacts/${encodeURIComponent(join(b.dir, 'outside.txt'))}`,
      '/artifacts/outside.txt',
    ]) {
      const res = await rawGet(b.stack.apiUrl, path);
      // The route's own refusal (its JSON reason), not some other layer's.
      expect({ path, code: res.code, body: res.body }).toEqual({
        path,
        code: 403,
        body: JSON.stringify({ error: 'bad_signature', message: 'the link is malformed' }),
      });
    }
  });

  it('[C-47] an operator upload is sniffed: a text file claimed as a PNG is refused with the reason', async () => {
    const res = await upload(A.users.author, `clientId=${A.clientId}&kind=image`, Buffer.from('hello'), {
      'x-artifact-content-type': 'image/png',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: 'type_mismatch',
      message: 'claimed "image/png" but the content is text/plain',
    });
    const ok = await upload(A.users.author, `clientId=${A.clientId}&kind=image`, pngBytes(), {
      'x-artifact-content-type': 'image/png',
    });
    expect(ok.status).toBe(201);
    const ref = (await ok.json()) as { key: string; clientId: string };
    expect(ref.clientId).toBe(A.clientId);
    const stored = await owner.query<{ actor: string }[]>(
      `SELECT actor FROM audit_events WHERE action = 'artifact.stored' AND subject_id = $1`,
      [ref.key],
    );
    expect(stored).toEqual([{ actor: `user:${A.users.author}` }]);
  });

  it('[C-46] an operator cannot upload into a client outside their scope, nor with a role that may not write', async () => {
    const other = await seedTenant(owner);
    const intoOther = await upload(A.users.author, `clientId=${other.clientId}&kind=image`, pngBytes());
    expect(intoOther.status).toBe(404);
    const analyst = await upload(A.users.analyst, `clientId=${A.clientId}&kind=image`, pngBytes());
    expect(analyst.status).toBe(403);
  });

  it('[C-47] refuses an oversized upload by its declared length, and cuts off one that streams past the limit', async () => {
    const declared = await upload(A.users.author, `clientId=${A.clientId}&kind=image`, pngBytes(IMAGE_LIMIT + 1));
    expect(declared.status).toBe(413);
    // No Content-Length: the body streams in chunks. The API must answer 413 while far less than the whole body
    // has been sent, which proves it did not wait to buffer it.
    const total = 64 * 1024 * 1024;
    const streamed = await streamUpload(
      `${b.stack.apiUrl}/artifacts/upload?clientId=${A.clientId}&kind=image`,
      A.users.author,
      total,
    );
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(total);
  });
});

function rawGet(base: string, path: string): Promise<{ code: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** POSTs up to `total` bytes in chunks without a Content-Length, stopping as soon as the server answers. */
function streamUpload(url: string, actorId: string, total: number): Promise<{ status: number; sent: number }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method: 'POST',
        headers: {
          authorization: `Dev ${actorId}`,
          'content-type': 'application/octet-stream',
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        answered = true;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, sent }));
      },
    );
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(64 * 1024 - 8)]);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
