import { createHash } from 'node:crypto';
import { api, bootSandbox, userWithToken, type TestSandbox } from './sandbox.test-helpers';
import type { Comment, ListResponse, PostsPage, SandboxErrorBody, SandboxPost } from './sandbox.types';

// jest types its asymmetric matchers (expect.any, expect.stringMatching) as `any`: `as unknown` keeps them typed.

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

  const create = <T = SandboxPost>(json: unknown, key?: string) =>
    api<T>(t.sandbox.url, '/posts', { token, json, headers: key ? { 'idempotency-key': key } : {} });
  const getPost = (id: string) => api<SandboxPost>(t.sandbox.url, `/posts/${id}`, { token });
  const myPosts = (query = '', as = token) => api<PostsPage>(t.sandbox.url, `/me/posts${query}`, { token: as });
  const myPostsError = (query: string) => api<SandboxErrorBody>(t.sandbox.url, `/me/posts${query}`, { token });

  it('creates a post with a public URL', async () => {
    const res = await create({ text: 'hello world' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^sbx_p_/) as unknown,
      url: `${t.sandbox.url}/p/${res.body.id}`,
      text: 'hello world',
      media: [],
      authorId: userId,
      createdAt: expect.any(String) as unknown,
      requestKey: null,
    });
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const fetched = await getPost(res.body.id);
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
    expect(log.filter((r) => r.path === '/posts' && r.idempotencyKey === 'key-1').map((r) => r.status)).toEqual([
      201, 200,
    ]);
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
    const res = await create<SandboxErrorBody>({ text: 'different' }, 'key-3');
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: { code: 'idempotency_key_reused', message: expect.any(String) as unknown } });
    expect(await t.admin.listPosts()).toHaveLength(1);
  });

  it('scopes idempotency keys to the identity', async () => {
    const other = await userWithToken(t, 'other');
    await create({ text: 'same' }, 'shared-key');
    const res = await api<SandboxPost>(t.sandbox.url, '/posts', {
      token: other.token,
      json: { text: 'same' },
      headers: { 'idempotency-key': 'shared-key' },
    });
    expect(res.status).toBe(201);
    expect(res.body.authorId).toBe(other.user.id);
  });

  it('validates the body', async () => {
    for (const body of [
      {},
      { text: '' },
      { text: '   ' },
      { text: 'x'.repeat(5001) },
      { text: 'ok', media: [{ contentType: 'image/png' }] },
    ]) {
      const res = await create<SandboxErrorBody>(body);
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

    const bad = await create<SandboxErrorBody>({
      text: 'bad',
      media: [{ dataBase64: bytes.toString('base64'), contentType: 'image/png', checksum: 'sha256:' + '0'.repeat(64) }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('checksum_mismatch');
  });

  it('lists the identity’s recent posts newest first, with limit and since', async () => {
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three']) ids.push((await create({ text })).body.id);
    const other = await userWithToken(t, 'someone');
    await api(t.sandbox.url, '/posts', { token: other.token, json: { text: 'not mine' } });

    const all = await myPosts();
    expect(all.body.data.map((p) => p.id)).toEqual([...ids].reverse());
    const limited = await myPosts('?limit=2');
    expect(limited.body.data).toHaveLength(2);
    const future = await myPosts(`?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.data).toEqual([]);
    const past = await myPosts(`?since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`);
    expect(past.body.data).toHaveLength(3);
    expect((await api(t.sandbox.url, '/me/posts?limit=0', { token })).status).toBe(400);
    expect((await api(t.sandbox.url, '/me/posts?since=yesterday', { token })).status).toBe(400);
  });

  it('pages through the identity’s posts with limit and cursor, newest first, down to since', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      if (i === 4) await new Promise((r) => setTimeout(r, 20)); // a createdAt of its own for the since cut below
      ids.push((await create({ text: `p${i}` })).body.id);
    }
    const newestFirst = [...ids].reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await myPosts(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((p) => p.id));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(newestFirst);
    expect(pages).toBe(3);
    // A page stays put when newer posts arrive on top of it.
    const first = await myPosts('?limit=2');
    const firstCursor = first.body.next_cursor!;
    await create({ text: 'newer' });
    const second = await myPosts(`?limit=2&cursor=${encodeURIComponent(firstCursor)}`);
    expect(second.body.data.map((p) => p.id)).toEqual(newestFirst.slice(2, 4));
    // since bounds the walk: the last page ends at the oldest post not older than since.
    const cut = (await t.admin.listPosts()).find((p) => p.id === ids[4])!.createdAt;
    const bounded = await myPosts(`?limit=100&since=${encodeURIComponent(cut)}`);
    expect(bounded.body.data.map((p) => p.id).slice(-3)).toEqual([ids[6], ids[5], ids[4]]);
    expect(bounded.body.next_cursor).toBeNull();
    expect((await myPostsError('?cursor=bm9wZQ')).body.error.code).toBe('invalid_cursor');
    const other = await userWithToken(t, 'cursor-thief');
    expect((await myPosts(`?cursor=${encodeURIComponent(firstCursor)}`, other.token)).status).toBe(400);
  });

  it('stores the Idempotency-Key on the post and echoes it as requestKey, even when it does not dedupe', async () => {
    const keyed = await create({ text: 'keyed' }, 'req-key-1');
    expect(keyed.body.requestKey).toBe('req-key-1');
    expect((await getPost(keyed.body.id)).body.requestKey).toBe('req-key-1');
    expect((await myPosts()).body.data[0].requestKey).toBe('req-key-1');
    await t.admin.setFlags({ ignoreIdempotencyKey: true });
    const again = await create({ text: 'keyed' }, 'req-key-1');
    expect(again.status).toBe(201);
    expect(again.body.requestKey).toBe('req-key-1');
  });

  it('keeps no request id in its answers when the echoRequestKey flag is off', async () => {
    expect((await t.admin.getFlags()).echoRequestKey).toBe(true);
    expect(await t.admin.setFlags({ echoRequestKey: false })).toMatchObject({
      echoRequestKey: false,
      ignoreIdempotencyKey: false,
    });
    const res = await create({ text: 'anonymous request' }, 'req-key-2');
    expect(res.body).not.toHaveProperty('requestKey');
    expect((await getPost(res.body.id)).body).not.toHaveProperty('requestKey');
    expect((await myPosts()).body.data[0]).not.toHaveProperty('requestKey');
    // Deduplication still works; the admin view still knows the key.
    expect((await create({ text: 'anonymous request' }, 'req-key-2')).status).toBe(200);
    expect((await t.admin.listPosts())[0]!.requestKey).toBe('req-key-2');
    await t.admin.reset();
    expect((await t.admin.getFlags()).echoRequestKey).toBe(true);
  });

  it('creates and lists comments', async () => {
    const post = (await create({ text: 'comment on me' })).body;
    const res = await api<Comment>(t.sandbox.url, `/posts/${post.id}/comments`, { token, json: { text: 'nice' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^sbx_c_/) as unknown,
      postId: post.id,
      authorId: userId,
      text: 'nice',
      createdAt: expect.any(String) as unknown,
    });
    const list = await api<ListResponse<Comment>>(t.sandbox.url, `/posts/${post.id}/comments`, { token });
    expect(list.body.data).toEqual([res.body]);
    expect((await api(t.sandbox.url, '/posts/nope/comments', { token, json: { text: 'x' } })).status).toBe(404);
  });
  it('the admin API takes a post down, edits its text or moves it to another author, behind the API’s back', async () => {
    const post = (await create({ text: 'as approved' })).body;
    const other = await userWithToken(t, 'someone-else');
    expect((await t.admin.editPost(post.id, { text: 'edited in the app' })).text).toBe('edited in the app');
    expect((await getPost(post.id)).body).toMatchObject({ text: 'edited in the app', authorId: userId });
    await t.admin.editPost(post.id, { authorId: other.user.id });
    expect((await getPost(post.id)).body.authorId).toBe(other.user.id);
    await expect(t.admin.editPost(post.id, {})).rejects.toMatchObject({ status: 400 });
    await t.admin.deletePost(post.id);
    expect((await getPost(post.id)).status).toBe(404);
    await expect(t.admin.deletePost(post.id)).rejects.toMatchObject({ status: 404 });
  });
});
