import { createInstagramWriter } from '../../../../services/core/connectors/instagram/instagram.writer';
import { instagramPlatform } from '../../../../services/core/connectors/instagram/instagram.platform';
import { IG_ERRORS } from '../../../../services/emulators/platforms/instagram/instagram-graph-errors';
import type { IgWorld } from './instagram-fixture';
import { failure, jpeg, memoryResume, noWait, publishMedia, received, startIgWorld } from './instagram-fixture';

/** Each documented error class, produced by the emulator and mapped by the connector. */
describe('Instagram errors, end to end against the emulator', () => {
  let w: IgWorld;
  const writer = () => createInstagramWriter(w.settings);
  const reader = () => instagramPlatform.createReader(w.settings);
  const image = (name: string, bytes = jpeg(), contentType = 'image/jpeg', delayMs = 0) =>
    publishMedia('image', bytes, w.host.put(`/${name}`, bytes, contentType, delayMs), contentType);
  const publish = (name: string, opts: { resume?: ReturnType<typeof memoryResume> } = {}) =>
    writer().publish(w.cred, { text: `post ${name}`, media: [image(name)] }, `k-${name}`, { sleep: noWait, ...opts });
  const publishPath = () => `/v25.0/${w.account}/media_publish`;

  beforeEach(async () => {
    w = await startIgWorld();
  });
  afterEach(() => w.close());

  it('2207051 action blocked: permanent with action_blocked, tried once, nothing posted', async () => {
    w.emu.blockActions(w.account);
    const err = await failure(publish('blocked'));
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'action_blocked', platformCode: '4/2207051' } });
    expect(received(w.emu, 'POST', '/media_publish')).toBe(1);
    expect(w.emu.posts(w.account)).toHaveLength(0);
  });

  it('2207042 on media_publish: rate_limited with daily_limit and when the window rolls', async () => {
    w.emu.nextGraphError(IG_ERRORS.dailyLimit, { match: { method: 'POST', path: publishPath() } });
    const err = await failure(publish('limit'));
    expect(err).toMatchObject({ kind: 'rate_limited', details: { health: 'daily_limit', platformCode: '9/2207042' } });
    expect(Date.parse(err.details.retryAt!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });

  it('2207004 an image over 8 MiB: permanent with media_rejected; Instagram really fetched it and refused', async () => {
    const big = jpeg(1080, 1080, 8 * 1024 * 1024 + 1);
    const err = await failure(
      writer().publish(w.cred, { text: 'big', media: [image('big.jpg', big)] }, 'k', { sleep: noWait }),
    );
    expect(err).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: '36000/2207004' },
    });
    expect(w.host.hits('/big.jpg')).toBe(1);
    expect(w.emu.containers(w.account)).toHaveLength(0);
  });

  it('2207005 a PNG and 2207009 a 9:16 image: permanent with media_rejected', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const e1 = await failure(
      writer().publish(w.cred, { text: 'png', media: [image('a.png', png, 'image/png')] }, 'k1'),
    );
    expect(e1).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: '36001/2207005' },
    });
    const tall = jpeg(1080, 1920);
    const e2 = await failure(writer().publish(w.cred, { text: 'tall', media: [image('tall.jpg', tall)] }, 'k2'));
    expect(e2).toMatchObject({ kind: 'permanent', details: { platformCode: '36003/2207009' } });
  });

  it('2207003 the download times out: transient (a new container on the next try)', async () => {
    w.emu.setDownloadTimeoutMs(100);
    const slow = image('slow.jpg', jpeg(), 'image/jpeg', 1000);
    const err = await failure(writer().publish(w.cred, { text: 'slow', media: [slow] }, 'k', { sleep: noWait }));
    expect(err).toMatchObject({ kind: 'transient', details: { platformCode: '-2/2207003' } });
  });

  it('2207020 on media_publish (the container expired): transient, and the saved container is forgotten', async () => {
    const resume = memoryResume();
    w.emu.nextGraphError(IG_ERRORS.containerExpired, { match: { method: 'POST', path: publishPath() } });
    const err = await failure(publish('expired', { resume }));
    expect(err).toMatchObject({ kind: 'transient', details: { platformCode: '-2/2207020' } });
    expect(resume.values.igContainerId).toBe('');
    await publish('expired', { resume });
    expect(w.emu.containers(w.account)).toHaveLength(2);
    expect(w.emu.posts(w.account)).toHaveLength(1);
  });

  it.each([
    ['2207032 create failed', IG_ERRORS.createFailed, '-1/2207032'],
    ['2207053 unknown upload error', IG_ERRORS.uploadUnknown, '-1/2207053'],
  ])('%s on the container: transient, nothing saved to resume', async (_name, error, code) => {
    const resume = memoryResume();
    w.emu.nextGraphError(error, { match: { method: 'POST', path: `/v25.0/${w.account}/media` } });
    const err = await failure(publish('c', { resume }));
    expect(err).toMatchObject({ kind: 'transient', details: { platformCode: code } });
    expect(resume.values.igContainerId).toBeUndefined();
  });

  it('a lost answer while creating a container is transient, not an unknown post: a container alone posts nothing', async () => {
    w.emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: `/v25.0/${w.account}/media` } });
    expect((await failure(publish('drop'))).kind).toBe('transient');
  });

  it('[C-52] a Graph throttle: rate_limited, waiting what x-business-use-case-usage estimates', async () => {
    w.emu.throttle({ code: 4, regainMinutes: 19 });
    const err = await failure(publish('throttled'));
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'rate_limited', retryAfterSeconds: 19 * 60, platformCode: '4' },
    });
    expect(w.emu.containers(w.account)).toHaveLength(0);
  });

  it('a retired Graph version: the emulator refuses the pinned one and the connector says api_version_sunset', async () => {
    w.emu.setOldestVersion('v26.0');
    const err = await failure(reader().identity(w.cred));
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'api_version_sunset', platformCode: '2635' } });
    expect((await failure(publish('old'))).details.health).toBe('api_version_sunset');
  });

  it('a revoked token (the user removed the app): auth with token_revoked, before anything is created', async () => {
    w.emu.revokeApp(w.account);
    expect(await failure(reader().identity(w.cred))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: '190/460' },
    });
    expect((await failure(publish('revoked'))).kind).toBe('auth');
    expect(received(w.emu, 'POST', '/media')).toBe(0);
  });

  it('an expired token: auth with token_expired', async () => {
    w.emu.tokens.expire(w.cred.accessToken);
    expect(await failure(reader().identity(w.cred))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_expired', platformCode: '190/463' },
    });
  });

  it('a token without the publishing permission: standing names it, publishing is refused with missing_permissions', async () => {
    const cred = { accessToken: w.emu.grant(w.account, ['instagram_business_basic']).accessToken };
    expect(await reader().standing(cred)).toMatchObject({
      missing: [
        expect.stringMatching(/instagram_business_content_publish/),
        expect.stringMatching(/instagram_business_manage_insights/),
      ],
    });
    const err = await failure(writer().publish(cred, { text: 'x', media: [image('p.jpg')] }, 'k', { sleep: noWait }));
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'missing_permissions' } });
  });

  it("a post that is not there, or is another account's: readPost is null", async () => {
    const other = w.emu.accounts()[1]!.id;
    const theirs = await createInstagramWriter(w.settings).publish(
      { accessToken: w.emu.grant(other).accessToken },
      { text: 'theirs', media: [image('t.jpg')] },
      'k',
      { sleep: noWait },
    );
    expect(await reader().readPost(w.cred, theirs.post.postId)).toBeNull();
    expect(await reader().readPost(w.cred, '17900000000099999')).toBeNull();
  });
});
