import { WebhookDispatcher } from '../../../services/core/webhooks-out/webhook-dispatcher';
import { WebhookSubscriptionService } from '../../../services/core/webhooks-out/webhook-subscription.service';
import { WebhookTargetRefusedError } from '../../../services/core/webhooks-out/webhook.errors';
import type { ResolvedAddress } from '../../../services/core/net/guarded-fetch';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../../factories/posts';
import { seedTenant, type SeededTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { verifyStandardWebhook, waitFor, WebhookReceiver } from './webhook-receiver';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const ALL_POST_EVENTS = ['post_scheduled', 'post_approved', 'post_published', 'post_failed', 'post_unverified'];

interface Created {
  subscription: { id: string; clientId: string | null; eventTypes: string[] };
  secret: string;
}

describe('outbound lifecycle webhooks (real Temporal, Postgres, sandbox, the delivery loop)', () => {
  let stack: TestStack;
  let receiver: WebhookReceiver;
  let dispatcher: WebhookDispatcher;
  const alerts: Record<string, string>[] = [];
  /** what the test's "DNS" answers for *.hooks.test names, per call: lets a name rebind between save and send */
  const dns = new Map<string, string[]>();
  const resolver = async (host: string): Promise<ResolvedAddress[]> => {
    const list = dns.get(host);
    const address = list && list.length > 1 ? list.shift()! : list?.[0];
    if (!address) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return [{ address, family: 4 }];
  };
  const fetchOptions = { allowHttp: true, allowPrivate: ['127.0.0.1/32'], resolver };

  beforeAll(async () => {
    // The integration tests' local-receiver allowance (docs/guarded-fetch.md): plain http, and 127.0.0.1 only.
    stack = await startTestStack({
      withWorker: true,
      connectorTimeoutMs: 1500,
      env: { RAIZE_FETCH_ALLOW_HTTP: '1', RAIZE_FETCH_ALLOW_PRIVATE: '127.0.0.1/32' },
    });
    receiver = new WebhookReceiver();
    await receiver.start();
    const deps = stack.deps!;
    dispatcher = new WebhookDispatcher(
      {
        ds: deps.ds,
        secrets: deps.secrets!,
        audit: deps.audit,
        alert: (_msg, fields) => alerts.push(fields),
        fetchOptions,
      },
      { pollMs: 200, retryDelaysSeconds: [1, 1, 1], attemptTimeoutMs: 3000 },
    );
    dispatcher.start();
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await receiver?.close();
    await stack?.close();
  });

  async function subscribe(
    actor: string,
    owner: { clientId?: string; agencyId?: string },
    url: string,
    events: string[],
  ) {
    const r = await stack.gql<{ createWebhookSubscription: Created }>(
      actor,
      `mutation($i: CreateWebhookSubscriptionInput!) {
         createWebhookSubscription(input: $i) { secret subscription { id clientId eventTypes } } }`,
      { i: { ...owner, url, eventTypes: events } },
    );
    if (!r.data) throw new Error(`createWebhookSubscription: ${JSON.stringify(r.errors)}`);
    return r.data.createWebhookSubscription;
  }

  async function publishOne(t: SeededTenant, text: string) {
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, text);
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 2,
    });
    const done = await waitForPost(
      stack,
      t.users.author,
      post.id,
      hasStatus('verified', 'unverified', 'failed', 'denied'),
    );
    return { post, done, acc };
  }

  const events = (path: string) =>
    receiver.at(path).map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });

  it('delivers post.scheduled then post.published for a post published on the sandbox, each with a valid signature', async () => {
    const t = await seedTenant(stack.ds, AUTONOMOUS);
    const created = await subscribe(
      t.users.approver,
      { clientId: t.clientId },
      receiver.url('/lifecycle'),
      ALL_POST_EVENTS,
    );
    expect(created.secret).toMatch(/^whsec_/);
    const { post, done } = await publishOne(t, 'Launch day, signed and delivered');
    expect(done.status).toBe('verified');
    await waitFor(
      'post.published at the receiver',
      () => events('/lifecycle').some((e) => e.type === 'post.published') || undefined,
    );
    const got = receiver.at('/lifecycle');
    for (const r of got) expect(verifyStandardWebhook(created.secret, r)).toBe(true);
    const types = events('/lifecycle').map((e) => e.type);
    expect(types.indexOf('post.scheduled')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('post.scheduled')).toBeLessThan(types.indexOf('post.published'));
    // A transient "not read back yet" is not a final post.unverified; a verified post sends none.
    expect(types).not.toContain('post.unverified');
    const published = events('/lifecycle').find((e) => e.type === 'post.published')!;
    expect(published.data).toMatchObject({ postId: post.id, clientId: t.clientId, url: done.url });
    // Ids and public facts: not the post's text, nor who scheduled it.
    expect(got.map((r) => r.body).join()).not.toContain('signed and delivered');
    expect(got.map((r) => r.body).join()).not.toContain(t.users.author);
    // Every delivery is one message id, logged with its attempt.
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(got.length);
    const log = await stack.gql<{
      webhookDeliveries: { eventType: string; status: string; attemptLog: { statusCode: number }[] }[];
    }>(
      t.users.approver,
      'query($c: ID!, $s: ID!) { webhookDeliveries(clientId: $c, subscriptionId: $s) { eventType status attemptLog { statusCode } } }',
      { c: t.clientId, s: created.subscription.id },
    );
    expect(log.errors).toBeUndefined();
    const scheduled = log.data!.webhookDeliveries.find((d) => d.eventType === 'post.scheduled')!;
    expect(scheduled).toMatchObject({ status: 'delivered', attemptLog: [{ statusCode: 204 }] });
  });

  it('retries a failing receiver with backoff, same message id each time, until it answers 2xx', async () => {
    const t = await seedTenant(stack.ds, AUTONOMOUS);
    receiver.answer('/flaky', [500, 503]);
    const created = await subscribe(t.users.admin, { clientId: t.clientId }, receiver.url('/flaky'), ['post_failed']);
    const sent = await stack.gql<{ sendTestWebhook: { id: string; status: string } }>(
      t.users.admin,
      'mutation($i: WebhookSubscriptionRefInput!) { sendTestWebhook(input: $i) { id status } }',
      { i: { clientId: t.clientId, subscriptionId: created.subscription.id } },
    );
    expect(sent.data!.sendTestWebhook.status).toBe('pending');
    await waitFor('three attempts', () => (receiver.at('/flaky').length >= 3 ? true : undefined), 20_000);
    const got = receiver.at('/flaky');
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    // Waits of 1 s ±20 % between attempts (the test's schedule), not a tight loop.
    expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(750);
    expect(got[2].at - got[1].at).toBeGreaterThanOrEqual(750);
    for (const r of got) expect(verifyStandardWebhook(created.secret, r)).toBe(true);
    const log = await waitFor('the delivery delivered', async () => {
      const r = await stack.gql<{
        webhookDeliveries: {
          status: string;
          attempts: number;
          attemptLog: { statusCode: number; errorClass: string | null; responseSnippet: string | null }[];
        }[];
      }>(
        t.users.admin,
        'query($c: ID!, $s: ID!) { webhookDeliveries(clientId: $c, subscriptionId: $s) { status attempts attemptLog { statusCode errorClass responseSnippet } } }',
        { c: t.clientId, s: created.subscription.id },
      );
      const d = r.data?.webhookDeliveries[0];
      return d?.status === 'delivered' ? d : undefined;
    });
    expect(log.attempts).toBe(3);
    expect(log.attemptLog.map((a) => [a.statusCode, a.errorClass])).toEqual([
      [500, 'http_500'],
      [503, 'http_503'],
      [204, null],
    ]);
    expect(log.attemptLog[0].responseSnippet).toBe('receiver says 500');
  });

  it('a receiver answering 410 Gone disables its subscription, with an alert', async () => {
    const t = await seedTenant(stack.ds, AUTONOMOUS);
    receiver.answer('/gone', [410]);
    const created = await subscribe(t.users.admin, { clientId: t.clientId }, receiver.url('/gone'), ['post_failed']);
    await stack.gql(t.users.admin, 'mutation($i: WebhookSubscriptionRefInput!) { sendTestWebhook(input: $i) { id } }', {
      i: { clientId: t.clientId, subscriptionId: created.subscription.id },
    });
    const sub = await waitFor('the subscription disabled', async () => {
      const r = await stack.gql<{
        webhookSubscriptions: { id: string; enabled: boolean; disabledReason: string | null }[];
      }>(t.users.admin, 'query($c: ID!) { webhookSubscriptions(clientId: $c) { id enabled disabledReason } }', {
        c: t.clientId,
      });
      const s = r.data?.webhookSubscriptions.find((x) => x.id === created.subscription.id);
      return s && !s.enabled ? s : undefined;
    });
    expect(sub.disabledReason).toBe('gone');
    expect(receiver.at('/gone')).toHaveLength(1);
    expect(alerts).toContainEqual(expect.objectContaining({ subscriptionId: created.subscription.id, reason: 'gone' }));
  });

  it('after a rotation, deliveries carry two v1 signatures: the new secret and the old one each verify', async () => {
    const t = await seedTenant(stack.ds, AUTONOMOUS);
    const created = await subscribe(t.users.admin, { clientId: t.clientId }, receiver.url('/rotated'), ['post_failed']);
    const rotated = await stack.gql<{ rotateWebhookSecret: { secret: string; subscription: { id: string } } }>(
      t.users.admin,
      'mutation($i: WebhookSubscriptionRefInput!) { rotateWebhookSecret(input: $i) { secret subscription { id } } }',
      { i: { clientId: t.clientId, subscriptionId: created.subscription.id } },
    );
    const fresh = rotated.data!.rotateWebhookSecret.secret;
    expect(fresh).not.toBe(created.secret);
    await stack.gql(t.users.admin, 'mutation($i: WebhookSubscriptionRefInput!) { sendTestWebhook(input: $i) { id } }', {
      i: { clientId: t.clientId, subscriptionId: created.subscription.id },
    });
    const [r] = await waitFor('the test event', () =>
      receiver.at('/rotated').length ? receiver.at('/rotated') : undefined,
    );
    expect(r.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyStandardWebhook(fresh, r)).toBe(true);
    expect(verifyStandardWebhook(created.secret, r)).toBe(true);
    expect(JSON.parse(r.body)).toMatchObject({
      type: 'webhook.test',
      data: { subscriptionId: created.subscription.id },
    });
  });

  it('[C-35] refuses private, loopback and metadata targets when a subscription is saved', async () => {
    const t = await seedTenant(stack.ds, AUTONOMOUS);
    for (const url of [
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://127.0.0.2:9/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0x7f.2/hook',
    ]) {
      const r = await stack.gql(
        t.users.admin,
        'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret } }',
        { i: { clientId: t.clientId, url, eventTypes: ['post_published'] } },
      );
      expect({ url, code: r.errors?.[0].extensions?.code }).toEqual({ url, code: 'BAD_USER_INPUT' });
      expect(r.errors?.[0].message).toMatch(/private_address/);
    }
    const creds = await stack.gql(
      t.users.admin,
      'mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret } }',
      { i: { clientId: t.clientId, url: 'https://user:pw@example.com/hook', eventTypes: ['post_published'] } },
    );
    expect(creds.errors?.[0].message).toMatch(/credentials_in_url/);
    const rows: unknown[] = await stack.ds.query('SELECT id FROM webhook_subscriptions WHERE client_id = $1', [
      t.clientId,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('[C-35] refuses at delivery a target that resolved to an allowed address when saved and rebinds to a private one', async () => {
    const t = await seedTenant(stack.ds, AUTONOMOUS);
    const service = new WebhookSubscriptionService({
      ds: stack.deps!.ds,
      secrets: stack.deps!.secrets!,
      audit: stack.deps!.audit,
      fetchOptions: () => fetchOptions,
    });
    const host = 'rebind.hooks.test';
    dns.set(host, ['10.0.0.9']);
    // Refused when saved while the name points inside.
    await expect(
      runInTenantScope(
        stack.deps!.ds,
        { ...(await clientScope(stack.deps!.ds, t.clientId)), actorId: t.users.admin },
        () =>
          service.create(
            { agencyId: t.agencyId, clientId: t.clientId },
            {
              url: `http://${host}:${receiver.port}/rebind`,
              eventTypes: ['post.failed'],
              actorId: t.users.admin,
            },
          ),
      ),
    ).rejects.toEqual(new WebhookTargetRefusedError('private_address'));
    // Saved while it points at the (allowed) local receiver; then it rebinds to a private address before the send.
    dns.set(host, ['127.0.0.1', '10.0.0.9']);
    const scope = { ...(await clientScope(stack.deps!.ds, t.clientId)), actorId: t.users.admin };
    const created = await runInTenantScope(stack.deps!.ds, scope, () =>
      service.create(
        { agencyId: t.agencyId, clientId: t.clientId },
        {
          url: `http://${host}:${receiver.port}/rebind`,
          eventTypes: ['post.failed'],
          actorId: t.users.admin,
        },
      ),
    );
    await stack.gql(t.users.admin, 'mutation($i: WebhookSubscriptionRefInput!) { sendTestWebhook(input: $i) { id } }', {
      i: { clientId: t.clientId, subscriptionId: created.subscription.id },
    });
    const attempt = await waitFor('the refused attempt', async () => {
      const rows: { error_class: string; status_code: number | null }[] = await stack.ds.query(
        `SELECT a.error_class, a.status_code FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
         WHERE d.subscription_id = $1`,
        [created.subscription.id],
      );
      return rows[0];
    });
    expect(attempt).toEqual({ error_class: 'blocked:private_address', status_code: null });
    expect(receiver.at('/rebind')).toHaveLength(0);
  });

  it("[C-01] another client's events never reach a subscription, and its deliveries answer NOT_FOUND to another tenant", async () => {
    const a = await seedTenant(stack.ds, AUTONOMOUS);
    const b = await seedTenant(stack.ds, AUTONOMOUS);
    const subA = await subscribe(a.users.admin, { clientId: a.clientId }, receiver.url('/tenant-a'), ALL_POST_EVENTS);
    // B's agency-wide subscription covers every client of agency B, and nothing of agency A.
    const subB = await subscribe(b.users.admin, { agencyId: b.agencyId }, receiver.url('/tenant-b'), ALL_POST_EVENTS);
    expect(subB.subscription.clientId).toBeNull();
    const { post: postA } = await publishOne(a, 'Only for tenant A');
    const { post: postB } = await publishOne(b, 'Only for tenant B');
    await waitFor('both published events', () =>
      events('/tenant-a').some((e) => e.type === 'post.published') &&
      events('/tenant-b').some((e) => e.type === 'post.published')
        ? true
        : undefined,
    );
    expect(new Set(events('/tenant-a').map((e) => e.data.clientId))).toEqual(new Set([a.clientId]));
    expect(new Set(events('/tenant-a').map((e) => e.data.postId))).toEqual(new Set([postA.id]));
    expect(new Set(events('/tenant-b').map((e) => e.data.clientId))).toEqual(new Set([b.clientId]));
    expect(new Set(events('/tenant-b').map((e) => e.data.postId))).toEqual(new Set([postB.id]));
    for (const r of receiver.at('/tenant-b')) expect(verifyStandardWebhook(subB.secret, r)).toBe(true);
    const probe = await stack.gql(
      b.users.admin,
      'query($c: ID!, $s: ID!) { webhookDeliveries(clientId: $c, subscriptionId: $s) { id } }',
      { c: a.clientId, s: subA.subscription.id },
    );
    expect(probe.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ownClientForeignSub = await stack.gql(
      b.users.admin,
      'query($c: ID!, $s: ID!) { webhookDeliveries(clientId: $c, subscriptionId: $s) { id } }',
      { c: b.clientId, s: subA.subscription.id },
    );
    expect(ownClientForeignSub.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // A Publisher may not manage webhooks.
    const publisher = await stack.gql(a.users.author, 'query($c: ID!) { webhookSubscriptions(clientId: $c) { id } }', {
      c: a.clientId,
    });
    expect(publisher.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
