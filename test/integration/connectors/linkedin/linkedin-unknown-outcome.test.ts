import { linkedinPlatform } from '../../../../services/core/connectors/linkedin/linkedin.platform';
import type { ConnectorCredential, PlatformSettings } from '../../../../services/core/connectors/connector.types';
import type { LinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { startLinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { collect, failure, fastSleep, memberCred, memoryResume, pngOf, videoOf, writer } from './linkedin-test-kit';

let emu: LinkedInEmulator;
let settings: PlatformSettings;
let ada: string;
let cred: ConnectorCredential;

beforeEach(async () => {
  emu = await startLinkedInEmulator();
  // A short deadline so a lost answer turns into an unknown outcome quickly, long enough for a loaded machine to
  // answer every other call (400 ms timed out an ordinary read while two shards and a benchmark ran).
  settings = emu.settings({ timeoutMs: 1500 });
  ada = emu.members()[0]!.urn;
  cred = memberCred(emu, ada);
});
afterEach(() => emu.close());

describe('LinkedIn after a lost answer: the second call finishes the post, never a second one', () => {
  it('POST /rest/posts applied but unanswered: the retry finds the post among the author’s posts', async () => {
    const resume = memoryResume();
    const since = new Date(Date.now() - 1000);
    const image = pngOf();
    emu.loseAnswer('/rest/posts');
    const lost = await failure(
      writer(settings).publish(cred, { text: 'lost (answer)', media: [image] }, 'k-1', { resume }),
    );
    expect(lost).toMatchObject({ kind: 'outcome_unknown', details: { transport: 'timeout' } });
    expect(resume.values['li.post.sentAt']).toBeDefined();
    expect(emu.posts(ada)).toHaveLength(1);

    const again = await writer(settings).publish(cred, { text: 'lost (answer)', media: [image] }, 'k-1', { resume });
    expect(again.replayed).toBe(true);
    expect(again.post.postId).toBe(emu.posts(ada)[0]!.id);
    expect(again.post.text).toBe('lost (answer)');
    expect(emu.posts(ada)).toHaveLength(1);
    // The image was uploaded once: the retry did not start the media again.
    expect(emu.assets()).toHaveLength(1);
    expect(emu.server.requests.filter((r) => r.method === 'POST' && r.path === '/rest/posts')).toHaveLength(1);

    const found = await collect(linkedinPlatform.createReader(settings).ownPostsSince(cred, since));
    expect(found.map((p) => [p.postId, p.text])).toEqual([[again.post.postId, 'lost (answer)']]);
    // A third call reads the URN the second one saved.
    const third = await writer(settings).publish(cred, { text: 'lost (answer)', media: [image] }, 'k-1', { resume });
    expect(third).toMatchObject({ replayed: true, post: { postId: again.post.postId } });
  });

  it('the connection dropped before LinkedIn saw the post: the retry posts it, once', async () => {
    const resume = memoryResume();
    emu.server.inject({ kind: 'drop' }, { match: { path: '/rest/posts', method: 'POST' } });
    expect(
      await failure(writer(settings).publish(cred, { text: 'never arrived', media: [] }, 'k-2', { resume })),
    ).toMatchObject({
      kind: 'outcome_unknown',
      details: { transport: 'network' },
    });
    expect(emu.posts(ada)).toEqual([]);
    const again = await writer(settings).publish(cred, { text: 'never arrived', media: [] }, 'k-2', { resume });
    expect(again.replayed).toBe(false);
    expect(emu.posts(ada).map((p) => p.id)).toEqual([again.post.postId]);
  });

  it('LinkedIn’s author finder lags: the retry’s post is refused as a duplicate of ours, and ours is the outcome', async () => {
    const resume = memoryResume();
    emu.setFinderLag(60_000);
    emu.loseAnswer('/rest/posts');
    await failure(writer(settings).publish(cred, { text: 'indexed later', media: [] }, 'k-3', { resume }));
    expect(emu.posts(ada)).toHaveLength(1);
    const again = await writer(settings).publish(cred, { text: 'indexed later', media: [] }, 'k-3', { resume });
    expect(again).toMatchObject({ replayed: true, post: { postId: emu.posts(ada)[0]!.id, text: 'indexed later' } });
    expect(emu.posts(ada)).toHaveLength(1);
  });

  it('a duplicate of a post made before our first send is not taken for ours', async () => {
    const resume = memoryResume();
    emu.setFinderLag(60_000);
    emu.seedPost(ada, 'said before', new Date(Date.now() - 10 * 60_000));
    await resume.put({ 'li.post.sentAt': new Date().toISOString() });
    expect(
      await failure(writer(settings).publish(cred, { text: 'said before', media: [] }, 'k-4', { resume })),
    ).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'DUPLICATE_POST' },
    });
  });

  it('finalizeUpload applied but unanswered: transient (nothing posted); the retry reuses the video', async () => {
    const resume = memoryResume();
    const video = videoOf();
    const { sleep } = fastSleep();
    emu.loseAnswer('/rest/videos');
    // The first lost answer is initializeUpload's: its URN was never learnt, so nothing is saved.
    const first = await failure(
      writer(settings).publish(cred, { text: 'clip', media: [video] }, 'k-5', { resume, sleep }),
    );
    expect(first.kind).toBe('transient');
    expect(resume.values['li.media.0']).toBeUndefined();
    // The second is finalizeUpload's (armed once the first part went): the URN was saved before the parts.
    let armed = false;
    const onProgress = () => {
      if (!armed) emu.loseAnswer('/rest/videos');
      armed = true;
    };
    const second = await failure(
      writer(settings).publish(cred, { text: 'clip', media: [video] }, 'k-5', { resume, sleep, onProgress }),
    );
    expect(second.kind).toBe('transient');
    const urn = resume.values['li.media.0'];
    expect(urn).toMatch(/^urn:li:video:/);

    const out = await writer(settings).publish(cred, { text: 'clip', media: [video] }, 'k-5', { resume, sleep });
    expect(emu.posts(ada)).toHaveLength(1);
    expect(emu.posts(ada)[0]!.media[0]!.sha256).toBe(video.checksum);
    expect((emu.server.last('/rest/posts')!.json as { content: { media: { id: string } } }).content.media.id).toBe(urn);
    expect(out.replayed).toBe(false);
    // Two videos were initialized (the first one's URN was lost with its answer); the second was finalized once.
    expect(emu.assets().filter((a) => a.kind === 'video')).toHaveLength(2);
    expect(emu.server.requests.filter((r) => r.query.get('action') === 'finalizeUpload')).toHaveLength(1);
  });
});
