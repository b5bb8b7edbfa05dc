import { contentFingerprint } from '../../../../services/core/connectors/content-fingerprint';
import type { FacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { startFacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import {
  BAKERY,
  COFFEE,
  collect,
  connector,
  credFor,
  failureOf,
  memoryResume,
  mp4,
  noSleep,
  png,
} from './facebook-fixtures';

let emu: FacebookEmulator;

beforeAll(async () => {
  emu = await startFacebookEmulator({ maxPageSize: 2 });
});
afterAll(() => emu.close());
beforeEach(() => emu.server.reset());

describe('Facebook Pages connector: publishing against the emulator', () => {
  it('publishes a text post with a link on /feed, signed with appsecret_proof, and reads it back', async () => {
    const { writer, reader } = connector(emu);
    const cred = credFor(emu, COFFEE);
    const before = emu.posts(COFFEE).length;
    const out = await writer.publish(
      cred,
      { text: 'Fresh roast today ☕', media: [], link: 'https://raize.example/roast' },
      'k-text',
    );

    const sent = emu.server.last(`/v25.0/${COFFEE}/feed`)!;
    expect(sent.method).toBe('POST');
    expect(sent.headers.authorization).toBe(`Bearer ${cred.accessToken}`);
    expect(sent.query.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
    expect(sent.rawBody).not.toContain(cred.accessToken);
    const held = emu.posts(COFFEE);
    expect(held).toHaveLength(before + 1);
    expect(held.at(-1)).toMatchObject({
      text: 'Fresh roast today ☕',
      extra: { kind: 'status', link: 'https://raize.example/roast' },
    });

    expect(out.replayed).toBe(false);
    expect(out.post).toMatchObject({
      postId: held.at(-1)!.id,
      text: 'Fresh roast today ☕',
      authorExternalId: COFFEE,
      requestKey: null,
    });
    expect(out.post.url).toMatch(/^https:\/\/www\.facebook\.com\/raizecoffee\/posts\/\d+$/);
    const back = await reader.readPost(cred, out.post.postId);
    expect(contentFingerprint(back!)).toBe(contentFingerprint({ text: 'Fresh roast today ☕' }));
    expect(back!.authorExternalId).toBe(COFFEE);
  });

  it('publishes one image as bytes on /photos (multipart source, caption) and holds exactly that file', async () => {
    const { writer } = connector(emu);
    const cred = credFor(emu, BAKERY);
    const image = png(3);
    const out = await writer.publish(cred, { text: 'Croissants are out', media: [image] }, 'k-photo');

    const upload = emu.server.last(`/v25.0/${BAKERY}/photos`)!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const posts = emu.posts(BAKERY);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ id: out.post.postId, text: 'Croissants are out', extra: { kind: 'photo' } });
    expect(posts[0]!.media).toEqual([{ contentType: 'image/png', sha256: image.checksum, size: image.size }]);
    expect(out.post.text).toBe('Croissants are out');
  });

  it('publishes several images as unpublished photos attached to one /feed post', async () => {
    const { writer } = connector(emu);
    const cred = credFor(emu, COFFEE);
    const images = [png(4), png(5), png(6)];
    const before = emu.posts(COFFEE).length;
    const resume = memoryResume();
    const out = await writer.publish(cred, { text: 'Three new blends', media: images }, 'k-photos', { resume });

    const uploads = emu.server.requests.filter((r) => r.path === `/v25.0/${COFFEE}/photos`);
    expect(uploads).toHaveLength(3);
    const feed = emu.server.last(`/v25.0/${COFFEE}/feed`)!;
    expect(new URLSearchParams(feed.rawBody).get('attached_media[2]')).toMatch(/^\{"media_fbid":"\d+"\}$/);
    const posts = emu.posts(COFFEE);
    expect(posts).toHaveLength(before + 1);
    expect(posts.at(-1)).toMatchObject({ id: out.post.postId, text: 'Three new blends', extra: { kind: 'photos' } });
    expect(posts.at(-1)!.media.map((m) => m.sha256)).toEqual(images.map((m) => m.checksum));
    // The photo ids were remembered as they went up (checksum-bound), never a token.
    expect(Object.keys(resume.values).sort()).toEqual([
      'facebook.finalAt',
      'facebook.photo.0',
      'facebook.photo.1',
      'facebook.photo.2',
      'facebook.step',
    ]);
    expect(JSON.stringify(resume.values)).not.toContain(cred.accessToken);
  });

  it('publishes a video on /videos, polls its processing with heartbeats, and returns its post once ready', async () => {
    const { writer, reader } = connector(emu);
    const cred = credFor(emu, BAKERY);
    const video = mp4();
    emu.videoProcessing(3);
    let beats = 0;
    const resume = memoryResume();
    const out = await writer.publish(cred, { text: 'Behind the ovens', media: [video] }, 'k-video', {
      resume,
      sleep: noSleep,
      onProgress: () => beats++,
    });

    const polls = emu.server.requests.filter((r) => r.method === 'GET' && /^\/v25\.0\/\d+$/.test(r.path));
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(beats).toBeGreaterThanOrEqual(3);
    const posts = emu.posts(BAKERY).filter((p) => p.extra.kind === 'video');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ id: out.post.postId, text: 'Behind the ovens', extra: { visible: true } });
    expect(posts[0]!.media).toEqual([{ contentType: 'video/mp4', sha256: video.checksum, size: video.size }]);
    expect(resume.values['facebook.videoId']).toMatch(/^\d+$/);
    expect((await reader.readPost(cred, out.post.postId))!.text).toBe('Behind the ovens');
  });

  it('a video Facebook cannot process is permanent with media_rejected, and the next attempt uploads again', async () => {
    const { writer } = connector(emu);
    const cred = credFor(emu, BAKERY);
    emu.videoProcessing(1, true);
    const resume = memoryResume();
    const err = await failureOf(
      writer.publish(cred, { text: 'Broken clip', media: [mp4(2048)] }, 'k-bad', { resume, sleep: noSleep }),
    );
    expect(err.kind).toBe('permanent');
    expect(err.details.health).toBe('media_rejected');
    expect(resume.values['facebook.videoId']).toBeUndefined();
  });

  it('the emulator refuses what Facebook refuses: a non-image as a photo (324 → media_rejected)', async () => {
    const { writer } = connector(emu);
    const cred = credFor(emu, COFFEE);
    const fake = { ...png(7), bytes: Buffer.from('not an image at all') };
    const err = await failureOf(writer.publish(cred, { text: 'x', media: [fake] }, 'k-fake'));
    expect(err).toMatchObject({ kind: 'permanent', details: { platformCode: '324', health: 'media_rejected' } });
  });

  it('Facebook refuses the same status twice in a row (506)', async () => {
    const { writer } = connector(emu);
    const cred = credFor(emu, COFFEE);
    await writer.publish(cred, { text: 'Same words, twice', media: [] }, 'k-dup-1');
    const err = await failureOf(writer.publish(cred, { text: 'Same words, twice', media: [] }, 'k-dup-2'));
    expect(err.kind).toBe('permanent');
    expect(err.message).toContain('Facebook refused a duplicate of a recent post');
  });

  it('ownPostsSince walks paging.next (on the Graph host only) down to `since`, newest first', async () => {
    const { writer, reader } = connector(emu);
    const cred = credFor(emu, COFFEE);
    emu.clock.advance(3600);
    const since = new Date(emu.clock.now() - 1000);
    for (const n of [1, 2, 3, 4, 5]) await writer.publish(cred, { text: `Walk ${n}`, media: [] }, `k-walk-${n}`);
    emu.server.reset();
    const posts = await collect(reader.ownPostsSince(cred, since));
    expect(posts.map((p) => p.text)).toEqual(['Walk 5', 'Walk 4', 'Walk 3', 'Walk 2', 'Walk 1']);
    // maxPageSize 2: three pages, the later two through paging.next
    expect(emu.server.requests.filter((r) => r.path === `/v25.0/${COFFEE}/posts`)).toHaveLength(3);
  });

  it('nothing is sent for a post Facebook cannot take (link with media)', async () => {
    const { writer } = connector(emu);
    const cred = credFor(emu, COFFEE);
    const err = await failureOf(
      writer.publish(cred, { text: 'x', media: [png(8)], link: 'https://raize.example' }, 'k-no'),
    );
    expect(err.kind).toBe('permanent');
    expect(emu.server.requests).toHaveLength(0);
  });
});
