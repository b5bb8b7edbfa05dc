import { createHash } from 'node:crypto';
import { PlatformAccount } from '../../../services/core/database/entities';
import type { InstagramEmulator } from '../../../services/emulators/platforms/instagram/instagram.emulator';
import { startInstagramEmulator } from '../../../services/emulators/platforms/instagram/instagram.emulator';
import type { LinkedInEmulator } from '../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { startLinkedInEmulator } from '../../../services/emulators/platforms/linkedin/linkedin.emulator';
import type { XEmulator } from '../../../services/emulators/platforms/x/x.emulator';
import { startXEmulator } from '../../../services/emulators/platforms/x/x.emulator';
import type { EmulatedConnection } from '../../factories/connect-emulated';
import { connectEmulatedAccount, releaseEmulatedAccounts } from '../../factories/connect-emulated';
import type { PlatformEmulator } from '../../../services/emulators/platforms/kit/platform-emulator';
import { createMediaAsset, renderJpeg, renderMp4, uploadMedia } from '../../factories/media';
import type { PostView } from '../../factories/posts';
import { createAsset, hasStatus, proofOf, schedulePost, waitForPost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The publishing episode end to end on real platforms' wire formats: the API schedules, Temporal waits for the slot,
 * the guard runs the kernel (tenant, policy, fingerprint, ledger), the connector runs the platform's own flow against
 * its emulator, reads the post back, and the proof records the media that went out.
 */
describe('publishing on Instagram, X and LinkedIn through the guard (real Temporal, Postgres, OPA; platform emulators)', () => {
  let stack: TestStack;
  let instagram: InstagramEmulator;
  let x: XEmulator;
  let linkedin: LinkedInEmulator;
  const video = renderMp4(4);
  const image = renderJpeg();

  beforeAll(async () => {
    [instagram, x, linkedin] = await Promise.all([startInstagramEmulator(), startXEmulator(), startLinkedInEmulator()]);
    stack = await startTestStack({ withWorker: true, platforms: [instagram, x, linkedin] });
    tenant = await seedTenant(stack.ds, AUTONOMOUS);
  });
  afterAll(async () => {
    if (stack && tenant) await releaseEmulatedAccounts(stack, [tenant.clientId]);
    await stack?.close();
    await Promise.all([instagram?.close(), x?.close(), linkedin?.close()]);
  });

  // One client holds every connected account: an external account belongs to one agency (C-12), and each emulator
  // seeds only a few.
  let tenant: SeededTenant;
  const connected = new Map<string, EmulatedConnection>();
  async function connect(platform: PlatformEmulator, emulatedAccountId = platform.accounts()[0]!.id) {
    const key = `${platform.platform}:${emulatedAccountId}`;
    if (!connected.has(key))
      connected.set(
        key,
        await connectEmulatedAccount(stack, tenant.users.admin, tenant.clientId, platform, emulatedAccountId),
      );
    return connected.get(key)!;
  }

  async function publishWithMedia(
    platform: InstagramEmulator | XEmulator | LinkedInEmulator,
    media: { kind: 'image' | 'video'; bytes: Buffer; contentType: string },
    text: string,
  ): Promise<{ post: PostView; accountId: string; externalAccountId: string; clientId: string }> {
    const t = tenant;
    const acc = await connect(platform);
    const key = await uploadMedia(stack, t.users.author, t.clientId, media.kind, media.bytes, media.contentType);
    const asset = await createMediaAsset(stack, t.users.author, t.clientId, text, key);
    const scheduled = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 2,
    });
    const post = await waitForPost(
      stack,
      t.users.author,
      scheduled.id,
      hasStatus('verified', 'unverified', 'failed', 'denied', 'quarantined'),
    );
    return { post, accountId: acc.accountId, externalAccountId: acc.externalAccountId, clientId: t.clientId };
  }

  it('Instagram: a reel goes out through the container flow (several status polls), once, verified and proven', async () => {
    instagram.setVideoProcessingPolls(3);
    const text = 'Behind the scenes at the studio 🎬 #raize';
    const { post, externalAccountId } = await publishWithMedia(
      instagram,
      { kind: 'video', bytes: video, contentType: 'video/mp4' },
      text,
    );
    expect(post.status).toBe('verified');
    const onPlatform = instagram.posts(externalAccountId);
    expect(onPlatform).toHaveLength(1);
    expect(onPlatform[0]!.text).toBe(text);
    // What Instagram fetched from the signed artifact URL is byte for byte what was uploaded.
    expect(onPlatform[0]!.media.map((m) => m.sha256)).toEqual([sha256(video)]);
    const containers = instagram.containers(externalAccountId);
    expect(containers).toHaveLength(1);
    const statusPolls = instagram.server.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith(`/${containers[0]!.id}`),
    );
    expect(statusPolls.length).toBeGreaterThanOrEqual(4);
    const proof = proofOf(post);
    expect(proof.media).toEqual([{ contentType: 'video/mp4', sha256: sha256(video), size: video.length }]);
    expect(proof.readBack).toMatchObject({ postId: onPlatform[0]!.id, authorExternalId: externalAccountId });
  });

  it('Instagram 2207051 (action blocked) stops the post without a retry and shows in the health centre in words', async () => {
    const acc = await connect(instagram);
    instagram.blockActions(acc.externalAccountId, true);
    const publishCalls = () =>
      instagram.server.requests.filter(
        (r) => r.method === 'POST' && r.path.endsWith(`/${acc.externalAccountId}/media_publish`),
      ).length;
    const before = publishCalls();
    try {
      const key = await uploadMedia(stack, tenant.users.author, tenant.clientId, 'image', image, 'image/jpeg');
      const asset = await createMediaAsset(stack, tenant.users.author, tenant.clientId, 'blocked?', key);
      const scheduled = await schedulePost(stack, tenant.users.author, {
        clientId: tenant.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        inSeconds: 1,
      });
      const done = await waitForPost(stack, tenant.users.author, scheduled.id, hasStatus('failed', 'verified'));
      expect(done.status).toBe('failed');
      const health: {
        recent_errors: { signal: string; message: string; whatToDo: string }[];
        last_success_at: Date;
      }[] = await stack.ds.query(
        'SELECT recent_errors, last_success_at FROM account_health WHERE platform_account_id = $1',
        [acc.accountId],
      );
      expect(health[0]!.last_success_at).not.toBeNull(); // the reel earlier in this file
      expect(health[0]!.recent_errors[0]).toMatchObject({ signal: 'action_blocked' });
      expect(health[0]!.recent_errors[0]!.whatToDo.length).toBeGreaterThan(10);
      // Never retried automatically: one refused attempt, nothing published.
      expect(publishCalls() - before).toBe(1);
    } finally {
      instagram.blockActions(acc.externalAccountId, false);
    }
  });

  it('X: a video goes out through the chunked upload (initialize, append, finalize, status) and one post', async () => {
    x.setVideoPolls(2);
    const text = 'New clip is live, link in the thread';
    const before = x.statusPolls();
    const { post, externalAccountId } = await publishWithMedia(
      x,
      { kind: 'video', bytes: video, contentType: 'video/mp4' },
      text,
    );
    expect(post.status).toBe('verified');
    const onPlatform = x.posts(externalAccountId);
    expect(onPlatform).toHaveLength(1);
    expect(onPlatform[0]!.text).toBe(text);
    expect(onPlatform[0]!.media.map((m) => m.sha256)).toEqual([sha256(video)]);
    expect(x.appends().length).toBeGreaterThanOrEqual(1);
    expect(x.statusPolls() - before).toBeGreaterThanOrEqual(2);
    // X bills per post: the cost is recorded with the proof and in the client's usage.
    const proof = proofOf(post);
    expect(proof.usage?.[0]).toMatchObject({ unit: 'usd_micros', amount: 15_000 });
    const usage: { amount: string }[] = await stack.ds.query(
      `SELECT amount FROM platform_usage WHERE platform = 'x' AND idempotency_key = (SELECT idempotency_key FROM publish_jobs WHERE id = $1)`,
      [post.id],
    );
    expect(usage.map((u) => Number(u.amount))).toEqual([15_000]);
  });

  it("X spend cap: once the client's month on X reaches its cap, the next post waits; a higher cap lets it out", async () => {
    const setCap = async (monthlyUsd: number) => {
      const r = await stack.gql(
        tenant.users.admin,
        'mutation($i: UpdatePolicySettingsInput!) { updatePolicySettings(input: $i) { platformSpendCaps { platform monthlyUsd } } }',
        { i: { clientId: tenant.clientId, platformSpendCaps: [{ platform: 'x', monthlyUsd }] } },
      );
      expect(r.errors).toBeUndefined();
    };
    // The chunked-video post above cost $0.015 this month.
    await setCap(0.015);
    const acc = await connect(x);
    const before = x.posts(acc.externalAccountId).length;
    const asset = await createAsset(stack, tenant.users.author, tenant.clientId, 'one more post this month');
    const scheduled = await schedulePost(stack, tenant.users.author, {
      clientId: tenant.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 1,
    });
    const paused = await waitForPost(stack, tenant.users.author, scheduled.id, (p) =>
      p.reasons.some((r) => r.code === 'spend_cap_reached'),
    );
    expect(paused.reasons.find((r) => r.code === 'spend_cap_reached')?.message).toMatch(/15000 of 15000 USD micros/);
    expect(x.posts(acc.externalAccountId)).toHaveLength(before);
    await setCap(1);
    const done = await waitForPost(stack, tenant.users.author, scheduled.id, hasStatus('verified', 'failed'));
    expect(done.status).toBe('verified');
    expect(x.posts(acc.externalAccountId)).toHaveLength(before + 1);
    await setCap(100);
  });

  it('LinkedIn: an image goes out through the Images API upload and the Posts API, verified and proven', async () => {
    const text = 'We are hiring (engineers, designers) — come build with us!';
    const { post, externalAccountId } = await publishWithMedia(
      linkedin,
      { kind: 'image', bytes: image, contentType: 'image/jpeg' },
      text,
    );
    expect({ status: post.status, proof: post.proof }).toMatchObject({ status: 'verified' });
    const onPlatform = linkedin.posts(externalAccountId);
    expect(onPlatform).toHaveLength(1);
    expect(onPlatform[0]!.text).toBe(text);
    expect(onPlatform[0]!.media.map((m) => m.sha256)).toEqual([sha256(image)]);
    expect(proofOf(post).readBack?.authorExternalId).toBe(externalAccountId);
  });

  it('[C-19] a token that now resolves to another X account quarantines the account and posts nothing', async () => {
    const t = tenant;
    const [other, mine] = x.accounts();
    const acc = await connect(x, mine!.id);
    // The platform now answers the stored token as the other account (a swapped or re-issued token).
    const postsBefore = x.posts(other!.id).length + x.posts(mine!.id).length;
    x.tokens.repointAccount(mine!.id, other!.id);
    const key = await uploadMedia(stack, t.users.author, t.clientId, 'image', image, 'image/jpeg');
    const asset = await createMediaAsset(stack, t.users.author, t.clientId, 'this must not go out', key);
    const scheduled = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 1,
    });
    const done = await waitForPost(stack, t.users.author, scheduled.id, hasStatus('quarantined', 'verified', 'failed'));
    expect(done.status).toBe('quarantined');
    expect(x.posts(other!.id).length + x.posts(mine!.id).length).toBe(postsBefore);
    const account = await stack.ds.getRepository(PlatformAccount).findOneByOrFail({ id: acc.accountId });
    expect(account.status).toBe('quarantined');
  });

  it('a post whose media breaks the platform rules is refused when it is scheduled, with the reason', async () => {
    const t = tenant;
    const acc = await connect(instagram);
    // A 3:1 banner is outside Instagram's 4:5..1.91:1 feed shapes.
    const key = await uploadMedia(stack, t.users.author, t.clientId, 'image', renderJpeg(1500, 500), 'image/jpeg');
    const asset = await createMediaAsset(stack, t.users.author, t.clientId, 'wide banner', key);
    const r = await stack.gql(t.users.author, 'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }', {
      i: {
        clientId: t.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        scheduledAt: new Date(Date.now() + 60_000).toISOString(),
      },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/1500×500; Instagram allows at most a width\/height ratio of 1.91/);
    const jobs: unknown[] = await stack.ds.query('SELECT id FROM publish_jobs WHERE asset_id = $1', [asset.id]);
    expect(jobs).toHaveLength(0);
  });
});
