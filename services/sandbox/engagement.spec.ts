import { api, bootSandbox, startWebhookReceiver, userWithToken, type TestSandbox } from './sandbox.test-helpers';
import type { WebhookReceiver } from './sandbox.test-helpers';
import type { Comment, CommentView, DirectMessage, SandboxPost, WebhookEvent } from './sandbox.types';

describe('sandbox engagement API (replies, hide, like, DMs)', () => {
  let t: TestSandbox;
  let receiver: WebhookReceiver;
  let owner: { id: string; token: string };
  let fan: { id: string; token: string };
  let comment: Comment;

  beforeAll(async () => {
    t = await bootSandbox();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await t.sandbox.close();
    await receiver.close();
  });

  beforeEach(async () => {
    await t.admin.reset();
    receiver.received.length = 0;
    const o = await userWithToken(t, 'brand');
    const f = await userWithToken(t, 'fan');
    owner = { id: o.user.id, token: o.token };
    fan = { id: f.user.id, token: f.token };
    const post = await api<SandboxPost>(t.sandbox.url, '/posts', { token: owner.token, json: { text: 'launch' } });
    comment = await t.admin.createComment({ postId: post.body.id, authorId: fan.id, text: 'when is it out?' });
  });

  const readBack = (id: string, token = owner.token) => api<CommentView>(t.sandbox.url, `/comments/${id}`, { token });
  const reply = (text: string, key?: string, token = owner.token) =>
    api<Comment>(t.sandbox.url, `/comments/${comment.id}/replies`, {
      token,
      json: { text },
      headers: key ? { 'idempotency-key': key } : {},
    });

  it('the post owner replies once per Idempotency-Key, and the reply reads back under the comment', async () => {
    const first = await reply('Friday!', 'k-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ parentId: comment.id, authorId: owner.id, text: 'Friday!', requestKey: 'k-1' });
    const again = await reply('Friday!', 'k-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await reply('Saturday!', 'k-1')).status).toBe(422);
    const back = await readBack(comment.id);
    expect(back.body.replies.map((r) => r.id)).toEqual([first.body.id]);
  });

  it('only the post owner may reply to or hide a comment', async () => {
    expect((await reply('I answer for the brand', undefined, fan.token)).status).toBe(403);
    const hide = await api(t.sandbox.url, `/comments/${comment.id}/hide`, { token: fan.token, json: {} });
    expect(hide.status).toBe(403);
    expect((await readBack(comment.id)).body).toMatchObject({ hidden: false, replies: [] });
  });

  it('hides and unhides a comment, likes it once, and the read-back shows both', async () => {
    const hidden = await api<CommentView>(t.sandbox.url, `/comments/${comment.id}/hide`, {
      token: owner.token,
      json: {},
    });
    expect(hidden.body.hidden).toBe(true);
    for (let i = 0; i < 2; i++) {
      const liked = await api<CommentView>(t.sandbox.url, `/comments/${comment.id}/like`, {
        token: owner.token,
        method: 'POST',
      });
      expect(liked.status).toBe(200);
    }
    const back = await readBack(comment.id);
    expect(back.body).toMatchObject({ hidden: true, likedBy: [owner.id], likedByMe: true });
    await api(t.sandbox.url, `/comments/${comment.id}/hide`, { token: owner.token, json: { hidden: false } });
    expect((await readBack(comment.id)).body.hidden).toBe(false);
    expect((await readBack('sbx_c_missing')).status).toBe(404);
  });

  it('DMs: a user writes to the account (dm.created), the account answers once per key, each reads only its own', async () => {
    await t.admin.registerWebhook({ url: receiver.url, secret: 's' });
    const incoming = await t.admin.sendDm({ fromUserId: fan.id, toUserId: owner.id, text: 'hello brand' });
    const [hook] = await receiver.waitFor(1);
    const event = hook!.json as WebhookEvent;
    expect(event.type).toBe('dm.created');
    expect(event.data).toEqual({
      message: expect.objectContaining({ id: incoming.id, toUserId: owner.id }) as unknown,
    });

    const send = (text: string) =>
      api<DirectMessage>(t.sandbox.url, '/dms', {
        token: owner.token,
        json: { to: fan.id, text },
        headers: { 'idempotency-key': 'dm-1' },
      });
    const sent = await send('hi fan');
    expect(sent.status).toBe(201);
    expect((await send('hi fan')).body.id).toBe(sent.body.id);
    const thread = await api<{ data: DirectMessage[] }>(t.sandbox.url, `/dms?with=${fan.id}`, { token: owner.token });
    expect(thread.body.data.map((d) => d.id)).toEqual([sent.body.id, incoming.id]);
    expect(thread.body.data[0]!.requestKey).toBe('dm-1');

    const stranger = await userWithToken(t, 'stranger');
    expect((await api(t.sandbox.url, `/dms/${sent.body.id}`, { token: stranger.token })).status).toBe(404);
    expect((await api(t.sandbox.url, `/dms/${sent.body.id}`, { token: fan.token })).status).toBe(200);
    const bad = await api(t.sandbox.url, '/dms', { token: owner.token, json: { to: 'sbx_u_nobody', text: 'x' } });
    expect(bad.status).toBe(404);
  });
});
