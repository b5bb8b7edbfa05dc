import { instagramHosts } from './instagram-graph';
import { INSTAGRAM_SCOPES } from './instagram-oauth';
import { graphTime, igMediaSchema, scopeList, toPlatformPost } from './instagram-wire';
import { INSTAGRAM_API_VERSION, INSTAGRAM_DEFAULT_BASE_URL, instagramPlatform } from './instagram.platform';

describe('the Instagram descriptor', () => {
  it('pins one Graph version with its retirement date and the page that says so', () => {
    expect(INSTAGRAM_API_VERSION).toEqual({
      version: 'v25.0',
      sunsetsAt: '2028-07-29',
      source: 'https://developers.facebook.com/docs/graph-api/changelog/versions/',
    });
    expect(instagramPlatform.apiVersion).toBe(INSTAGRAM_API_VERSION);
  });

  it('asks for the Instagram Login permissions publishing, reading mentions and insights need, nothing more', () => {
    expect(instagramPlatform.scopes).toEqual([
      'instagram_business_basic',
      'instagram_business_content_publish',
      'instagram_business_manage_comments',
      'instagram_business_manage_insights',
    ]);
    expect(INSTAGRAM_SCOPES).toBe(instagramPlatform.scopes);
  });

  it('refreshes 60-day tokens a week ahead, never before they are a day old, with no refresh token', () => {
    expect(instagramPlatform.tokens).toEqual({
      refreshable: true,
      refreshLeadSeconds: 7 * 86400,
      minAgeSeconds: 86400,
      rotatesRefreshToken: false,
      checkEverySeconds: 6 * 3600,
    });
  });

  it('waits longer than a publish can take before posting again after an unknown outcome', () => {
    const t = instagramPlatform.timing({ baseUrl: INSTAGRAM_DEFAULT_BASE_URL });
    expect(t.settleSeconds).toBeGreaterThan(120 + t.requestTimeoutMs / 1000);
    expect(instagramPlatform.timing({ baseUrl: 'x', settleSeconds: 2, timeoutMs: 500 })).toMatchObject({
      settleSeconds: 2,
      requestTimeoutMs: 500,
    });
  });

  it('fetches media from URLs and keeps no request key', () => {
    expect(instagramPlatform.capabilities).toMatchObject({
      text: false,
      mediaFromUrl: true,
      idempotencyKey: false,
      requestKeyEcho: false,
      readBack: true,
    });
  });

  it('reaches the real hosts by default, and one origin for an emulator or a proxy', () => {
    expect(instagramHosts({ baseUrl: INSTAGRAM_DEFAULT_BASE_URL })).toEqual({
      graph: 'https://graph.instagram.com',
      token: 'https://api.instagram.com',
      dialog: 'https://www.instagram.com',
    });
    expect(instagramHosts({ baseUrl: 'http://127.0.0.1:9/', publicUrl: 'http://localhost:9' })).toEqual({
      graph: 'http://127.0.0.1:9',
      token: 'http://127.0.0.1:9',
      dialog: 'http://localhost:9',
    });
  });
});

describe('Instagram wire data', () => {
  it("reads Graph's timestamps and scope lists", () => {
    expect(graphTime('2017-08-31T18:10:00+0000')).toBe('2017-08-31T18:10:00.000Z');
    expect(graphTime('2017-08-31T20:10:00+0200')).toBe('2017-08-31T18:10:00.000Z');
    expect(igMediaSchema.safeParse({ id: '1', timestamp: 'yesterday' }).success).toBe(false);
    expect(scopeList('instagram_business_basic,instagram_business_content_publish')).toBe(
      'instagram_business_basic instagram_business_content_publish',
    );
    expect(scopeList(['a', 'b'])).toBe('a b');
  });

  it('[C-15] a permalink that is not https is dropped with a reason, the caption is the text', () => {
    const m = igMediaSchema.parse({
      id: '1',
      caption: 'hi',
      timestamp: '2026-01-01T00:00:00+0000',
      permalink: 'javascript:alert(1)',
    });
    const p = toPlatformPost(m, '42', false);
    expect(p).toMatchObject({ postId: '1', text: 'hi', url: '', authorExternalId: '42', requestKey: null });
    expect(p.urlRefused).toMatch(/not https/);
    const ok = toPlatformPost({ ...m, permalink: 'https://www.instagram.com/p/abc/' }, '42', false);
    expect(ok.url).toBe('https://www.instagram.com/p/abc/');
  });
});
