import { createInstagramWriter } from '../../../../services/core/connectors/instagram/instagram.writer';
import { instagramPlatform } from '../../../../services/core/connectors/instagram/instagram.platform';
import type { PublishContent } from '../../../../services/core/connectors/connector.types';
import type { IgWorld } from './instagram-fixture';
import {
  collect,
  failure,
  jpeg,
  memoryResume,
  mp4,
  noWait,
  publishMedia,
  received,
  startIgWorld,
} from './instagram-fixture';

/** The Instagram connector against its emulator: containers, polling, publishing, read-back and resume. */
describe('Instagram publishing, against the emulator', () => {
  let w: IgWorld;
  const writer = () => createInstagramWriter(w.settings);
  const reader = () => instagramPlatform.createReader(w.settings);
  const image = (name: string, bytes = jpeg()) =>
    publishMedia('image', bytes, w.host.put(`/${name}.jpg`, bytes, 'image/jpeg'));
  const video = (name: string, bytes = mp4()) =>
    publishMedia('video', bytes, w.host.put(`/${name}.mp4`, bytes, 'video/mp4'));

  beforeEach(async () => {
    w = await startIgWorld();
  });
  afterEach(() => w.close());

  it('publishes an image: one container, one post holding the bytes it fetched, read back with its caption', async () => {
    const m = image('photo');
    const content: PublishContent = { text: 'Hello  from   Raize\n#launch', media: [m] };
    const out = await writer().publish(w.cred, content, 'k-image', { sleep: noWait });

    const posts = w.emu.posts(w.account);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ id: out.post.postId, text: content.text, extra: { mediaType: 'IMAGE' } });
    expect(posts[0]!.media).toEqual([{ contentType: 'image/jpeg', sha256: m.checksum, size: m.size }]);
    expect(out).toMatchObject({
      replayed: false,
      post: { text: content.text, authorExternalId: w.account, requestKey: null },
      usage: [{ unit: 'requests', amount: 1 }],
    });
    expect(out.post.url).toMatch(new RegExp(`^${w.emu.url}/p/[\\w-]+/$`));
    expect(w.emu.containers(w.account)).toHaveLength(1);
    // The quota was read before anything was created; the token travelled in a header, never in a URL.
    const first = w.emu.server.requests.findIndex((r) => r.path.endsWith('/content_publishing_limit'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(
      w.emu.server.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/media')),
    );
    for (const r of w.emu.server.requests.filter((x) => !x.path.includes('token'))) {
      expect(r.query.get('access_token')).toBeNull();
      expect(r.headers.authorization).toBe(`Bearer ${w.cred.accessToken}`);
      expect(r.path).toMatch(/^\/v25\.0\//);
    }
    expect(await reader().readPost(w.cred, out.post.postId)).toMatchObject({
      postId: out.post.postId,
      text: content.text,
    });
  });

  it('publishes a reel: polls the container through IN_PROGRESS (one heartbeat a poll) and holds the video', async () => {
    w.emu.setVideoProcessingPolls(3);
    const v = video('clip');
    let beats = 0;
    const out = await writer().publish(w.cred, { text: 'a reel', media: [v] }, 'k-reel', {
      sleep: noWait,
      onProgress: () => beats++,
    });
    const statusPolls = w.emu.server.requests.filter(
      (r) => r.method === 'GET' && r.query.get('fields')?.includes('status_code'),
    );
    expect(statusPolls.length).toBe(4);
    expect(beats).toBeGreaterThanOrEqual(4);
    const [post] = w.emu.posts(w.account);
    expect(post).toMatchObject({ id: out.post.postId, extra: { mediaType: 'VIDEO', productType: 'REELS' } });
    expect(post!.media[0]).toMatchObject({ sha256: v.checksum, size: v.size });
    expect(w.emu.server.last('/v25.0/' + w.account + '/media')?.rawBody).toContain('media_type=REELS');
  });

  it('publishes a carousel of an image and a video: children first, then one CAROUSEL container, one post', async () => {
    const a = image('one');
    const b = video('two');
    const out = await writer().publish(w.cred, { text: 'carousel', media: [a, b] }, 'k-carousel', { sleep: noWait });
    const containers = w.emu.containers(w.account);
    expect(containers.map((c) => [c.kind, c.carouselItem])).toEqual([
      ['IMAGE', true],
      ['VIDEO', true],
      ['CAROUSEL', false],
    ]);
    expect(containers[2]!.children).toEqual([containers[0]!.id, containers[1]!.id]);
    const posts = w.emu.posts(w.account);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.id).toBe(out.post.postId);
    expect(posts[0]!.media.map((m) => m.sha256)).toEqual([a.checksum, b.checksum]);
    expect(received(w.emu, 'POST', '/media_publish')).toBe(1);
  });

  it('refuses media without a fetchable URL before any call that creates something', async () => {
    const bytes = jpeg();
    const err = await failure(
      writer().publish(w.cred, { text: 'x', media: [publishMedia('image', bytes, undefined)] }, 'k'),
    );
    expect(err).toMatchObject({ kind: 'permanent' });
    expect(err.message).toMatch(/^Instagram fetches media from a URL: configure the public artifact URL/);
    expect(w.emu.server.requests).toHaveLength(0);
  });

  it('[C-22] the answer to media_publish is lost after Instagram applied it: the next call finds the post, posts nothing', async () => {
    const settings = { ...w.settings, timeoutMs: 1500 };
    const resume = memoryResume();
    const since = new Date(Date.now() - 1000);
    const content = { text: 'lost answer', media: [image('lost')] };
    w.emu.loseNextPublishAnswer();
    const err = await failure(
      createInstagramWriter(settings).publish(w.cred, content, 'k-lost', { resume, sleep: noWait }),
    );
    expect(err).toMatchObject({ kind: 'outcome_unknown', details: { transport: 'timeout' } });
    expect(resume.values.igContainerId).toMatch(/^\d+$/);
    expect(w.emu.posts(w.account)).toHaveLength(1);

    const again = await createInstagramWriter(settings).publish(w.cred, content, 'k-lost', { resume, sleep: noWait });
    expect(again.replayed).toBe(true);
    expect(again.usage).toBeUndefined();
    expect(w.emu.posts(w.account)).toHaveLength(1);
    expect(again.post.postId).toBe(w.emu.posts(w.account)[0]!.id);
    // Asked the container, found the post on the account: no second container, no second media_publish.
    expect(received(w.emu, 'POST', '/media_publish')).toBe(1);
    expect(received(w.emu, 'POST', '/media')).toBe(1);
    expect((await collect(reader().ownPostsSince(w.cred, since))).map((p) => p.postId)).toEqual([again.post.postId]);
  });

  it('[C-22] the media_publish request is dropped before Instagram applied it: the next call publishes the same container once', async () => {
    const resume = memoryResume();
    const content = { text: 'dropped', media: [image('drop')] };
    w.emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: `/v25.0/${w.account}/media_publish` } });
    const err = await failure(writer().publish(w.cred, content, 'k-drop', { resume, sleep: noWait }));
    expect(err.kind).toBe('outcome_unknown');
    expect(w.emu.posts(w.account)).toHaveLength(0);

    const again = await writer().publish(w.cred, content, 'k-drop', { resume, sleep: noWait });
    expect(w.emu.posts(w.account)).toHaveLength(1);
    expect(again.post.postId).toBe(w.emu.posts(w.account)[0]!.id);
    expect(received(w.emu, 'POST', '/media')).toBe(1);
    // A third call (the answer lost again, say) still finds the post by its saved media id.
    const third = await writer().publish(w.cred, content, 'k-drop', { resume, sleep: noWait });
    expect(third).toMatchObject({ replayed: true, post: { postId: again.post.postId } });
    expect(w.emu.posts(w.account)).toHaveLength(1);
  });

  it('a container that ends in ERROR: transient, forgotten, and the next try makes a new one', async () => {
    const resume = memoryResume();
    w.emu.setVideoProcessingPolls(1);
    const broken = Buffer.from('this is not a video at all');
    const bad = publishMedia('video', broken, w.host.put('/broken.mp4', broken, 'video/mp4'));
    const err = await failure(
      writer().publish(w.cred, { text: 'bad', media: [bad] }, 'k-err', { resume, sleep: noWait }),
    );
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'media_rejected', platformCode: '2207026' } });
    expect(resume.values.igContainerId).toBe('');

    // The same side effect with a download that times out inside the container: worth a new container.
    w.emu.setDownloadTimeoutMs(100);
    const slowBytes = mp4();
    const slow = publishMedia('video', slowBytes, w.host.put('/slow.mp4', slowBytes, 'video/mp4', 1000));
    const err2 = await failure(
      writer().publish(w.cred, { text: 'slow', media: [slow] }, 'k-slow', { resume, sleep: noWait }),
    );
    expect(err2).toMatchObject({ kind: 'transient', details: { platformCode: '2207003' } });
    expect(resume.values.igContainerId).toBe('');
    w.emu.setDownloadTimeoutMs(5000);
    await writer().publish(w.cred, { text: 'slow', media: [slow] }, 'k-slow', { resume, sleep: noWait });
    expect(w.emu.containers(w.account)).toHaveLength(3);
    expect(w.emu.posts(w.account)).toHaveLength(1);
  });

  it('a saved container that EXPIRED (24 hours unpublished) is replaced by a new one on resume', async () => {
    const resume = memoryResume();
    const content = { text: 'expired', media: [image('exp')] };
    w.emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: `/v25.0/${w.account}/media_publish` } });
    await failure(writer().publish(w.cred, content, 'k-exp', { resume, sleep: noWait }));
    const first = resume.values.igContainerId;
    w.emu.clock.advance(25 * 3600);
    await writer().publish(w.cred, content, 'k-exp', { resume, sleep: noWait });
    expect(resume.values.igContainerId).not.toBe(first);
    expect(w.emu.containers(w.account)).toHaveLength(2);
    expect(w.emu.posts(w.account)).toHaveLength(1);
  });

  it('at the publishing limit: rate_limited with daily_limit and the time the window rolls, and no container', async () => {
    w.emu.setQuotaTotal(2);
    await writer().publish(w.cred, { text: 'one', media: [image('q1')] }, 'k-q1', { sleep: noWait });
    const firstAt = Date.parse(w.emu.posts(w.account)[0]!.createdAt);
    w.emu.clock.advance(60);
    await writer().publish(w.cred, { text: 'two', media: [image('q2')] }, 'k-q2', { sleep: noWait });
    const containersBefore = received(w.emu, 'POST', '/media');

    const err = await failure(
      writer().publish(w.cred, { text: 'three', media: [image('q3')] }, 'k-q3', { sleep: noWait }),
    );
    expect(err).toMatchObject({ kind: 'rate_limited', details: { health: 'daily_limit' } });
    // Graph's timestamps are whole seconds: the window rolls a day after the first post's second.
    expect(Date.parse(err.details.retryAt!)).toBe(Math.floor(firstAt / 1000) * 1000 + 86400_000);
    expect(received(w.emu, 'POST', '/media')).toBe(containersBefore);
    expect(w.host.hits('/q3.jpg')).toBe(0);

    const standing = await reader().standing(w.cred);
    expect(standing.quotas).toEqual([
      expect.objectContaining({
        id: 'instagram.publishing_24h',
        used: 2,
        limit: 2,
        unit: 'posts',
        resetsAt: err.details.retryAt,
      }),
    ]);
    expect(standing.restrictions.map((r) => r.code)).toEqual(['daily_limit']);

    w.emu.clock.advance(86400);
    await writer().publish(w.cred, { text: 'three', media: [image('q3')] }, 'k-q3', { sleep: noWait });
    expect(w.emu.posts(w.account)).toHaveLength(3);
  });

  it('ownPostsSince pages back through every post down to since, newest first, only this account', async () => {
    w.emu.setQuotaTotal(1000);
    for (let i = 0; i < 3; i++)
      await writer().publish(w.cred, { text: `old ${i}`, media: [image(`o${i}`)] }, `o${i}`, { sleep: noWait });
    w.emu.clock.advance(3600);
    const since = new Date(w.emu.clock.now() - 1000);
    for (let i = 0; i < 105; i++)
      await writer().publish(w.cred, { text: `new ${i}`, media: [image(`n${i}`)] }, `n${i}`, { sleep: noWait });
    const other = w.emu.accounts()[1]!.id;
    await writer().publish(
      { accessToken: w.emu.grant(other).accessToken },
      { text: 'not mine', media: [image('x')] },
      'x',
      {
        sleep: noWait,
      },
    );
    let pages = 0;
    const found = await collect(reader().ownPostsSince(w.cred, since, { onProgress: () => pages++ }));
    expect(found.map((p) => p.text)).toEqual(Array.from({ length: 105 }, (_, i) => `new ${104 - i}`));
    expect(found.every((p) => p.authorExternalId === w.account)).toBe(true);
    expect(pages).toBe(2);
  }, 60_000);
});
