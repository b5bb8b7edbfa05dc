import { linkedinPlatform } from '../../../../services/core/connectors/linkedin/linkedin.platform';
import type { ConnectorCredential, PlatformSettings } from '../../../../services/core/connectors/connector.types';
import type { LinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { startLinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import {
  apiRequests,
  failure,
  fastSleep,
  memberCred,
  pageCred,
  pageSettings,
  pngOf,
  videoOf,
  writer,
} from './linkedin-test-kit';

let emu: LinkedInEmulator;
let settings: PlatformSettings;
let ada: string;
let cred: ConnectorCredential;

beforeEach(async () => {
  emu = await startLinkedInEmulator();
  settings = emu.settings();
  ada = emu.members()[0]!.urn;
  cred = memberCred(emu, ada);
});
afterEach(() => emu.close());

const reader = () => linkedinPlatform.createReader(settings);

describe('LinkedIn publishing against the emulator', () => {
  it('a text post with reserved characters and a hashtag: escaped on the way out, the same text read back', async () => {
    const text = 'Q3 results (final) are in [link below] — thanks @team! #Launch2026 a_b *bold* ~x~ <3 | C# \\o/';
    const out = await writer(settings).publish(cred, { text, media: [] }, 'k-text');
    const held = emu.posts(ada);
    expect(held).toHaveLength(1);
    // What a member sees on LinkedIn: the whole text, not cut at the first reserved character.
    expect(held[0]).toMatchObject({ id: out.post.postId, text, extra: { truncated: false, visibility: 'PUBLIC' } });
    expect(out).toMatchObject({ replayed: false, post: { text, authorExternalId: ada, requestKey: null } });
    expect(out.post.postId).toMatch(/^urn:li:share:\d+$/);
    expect(out.post.url).toBe(`https://www.linkedin.com/feed/update/${out.post.postId}/`);
    const read = await reader().readPost(cred, out.post.postId);
    expect(read).toMatchObject({ postId: out.post.postId, text, authorExternalId: ada });
    // LinkedIn keeps the hashtag as its template; the reader turns it back into what was written.
    expect(String(held[0]!.extra.commentary)).toContain('{hashtag|\\#|Launch2026}');
    const body = emu.server.last('/rest/posts')!.json as Record<string, unknown>;
    expect(body).toMatchObject({
      author: ada,
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    });
    for (const r of apiRequests(emu)) {
      expect(r.headers['linkedin-version']).toBe(linkedinPlatform.apiVersion.version);
      expect(r.headers['x-restli-protocol-version']).toBe('2.0.0');
    }
  });

  it('the emulator cuts a post at an unescaped reserved character (what the connector’s escaping prevents)', async () => {
    const res = await fetch(`${emu.url}/rest/posts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${cred.accessToken}`,
        'content-type': 'application/json',
        'linkedin-version': '202610',
        'x-restli-protocol-version': '2.0.0',
      },
      body: JSON.stringify({
        author: ada,
        commentary: 'Results (final) are in',
        visibility: 'PUBLIC',
        distribution: { feedDistribution: 'MAIN_FEED' },
        lifecycleState: 'PUBLISHED',
      }),
    });
    expect(res.status).toBe(201);
    expect(emu.posts(ada)[0]).toMatchObject({ text: 'Results ', extra: { truncated: true } });
  });

  it('one image: initializeUpload, PUT, AVAILABLE, then the post; LinkedIn holds exactly those bytes', async () => {
    emu.setProcessingPolls({ image: 2 });
    const image = pngOf();
    const { sleep, slept } = fastSleep();
    let beats = 0;
    const out = await writer(settings).publish(cred, { text: 'one image', media: [image] }, 'k-img', {
      sleep,
      onProgress: () => beats++,
    });
    const held = emu.posts(ada);
    expect(held).toHaveLength(1);
    expect(held[0]!.media).toEqual([{ contentType: 'image/png', sha256: image.checksum, size: image.size }]);
    const asset = emu.assets()[0]!;
    expect(asset).toMatchObject({ kind: 'image', owner: ada, status: 'AVAILABLE' });
    expect(emu.server.requests.find((r) => r.path === '/rest/images')!.json).toEqual({
      initializeUploadRequest: { owner: ada },
    });
    expect(slept.length).toBe(2);
    expect(beats).toBeGreaterThanOrEqual(3);
    const read = await reader().readPost(cred, out.post.postId);
    expect(read!.raw.media).toBe(asset.urn);
    expect(read!.text).toBe('one image');
  });

  it('three images as a MultiImage post, in order', async () => {
    const images = [pngOf(), pngOf(), pngOf()];
    const out = await writer(settings).publish(cred, { text: 'three images', media: images }, 'k-multi');
    const held = emu.posts(ada);
    expect(held).toHaveLength(1);
    expect(held[0]!.media.map((m) => m.sha256)).toEqual(images.map((i) => i.checksum));
    const body = emu.server.last('/rest/posts')!.json as { content: { multiImage: { images: { id: string }[] } } };
    expect(body.content.multiImage.images.map((i) => i.id)).toEqual(emu.assets().map((a) => a.urn));
    expect((await reader().readPost(cred, out.post.postId))!.raw.media).toBe(
      emu
        .assets()
        .map((a) => a.urn)
        .join(','),
    );
  });

  it('a video in several parts: ETags in order to finalizeUpload, polled to AVAILABLE, posted as a ugcPost', async () => {
    emu.setVideoPartBytes(100 * 1024);
    emu.setProcessingPolls({ video: 3 });
    const video = videoOf(250 * 1024);
    const { sleep, slept } = fastSleep();
    const out = await writer(settings).publish(cred, { text: 'a clip', media: [video] }, 'k-video', { sleep });
    expect(out.post.postId).toMatch(/^urn:li:ugcPost:\d+$/);
    const parts = emu.server.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/dms-uploads/'));
    expect(parts.map((p) => p.rawBytes.length)).toEqual([102400, 102400, 51200]);
    const init = emu.server.requests.find(
      (r) => r.path === '/rest/videos' && r.query.get('action') === 'initializeUpload',
    )!;
    expect(init.json).toEqual({
      initializeUploadRequest: { owner: ada, fileSizeBytes: video.size, uploadCaptions: false, uploadThumbnail: false },
    });
    const fin = emu.server.requests.find((r) => r.query.get('action') === 'finalizeUpload')!;
    const asset = emu.assets()[0]!;
    expect(fin.json).toEqual({
      finalizeUploadRequest: {
        video: asset.urn,
        uploadToken: asset.uploadToken,
        uploadedPartIds: asset.parts.map((p) => p.etag),
      },
    });
    expect(slept).toEqual([5000, 5000, 5000]);
    expect(emu.posts(ada)).toHaveLength(1);
    expect(emu.posts(ada)[0]!.media).toEqual([{ contentType: 'video/mp4', sha256: video.checksum, size: video.size }]);
  });

  it('as a Page: the organization is the author and owns the media', async () => {
    const acme = emu.organizations()[0]!;
    const page = pageCred(emu, ada, acme.id);
    const image = pngOf();
    const out = await writer(pageSettings(emu)).publish(page, { text: 'from the Page', media: [image] }, 'k-page');
    expect(out.post.authorExternalId).toBe(acme.urn);
    expect(emu.posts(acme.urn)).toHaveLength(1);
    expect(emu.posts(ada)).toHaveLength(0);
    expect(emu.assets()[0]!.owner).toBe(acme.urn);
    // The binding never reaches LinkedIn: only the member's own token is sent.
    for (const r of apiRequests(emu)) expect(r.headers.authorization).not.toContain('li-org:');
  });

  it('LinkedIn cannot process the video: media_rejected, and nothing is posted', async () => {
    emu.failNextProcessing('video');
    const err = await failure(
      writer(settings).publish(cred, { text: 'broken clip', media: [videoOf()] }, 'k-bad', {
        sleep: fastSleep().sleep,
      }),
    );
    expect(err).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: 'PROCESSING_FAILED' },
    });
    expect(emu.posts(ada)).toEqual([]);
  });

  it('an upload URL on another host gets neither the bytes nor the token', async () => {
    emu.setUploadOrigin('http://127.0.0.2:9');
    const err = await failure(writer(settings).publish(cred, { text: 'elsewhere', media: [pngOf()] }, 'k-origin'));
    expect(err).toMatchObject({ kind: 'permanent' });
    expect(err.message).toMatch(/not on a LinkedIn host/);
    expect(emu.posts(ada)).toEqual([]);
  });

  it('a link outside the text is not attached, and the outcome says so', async () => {
    const out = await writer(settings).publish(
      cred,
      { text: 'read more below', media: [], link: 'https://example.com/a' },
      'k-link',
    );
    expect(out.warnings).toEqual([expect.stringMatching(/link was not attached/) as unknown as string]);
    const inText = await writer(settings).publish(
      cred,
      { text: 'read https://example.com/b', media: [], link: 'https://example.com/b' },
      'k-link2',
    );
    expect(inText.warnings).toEqual([]);
  });

  it('refuses what LinkedIn would refuse before uploading anything', async () => {
    const err = await failure(writer(settings).publish(cred, { text: 'x', media: [pngOf(), videoOf()] }, 'k-mixed'));
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'media_rejected' } });
    expect(emu.server.requests).toHaveLength(0);
  });
});
