import { createHash } from 'node:crypto';
import { api, bootSandbox, userWithToken, type TestSandbox } from './sandbox.test-helpers';

describe('sandbox posts API', () => {
  let t: TestSandbox;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    t = await bootSandbox();
  });
  afterAll(() => t.sandbox.close());

  beforeEach(async () => {
    await t.admin.reset();
    const u = await userWithToken(t, 'poster');
    token = u.token;
    userId = u.user.id;
  });

  const create = (json: unknown, key?: string) =>
    api(t.sandbox.url, '/posts', { token, json, headers: key ? { 'idempotency-key': key } : {} });

  it('creates a post with a public URL', async () => {
    const res = await create({ text: 'hello world' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^sbx_p_/),
      url: `${t.sandbox.url}/p/${res.body.id}`,
      text: 'hello world',
      media: [],
      authorId: userId,
      createdAt: expect.any(String),
    });
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const fetched = await api(t.sandbox.url, `/posts/${res.body.id}`, { token });
    expect(fetched.body).toEqual(res.body);
    expect((await api(t.sandbox.url, '/posts/sbx_p_missing', { token })).status).toBe(404);
  });

  it('honours Idempotency-Key: a repeat returns the original post and creates nothing', async () => {
    const first = await create({ text: 'once' }, 'key-1');
    const second = await create({ text: 'once' }, 'key-1');
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await t.admin.listPosts()).toHaveLength(1);
    const log = await t.admin.listRequests();
    expect(log.filter((r) => r.path === '/posts' && r.idempotencyKey === 'key-1').map((r) => r.status)).toEqual([201, 200]);
  });

  it('makes two posts when the ignoreIdempotencyKey flag is set', async () => {
    await t.admin.setFlags({ ignoreIdempotencyKey: true });
    const first = await create({ text: 'twice' }, 'key-2');
    const second = await create({ text: 'twice' }, 'key-2');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    expect(await t.admin.listPosts()).toHaveLength(2);
  });

  it('refuses key reuse with a different body (422)', async () => {
    await create({ text: 'original' }, 'key-3');
    const res = await create({ text: 'different' }, 'key-3');
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: { code: 'idempotency_key_reused', message: expect.any(String) } });
    expect(await t.admin.listPosts()).toHaveLength(1);
  });

  it('scopes idempotency keys to the identity', async () => {
    const other = await userWithToken(t, 'other');
    await create({ text: 'same' }, 'shared-key');
    const res = await api(t.sandbox.url, '/posts', { token: other.token, json: { text: 'same' }, headers: { 'idempotency-key': 'shared-key' } });
    expect(res.status).toBe(201);
    expect(res.body.authorId).toBe(other.user.id);
  });

  it('validates the body', async () => {
    for (const body of [{}, { text: '' }, { text: '   ' }, { text: 'x'.repeat(5001) }, { text: 'ok', media: [{ contentType: 'image/png' }] }]) {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
    expect((await create({ text: '😀'.repeat(5000) })).status).toBe(201);
    expect((await api(t.sandbox.url, '/posts', { json: { text: 'anon' } })).status).toBe(401);
  });

  it('stores uploaded media, verifies sha256 checksums and serves the bytes', async () => {
    const bytes = Buffer.from('fake png bytes');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const res = await create({
      text: 'with media',
      media: [
        { dataBase64: bytes.toString('base64'), contentType: 'image/png', checksum: `sha256:${sha}` },
        { url: 'https://cdn.example/a.jpg', contentType: 'image/jpeg' },
      ],
    });
    expect(res.status).toBe(201);
    const [uploaded, linked] = res.body.media;
    expect(uploaded).toMatchObject({ contentType: 'image/png', checksum: `sha256:${sha}`, sizeBytes: bytes.length });
    expect(linked).toMatchObject({ url: 'https://cdn.example/a.jpg', contentType: 'image/jpeg' });
    const media = await fetch(uploaded.url);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer())).toEqual(bytes);

    const bad = await create({ text: 'bad', media: [{ dataBase64: bytes.toString('base64'), contentType: 'image/png', checksum: 'sha256:' + '0'.repeat(64) }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('checksum_mismatch');
  });

  it('lists the identity’s recent posts newest first, with limit and since', async () => {
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three']) ids.push((await create({ text })).body.id);
    const other = await userWithToken(t, 'someone');
    await api(t.sandbox.url, '/posts', { token: other.token, json: { text: 'not mine' } });

    const all = await api(t.sandbox.url, '/me/posts', { token });
    expect(all.body.data.map((p: { id: string }) => p.id)).toEqual([...ids].reverse());
    const limited = await api(t.sandbox.url, '/me/posts?limit=2', { token });
    expect(limited.body.data).toHaveLength(2);
    const future = await api(t.sandbox.url, `/me/posts?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { token });
    expect(future.body.data).toEqual([]);
    const past = await api(t.sandbox.url, `/me/posts?since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`, { token });
    expect(past.body.data).toHaveLength(3);
    expect((await api(t.sandbox.url, '/me/posts?limit=0', { token })).status).toBe(400);
    expect((await api(t.sandbox.url, '/me/posts?since=yesterday', { token })).status).toBe(400);
  });

  it('creates and lists comments', async () => {
    const post = (await create({ text: 'comment on me' })).body;
    const res = await api(t.sandbox.url, `/posts/${post.id}/comments`, { token, json: { text: 'nice' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^sbx_c_/), postId: post.id, authorId: userId, text: 'nice', createdAt: expect.any(String) });
    const list = await api(t.sandbox.url, `/posts/${post.id}/comments`, { token });
    expect(list.body.data).toEqual([res.body]);
    expect((await api(t.sandbox.url, '/posts/nope/comments', { token, json: { text: 'x' } })).status).toBe(404);
  });
});
