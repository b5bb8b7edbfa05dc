import { signSandboxPayload, verifySandboxSignature } from './webhook-signature';
import {
  api,
  bootSandbox,
  startWebhookReceiver,
  userWithToken,
  type ReceivedWebhook,
  type TestSandbox,
  type WebhookReceiver,
} from './sandbox.test-helpers';
import type { Comment, SandboxPost, WebhookEvent } from './sandbox.types';

/** The receiver keeps any JSON it gets; the sandbox sends only webhook events. */
const eventOf = (hook: ReceivedWebhook): WebhookEvent | null => hook.json as WebhookEvent | null;

describe('verifySandboxSignature', () => {
  it('accepts the matching signature and rejects anything else', () => {
    const body = Buffer.from('{"a":1}');
    const header = signSandboxPayload('secret', body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySandboxSignature('secret', body, header)).toBe(true);
    expect(verifySandboxSignature('secret', body.toString(), header)).toBe(true);
    expect(verifySandboxSignature('other', body, header)).toBe(false);
    expect(verifySandboxSignature('secret', '{"a":2}', header)).toBe(false);
    expect(verifySandboxSignature('secret', body, 'sha256=zz')).toBe(false);
    expect(verifySandboxSignature('secret', body, '')).toBe(false);
    expect(verifySandboxSignature('secret', body, header.replace('sha256=', 'sha1='))).toBe(false);
  });
});

describe('sandbox webhooks', () => {
  let t: TestSandbox;
  let receiver: WebhookReceiver;
  const SECRET = 'whsec_test';

  beforeAll(async () => {
    t = await bootSandbox();
  });
  afterAll(() => t.sandbox.close());

  beforeEach(async () => {
    await t.admin.reset();
    receiver = await startWebhookReceiver();
    await t.admin.registerWebhook({ url: receiver.url, secret: SECRET });
  });
  afterEach(() => receiver.close());

  async function postAndComment(): Promise<{ postId: string; commentId: string }> {
    const { token } = await userWithToken(t, 'author');
    const post = await api<SandboxPost>(t.sandbox.url, '/posts', { token, json: { text: 'hi' } });
    const comment = await api<Comment>(t.sandbox.url, `/posts/${post.body.id}/comments`, {
      token,
      json: { text: 'first!' },
    });
    return { postId: post.body.id, commentId: comment.body.id };
  }

  it('delivers signed comment.created events that verify, and a tampered body fails', async () => {
    const { postId, commentId } = await postAndComment();
    await receiver.waitFor(2);
    const hook = receiver.received.find((r) => eventOf(r)?.type === 'comment.created')!;
    expect(hook).toBeDefined();
    const event = eventOf(hook)!;
    expect(event).toMatchObject({
      type: 'comment.created',
      data: { comment: { id: commentId, postId, text: 'first!' }, post: { id: postId } },
    });
    expect(hook.headers['x-sandbox-delivery']).toBe(event.id);
    expect(Number(hook.headers['x-sandbox-timestamp'])).toBeGreaterThan(1_600_000_000);

    const signature = hook.headers['x-sandbox-signature'] as string;
    expect(verifySandboxSignature(SECRET, hook.rawBody, signature)).toBe(true);
    const tampered = Buffer.from(hook.rawBody.toString('utf8').replace('first!', 'hacked'));
    expect(verifySandboxSignature(SECRET, tampered, signature)).toBe(false);
    expect(verifySandboxSignature('wrong-secret', hook.rawBody, signature)).toBe(false);

    expect(
      receiver.received.some((r) => {
        const e = eventOf(r);
        return e?.type === 'post.created' && e.data.post.id === postId;
      }),
    ).toBe(true);
  });

  it('sends every delivery twice with the same id when duplicateWebhooks is set', async () => {
    await t.admin.setFlags({ duplicateWebhooks: true });
    const { token } = await userWithToken(t, 'dup');
    const post = await api<SandboxPost>(t.sandbox.url, '/posts', { token, json: { text: 'dup' } });
    await receiver.waitFor(2);
    await t.sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received;
    expect(eventOf(a!)!.id).toBe(eventOf(b!)!.id);
    expect(a!.headers['x-sandbox-delivery']).toBe(b!.headers['x-sandbox-delivery']);
    expect(a!.rawBody.equals(b!.rawBody)).toBe(true);
    expect((eventOf(a!)!.data as { post: { id: string } }).post.id).toBe(post.body.id);
  });

  it('delivery faults: each event 3 times with one id, events dropped and listed, an old one replayed', async () => {
    await t.admin.setWebhookFaults({ copies: 3 });
    const { token } = await userWithToken(t, 'triple');
    await api<SandboxPost>(t.sandbox.url, '/posts', { token, json: { text: 'thrice' } });
    await receiver.waitFor(3);
    await t.sandbox.webhooks.idle();
    expect(new Set(receiver.received.map((r) => r.headers['x-sandbox-delivery'])).size).toBe(1);
    const first = receiver.received[0]!;

    receiver.received.length = 0;
    await t.admin.setWebhookFaults({ dropRate: 1 });
    const lost = await api<SandboxPost>(t.sandbox.url, '/posts', { token, json: { text: 'never told' } });
    await t.sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(0);
    const faults = await t.admin.getWebhookFaults();
    expect(faults.dropped).toHaveLength(1);

    await t.admin.clearWebhookFaults();
    await t.admin.replayWebhook(eventOf(first)!.id);
    await t.admin.replayWebhook(faults.dropped[0]!);
    await receiver.waitFor(2);
    const byId = new Map(receiver.received.map((r) => [eventOf(r)!.id, r]));
    expect([...byId.keys()].sort()).toEqual([eventOf(first)!.id, faults.dropped[0]!].sort());
    expect(byId.get(eventOf(first)!.id)!.rawBody.equals(first.rawBody)).toBe(true);
    expect((eventOf(byId.get(faults.dropped[0]!)!)!.data as { post: { id: string } }).post.id).toBe(lost.body.id);
    await expect(t.admin.replayWebhook('sbx_evt_unknown')).rejects.toMatchObject({ status: 404 });
  });

  it('retries failed deliveries with the same delivery id', async () => {
    receiver.respondWith.push(500, 503);
    const user = await t.admin.createUser({ username: 'fan', password: 'x' });
    const { token } = await userWithToken(t, 'star');
    const post = await api<SandboxPost>(t.sandbox.url, '/posts', { token, json: { text: 'retry me' } });
    await t.sandbox.webhooks.idle();
    receiver.received.length = 0;
    receiver.respondWith.push(500, 502);

    await t.admin.createComment({ postId: post.body.id, authorId: user.id, text: 'from admin' });
    await receiver.waitFor(3);
    await t.sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => eventOf(r)!.id)).size).toBe(1);
    const deliveries = (await t.admin.listWebhookDeliveries()).filter((d) => d.type === 'comment.created');
    expect(deliveries.map((d) => [d.attempt, d.ok])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it('does not block the request when the subscriber is down', async () => {
    await t.admin.reset();
    await t.admin.registerWebhook({ url: 'http://127.0.0.1:9/unreachable', secret: 's' });
    const { token } = await userWithToken(t, 'lonely');
    const started = Date.now();
    const res = await api(t.sandbox.url, '/posts', { token, json: { text: 'nobody listens' } });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
