import type { FacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { startFacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { VIDEO_MAX_POLLS } from '../../../../services/core/connectors/facebook/facebook-publish-steps';
import {
  BAKERY,
  COFFEE,
  TEA,
  collect,
  connector,
  credFor,
  failureOf,
  memoryResume,
  mp4,
  noSleep,
  png,
} from './facebook-fixtures';

/**
 * The answer of a write is lost. The guard keeps the writer's resume memory and calls publish() again with it (after
 * its own reconciliation); the second call must find or finish the post, never make a second one (C-22).
 */
let emu: FacebookEmulator;

beforeAll(async () => {
  emu = await startFacebookEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.server.reset();
  emu.videoProcessing(1);
});

// A short deadline: the emulator holds a lost answer until it closes. Long enough for a loaded machine to deliver
// the request before it fires (the write must have reached the platform for the case to mean anything).
const fast = () => connector(emu, { timeoutMs: 1500 });

describe('Facebook Pages connector: a write whose answer is lost', () => {
  it('[C-22] /feed applied but unanswered: the second call finds the post instead of posting again', async () => {
    const { writer, reader } = fast();
    const cred = credFor(emu, COFFEE);
    const resume = memoryResume();
    const content = { text: 'Lost answer, one post', media: [] };
    const since = new Date(emu.clock.now() - 1000);
    emu.loseNextAnswer({ method: 'POST', path: `/v25.0/${COFFEE}/feed` });

    const first = await failureOf(writer.publish(cred, content, 'k-lost', { resume }));
    expect(first.kind).toBe('outcome_unknown');
    const held = emu.posts(COFFEE).filter((p) => p.text === content.text);
    expect(held).toHaveLength(1);
    expect(resume.values['facebook.step']).toBe('text');

    const second = await writer.publish(cred, content, 'k-lost', { resume });
    expect(second.replayed).toBe(true);
    expect(second.post.postId).toBe(held[0]!.id);
    expect(emu.posts(COFFEE).filter((p) => p.text === content.text)).toHaveLength(1);
    expect(emu.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/feed'))).toHaveLength(1);

    const found = await collect(reader.ownPostsSince(cred, since));
    expect(found.map((p) => p.postId)).toContain(held[0]!.id);
  });

  it('[C-22] /feed dropped before Facebook saw it: the second call posts exactly once', async () => {
    const { writer } = fast();
    const cred = credFor(emu, COFFEE);
    const resume = memoryResume();
    const content = { text: 'Dropped on the way', media: [] };
    emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: `/v25.0/${COFFEE}/feed` } });

    expect((await failureOf(writer.publish(cred, content, 'k-drop', { resume }))).kind).toBe('outcome_unknown');
    expect(emu.posts(COFFEE).filter((p) => p.text === content.text)).toHaveLength(0);
    const second = await writer.publish(cred, content, 'k-drop', { resume });
    expect(second.replayed).toBe(false);
    expect(emu.posts(COFFEE).filter((p) => p.text === content.text)).toHaveLength(1);
  });

  it('[C-22] several photos: a lost /feed answer neither re-uploads the photos nor posts twice', async () => {
    const { writer } = fast();
    const cred = credFor(emu, BAKERY);
    const resume = memoryResume();
    const content = { text: 'Four loaves', media: [png(11), png(12)] };
    emu.loseNextAnswer({ method: 'POST', path: `/v25.0/${BAKERY}/feed` });

    expect((await failureOf(writer.publish(cred, content, 'k-photos', { resume }))).kind).toBe('outcome_unknown');
    const second = await writer.publish(cred, content, 'k-photos', { resume });
    expect(second.replayed).toBe(true);
    const posts = emu.posts(BAKERY).filter((p) => p.text === content.text);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.media.map((m) => m.sha256)).toEqual(content.media.map((m) => m.checksum));
    expect(emu.photos(BAKERY).filter((p) => !p.published)).toHaveLength(2);
  });

  it('[C-22] several photos: an upload whose answer was lost leaves an unseen orphan, never a second post', async () => {
    const { writer } = fast();
    const cred = credFor(emu, TEA);
    const resume = memoryResume();
    const content = { text: 'Tea flight', media: [png(13), png(14), png(15)] };
    emu.loseNextAnswer({ method: 'POST', path: `/v25.0/${TEA}/photos` });

    expect((await failureOf(writer.publish(cred, content, 'k-tea', { resume }))).kind).toBe('outcome_unknown');
    expect(resume.values['facebook.photo.0']).toBeUndefined();
    const out = await writer.publish(cred, content, 'k-tea', { resume });
    expect(out.replayed).toBe(false);
    const posts = emu.posts(TEA).filter((p) => p.text === content.text);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.media.map((m) => m.sha256)).toEqual(content.media.map((m) => m.checksum));
    const orphans = emu.photos(TEA).filter((p) => !p.published && !p.postId);
    expect(orphans).toHaveLength(1);
  });

  it('[C-22] several photos: throttled midway, the next call uploads only the photos not yet up', async () => {
    const { writer } = fast();
    const cred = credFor(emu, TEA);
    const resume = memoryResume();
    const content = { text: 'Throttled flight', media: [png(21), png(22), png(23)] };
    emu.clock.advance(2 * 3600);
    emu.setPageCallLimit(3); // GET /me, two uploads, then 80001

    const err = await failureOf(writer.publish(cred, content, 'k-thr', { resume }));
    expect(err).toMatchObject({ kind: 'rate_limited', details: { platformCode: '80001', health: 'rate_limited' } });
    expect(err.details.retryAfterSeconds).toBe(3600);
    expect(Object.keys(resume.values).filter((k) => k.startsWith('facebook.photo.'))).toHaveLength(2);

    emu.clock.advance(3601);
    emu.setPageCallLimit(4800);
    await writer.publish(cred, content, 'k-thr', { resume });
    expect(emu.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/photos'))).toHaveLength(
      2 + 1 + 1,
    );
    const posts = emu.posts(TEA).filter((p) => p.text === content.text);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.media.map((m) => m.sha256)).toEqual(content.media.map((m) => m.checksum));
  });

  it('[C-22] /videos applied but unanswered: the second call finds the upload, waits for it, and posts nothing new', async () => {
    const { writer } = fast();
    const cred = credFor(emu, BAKERY);
    const resume = memoryResume();
    const content = { text: 'Lost video answer', media: [mp4(3000)] };
    emu.videoProcessing(2);
    emu.loseNextAnswer({ method: 'POST', path: `/v25.0/${BAKERY}/videos` });

    expect((await failureOf(writer.publish(cred, content, 'k-vid', { resume, sleep: noSleep }))).kind).toBe(
      'outcome_unknown',
    );
    expect(resume.values['facebook.videoId']).toBeUndefined();
    const second = await writer.publish(cred, content, 'k-vid', { resume, sleep: noSleep });
    expect(second.replayed).toBe(true);
    expect(emu.posts(BAKERY).filter((p) => p.text === content.text)).toHaveLength(1);
    expect(emu.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/videos'))).toHaveLength(1);
    expect(second.post.text).toBe(content.text);
  });

  it('[C-22] a video still processing after the polls is outcome_unknown; the next call resumes on the same video', async () => {
    const { writer } = fast();
    const cred = credFor(emu, BAKERY);
    const resume = memoryResume();
    const content = { text: 'Slow to process', media: [mp4(5000)] };
    emu.videoProcessing(VIDEO_MAX_POLLS + 5);

    const err = await failureOf(writer.publish(cred, content, 'k-slow', { resume, sleep: noSleep }));
    expect(err.kind).toBe('outcome_unknown');
    const videoId = resume.values['facebook.videoId'];
    expect(videoId).toMatch(/^\d+$/);
    expect(emu.posts(BAKERY).filter((p) => p.text === content.text && p.extra.visible)).toHaveLength(0);

    const out = await writer.publish(cred, content, 'k-slow', { resume, sleep: noSleep });
    expect(out.replayed).toBe(true);
    expect(emu.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/videos'))).toHaveLength(1);
    expect(emu.posts(BAKERY).filter((p) => p.text === content.text)).toHaveLength(1);
    expect(out.post.postId).toBe(emu.world.videos.get(videoId!)!.postId);
  });
});
