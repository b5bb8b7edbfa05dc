import type { MentionReader } from '../../../../services/core/connectors/connector.types';
import { instagramPlatform } from '../../../../services/core/connectors/instagram/instagram.platform';
import type { IgWorld } from './instagram-fixture';
import { failure, startIgWorld } from './instagram-fixture';

/**
 * A mention's text read by id, as the `mentions` webhook names it, against the emulator's mentioned_comment and
 * mentioned_media (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/...).
 */
describe('Instagram mention reads against the emulator', () => {
  let w: IgWorld;
  const mentions = (): MentionReader => instagramPlatform.createReader(w.settings).mentions!;
  const userNodeReads = () =>
    w.emu.server.requests.filter((r) => r.method === 'GET' && r.path === `/v25.0/${w.account}`);

  beforeEach(async () => {
    w = await startIgWorld();
  });
  afterEach(() => w.close());

  it('a mention in a comment: its text and author, read on the account’s own IG user node', async () => {
    const seeded = w.emu.seedMention({
      accountId: w.account,
      username: 'fan_of_brands',
      text: '@raize_brand_one can I get a refund?',
      in: 'comment',
    });
    const read = await mentions().readMention(w.cred, { mediaId: seeded.mediaId, commentId: seeded.commentId });
    expect(read).toEqual({
      id: seeded.commentId,
      in: 'comment',
      mediaId: seeded.mediaId,
      text: '@raize_brand_one can I get a refund?',
      authorHandle: 'fan_of_brands',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/) as unknown,
    });
    const [call] = userNodeReads();
    expect(call!.query.get('fields')).toBe(
      `mentioned_comment.comment_id(${seeded.commentId}){id,text,timestamp,username,media{id}}`,
    );
    // The token travels in the header, never in the URL.
    expect(call!.query.get('access_token')).toBeNull();
  });

  it('a mention in a caption: the caption, which Graph gives without the @ of the mention', async () => {
    const seeded = w.emu.seedMention({
      accountId: w.account,
      username: 'weekend_shooter',
      text: 'Sunset with my new bag from @raize_brand_one',
      in: 'caption',
    });
    expect(seeded.commentId).toBeUndefined();
    const read = await mentions().readMention(w.cred, { mediaId: seeded.mediaId });
    expect(read).toMatchObject({
      id: seeded.mediaId,
      in: 'caption',
      text: 'Sunset with my new bag from raize_brand_one',
      authorHandle: 'weekend_shooter',
    });
    expect(userNodeReads()[0]!.query.get('fields')).toBe(
      `mentioned_media.media_id(${seeded.mediaId}){id,caption,timestamp,username}`,
    );
  });

  it('no such mention: an unknown id, another account’s mention, or a caption asked as a comment → null', async () => {
    const other = w.emu.accounts()[1]!.id;
    const theirs = w.emu.seedMention({ accountId: other, username: 'x', text: '@raize_brand_two hi', in: 'comment' });
    const caption = w.emu.seedMention({ accountId: w.account, username: 'y', text: 'hi', in: 'caption' });
    const r = mentions();
    expect(await r.readMention(w.cred, { mediaId: '17900000000000001', commentId: '17900000000000002' })).toBeNull();
    expect(await r.readMention(w.cred, { mediaId: theirs.mediaId, commentId: theirs.commentId })).toBeNull();
    expect(await r.readMention(w.cred, { mediaId: caption.mediaId, commentId: caption.mediaId })).toBeNull();
    expect(await r.readMention(w.cred, { mediaId: '17900000000000003' })).toBeNull();
  });

  it('ids that are not Graph ids name no mention and are never sent', async () => {
    const r = mentions();
    expect(await r.readMention(w.cred, { mediaId: '1){id}', commentId: '2' })).toBeNull();
    expect(await r.readMention(w.cred, { mediaId: '1', commentId: 'abc' })).toBeNull();
    expect(userNodeReads()).toHaveLength(0);
  });

  it('a token without the comments permission: permanent with missing_permissions', async () => {
    const seeded = w.emu.seedMention({ accountId: w.account, username: 'z', text: 'hey', in: 'comment' });
    const cred = {
      accessToken: w.emu.grant(w.account, ['instagram_business_basic', 'instagram_business_content_publish'])
        .accessToken,
    };
    const err = await failure(mentions().readMention(cred, { mediaId: seeded.mediaId, commentId: seeded.commentId }));
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'missing_permissions', platformCode: '10' } });
  });

  it('a revoked token: auth; a throttle: rate_limited', async () => {
    const seeded = w.emu.seedMention({ accountId: w.account, username: 'z', text: 'hey', in: 'caption' });
    w.emu.throttle({ code: 4, regainMinutes: 2 });
    expect(await failure(mentions().readMention(w.cred, { mediaId: seeded.mediaId }))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 120 },
    });
    w.emu.revokeApp(w.account);
    expect((await failure(mentions().readMention(w.cred, { mediaId: seeded.mediaId }))).kind).toBe('auth');
  });

  it('the emulator answers Graph errors for a fields expression it cannot serve', async () => {
    const seeded = w.emu.seedMention({ accountId: w.account, username: 'z', text: 'hey', in: 'comment' });
    const get = async (fields: string) => {
      const u = new URL(`${w.emu.url}/v25.0/${w.account}`);
      u.searchParams.set('fields', fields);
      const res = await fetch(u, { headers: { authorization: `Bearer ${w.cred.accessToken}` } });
      return { status: res.status, body: (await res.json()) as { error?: { code: number }; id?: string } };
    };
    expect((await get(`mentioned_comment.comment_id(${seeded.commentId}){id,text`)).body.error?.code).toBe(2500);
    expect((await get(`mentioned_comment.comment_id(${seeded.commentId}){id,secret}`)).body.error?.code).toBe(100);
    expect((await get('mentioned_comment{id,text}')).body.error?.code).toBe(100);
    const ok = await get(`mentioned_comment.comment_id(${seeded.commentId})`);
    // Without subfields, the default field only.
    expect(ok).toEqual({ status: 200, body: { mentioned_comment: { id: seeded.commentId }, id: w.account } });
  });
});
