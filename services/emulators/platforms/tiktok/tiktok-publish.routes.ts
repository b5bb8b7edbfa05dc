/**
 * Content Posting API routes of the TikTok emulator, from:
 * - https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info (20 calls/min per token)
 * - https://developers.tiktok.com/doc/content-posting-api-reference-direct-post (video/init, 6 calls/min per token;
 *   403 spam_risk_too_many_posts, spam_risk_user_banned_from_posting, reached_active_user_cap,
 *   unaudited_client_can_only_post_to_private_accounts, url_ownership_unverified, privacy_level_option_mismatch)
 * - https://developers.tiktok.com/doc/content-posting-api-reference-upload-video (inbox/video/init, video.upload)
 * - https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide (chunk rules, PUT with Content-Range,
 *   201 when complete / 206 partial, upload URL valid one hour)
 * - https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status (status/fetch, 30 calls/min)
 * - https://developers.tiktok.com/doc/content-sharing-guidelines (unaudited clients: SELF_ONLY, private accounts,
 *   5 creators per 24 h)
 */
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import { authorize, fail, isReply, jsonBody, ok, rateLimited } from './tiktok-emulator.wire';
import type { PrivacyLevel, Publish, TikTokWorld } from './tiktok-emulator.world';
import { PRIVACY_LEVELS, privacyOptions, UPLOAD_URL_TTL_MS } from './tiktok-emulator.world';

// "MB" read the stricter way at each bound.
const MIN_CHUNK = 5 * 1024 * 1024;
const MAX_CHUNK = 64_000_000;
const MAX_LAST_CHUNK = 128_000_000;
const MAX_VIDEO = 4 * 1024 * 1024 * 1024;
const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];

const sourceInfoSchema = z.object({
  source: z.enum(['FILE_UPLOAD', 'PULL_FROM_URL']),
  video_size: z.number().int().positive().optional(),
  chunk_size: z.number().int().positive().optional(),
  total_chunk_count: z.number().int().positive().optional(),
  video_url: z.string().optional(),
});
const postInfoSchema = z
  .object({
    title: z.string().optional(),
    privacy_level: z.enum(PRIVACY_LEVELS),
    disable_comment: z.boolean().optional(),
    disable_duet: z.boolean().optional(),
    disable_stitch: z.boolean().optional(),
    video_cover_timestamp_ms: z.number().int().nonnegative().optional(),
  })
  .passthrough();
const directInitSchema = z.object({ post_info: postInfoSchema, source_info: sourceInfoSchema });
const inboxInitSchema = z.object({ source_info: sourceInfoSchema });
const statusSchema = z.object({ publish_id: z.string().min(1) });

export function publishRoutes(p: { world: TikTokWorld; tokens: TokenBook; url: string }): EmulatorRoute[] {
  const { world, tokens } = p;
  return [
    {
      method: 'POST',
      path: '/v2/post/publish/creator_info/query/',
      handle(req) {
        const caller = authorize(req, tokens, world, ['video.publish']);
        if (isReply(caller)) return caller;
        if (!world.hit(`creator_info:${caller.tokenKey}`, 20)) return rateLimited();
        const c = caller.creator;
        if (c.banned)
          return fail(403, 'spam_risk_user_banned_from_posting', 'The user is banned from making new posts.');
        if (world.directPublishesToday(c.openId) >= world.dailyPostCap)
          return fail(
            403,
            'spam_risk_too_many_posts',
            'The daily post cap from the API is reached for the current user.',
          );
        return ok({
          creator_avatar_url: `https://p16-sign.tiktokcdn.com/${c.username}.jpeg`,
          creator_username: c.username,
          creator_nickname: c.nickname,
          privacy_level_options: privacyOptions(c),
          comment_disabled: c.commentDisabled,
          // "true if the creator account is private"
          duet_disabled: c.privateAccount,
          stitch_disabled: c.privateAccount,
          max_video_post_duration_sec: c.maxVideoPostDurationSec,
        });
      },
    },
    { method: 'POST', path: '/v2/post/publish/video/init/', handle: (req) => init(req, 'direct') },
    { method: 'POST', path: '/v2/post/publish/inbox/video/init/', handle: (req) => init(req, 'draft') },
    { method: 'PUT', path: '/video/', handle: upload },
    {
      method: 'POST',
      path: '/v2/post/publish/status/fetch/',
      handle(req) {
        const caller = authorize(req, tokens, world, ['video.publish', 'video.upload']);
        if (isReply(caller)) return caller;
        if (!world.hit(`status:${caller.tokenKey}`, 30)) return rateLimited();
        const body = statusSchema.safeParse(jsonBody(req));
        if (!body.success) return fail(400, 'invalid_params', 'publish_id is required.');
        const pub = world.publishes.get(body.data.publish_id);
        if (!pub || pub.accountId !== caller.creator.openId)
          return fail(400, 'invalid_params', 'The publish_id is invalid.');
        if (pub.uploadDoneAt !== null) pub.pollsAfterUpload += 1;
        world.settle();
        return statusReply(pub, world);
      },
    },
  ];

  function init(req: EmulatorRequest, mode: 'direct' | 'draft'): EmulatorReply {
    const caller = authorize(req, tokens, world, [mode === 'draft' ? 'video.upload' : 'video.publish']);
    if (isReply(caller)) return caller;
    if (!world.hit(`init:${mode}:${caller.tokenKey}`, 6)) return rateLimited();
    const parsed = directInitSchema.or(inboxInitSchema).safeParse(jsonBody(req));
    if (!parsed.success)
      return fail(400, 'invalid_params', `Invalid request body: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    const c = caller.creator;
    const source = parsed.data.source_info;
    if (source.source === 'PULL_FROM_URL')
      return fail(
        403,
        'url_ownership_unverified',
        'The domain or URL prefix of video_url is not verified for this client.',
      );
    const chunkProblem = checkChunks(source.video_size, source.chunk_size, source.total_chunk_count);
    if (chunkProblem) return chunkProblem;
    if (c.banned) return fail(403, 'spam_risk_user_banned_from_posting', 'The user is banned from making new posts.');
    let privacy: PrivacyLevel | null = null;
    let title = '';
    let interactions = { disable_comment: false, disable_duet: false, disable_stitch: false };
    if (mode === 'direct' && !('post_info' in parsed.data))
      return fail(400, 'invalid_params', 'post_info is required.');
    if (mode === 'direct' && 'post_info' in parsed.data) {
      const info = parsed.data.post_info;
      title = info.title ?? '';
      // The caption's limit counts UTF-16 code units ("runes" in the reference).
      if (title.length > 2200) return fail(400, 'invalid_params', 'title must be at most 2200 UTF-16 runes.');
      if (!world.audited && !c.privateAccount)
        return fail(
          403,
          'unaudited_client_can_only_post_to_private_accounts',
          'Unaudited clients can only post to a private account.',
        );
      if (!privacyOptions(c).includes(info.privacy_level))
        return fail(
          403,
          'privacy_level_option_mismatch',
          'privacy_level is not one of the privacy_level_options of the creator.',
        );
      if (
        !world.audited &&
        !world.activeCreatorsToday().has(c.openId) &&
        world.activeCreatorsToday().size >= world.activeCreatorCap
      )
        return fail(
          403,
          'reached_active_user_cap',
          'The daily quota for active publishing users from your client is reached.',
        );
      if (world.directPublishesToday(c.openId) >= world.dailyPostCap)
        return fail(
          403,
          'spam_risk_too_many_posts',
          'The daily post cap from the API is reached for the current user.',
        );
      // Content from an unaudited client is restricted to private viewing whatever the request asked for.
      privacy = world.audited ? info.privacy_level : 'SELF_ONLY';
      interactions = {
        disable_comment: info.disable_comment ?? false,
        disable_duet: info.disable_duet ?? false,
        disable_stitch: info.disable_stitch ?? false,
      };
    } else if (world.draftsToday(c.openId) >= world.pendingShareCap) {
      return fail(
        403,
        'spam_risk_too_many_pending_share',
        'The daily upload cap from the API is reached for the current user.',
      );
    }
    const pub = world.startPublish({
      accountId: c.openId,
      mode,
      title,
      privacyLevel: privacy,
      interactions,
      videoSize: source.video_size!,
      chunkSize: source.chunk_size!,
      totalChunks: source.total_chunk_count!,
    });
    const origin = world.uploadOrigin ?? p.url;
    const uploadUrl = `${origin}/video/?upload_id=${pub.uploadId}&upload_token=${pub.uploadToken}`;
    return ok({ publish_id: pub.id, upload_url: uploadUrl });
  }

  function upload(req: EmulatorRequest): EmulatorReply {
    const pub = [...world.publishes.values()].find((x) => x.uploadId === req.query.get('upload_id'));
    if (!pub || pub.uploadToken !== req.query.get('upload_token'))
      return fail(404, 'invalid_params', 'Upload not found.');
    if (world.now() > pub.createdAt + UPLOAD_URL_TTL_MS)
      return fail(403, 'invalid_params', 'The upload URL has expired.');
    if (pub.uploadDoneAt !== null) return fail(400, 'invalid_params', 'The upload is already complete.');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!VIDEO_TYPES.includes(type))
      return fail(400, 'invalid_file_upload', `Content-Type must be one of ${VIDEO_TYPES.join(', ')}.`);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (!range) return fail(400, 'invalid_params', 'Content-Range must be bytes {first}-{last}/{total}.');
    const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (total !== pub.videoSize)
      return fail(400, 'invalid_params', 'The total in Content-Range is not the video_size of init.');
    // Chunks go in order: the next chunk starts where the bytes received so far end.
    if (first !== pub.uploadedBytes) return { status: 416, headers: { 'content-range': `bytes */${pub.videoSize}` } };
    const index = pub.chunks.length;
    const expected =
      index < pub.totalChunks - 1 ? pub.chunkSize : pub.videoSize - (pub.totalChunks - 1) * pub.chunkSize;
    if (last - first + 1 !== expected || req.rawBytes.length !== expected)
      return fail(400, 'invalid_params', 'The chunk does not have the size that init announced.');
    pub.chunks.push(Buffer.from(req.rawBytes));
    pub.uploadedBytes += req.rawBytes.length;
    pub.contentType = type;
    if (pub.uploadedBytes < pub.videoSize)
      return { status: 206, headers: { 'content-range': `bytes 0-${pub.uploadedBytes - 1}/${pub.videoSize}` } };
    pub.uploadDoneAt = world.now();
    return { status: 201 };
  }
}

function checkChunks(size?: number, chunk?: number, count?: number): EmulatorReply | undefined {
  const bad = (m: string) => fail(400, 'invalid_params', m);
  if (size === undefined || chunk === undefined || count === undefined)
    return bad('video_size, chunk_size and total_chunk_count are required for FILE_UPLOAD.');
  if (size > MAX_VIDEO) return fail(400, 'invalid_file_upload', 'The video is larger than 4 GB.');
  if (size < MIN_CHUNK && (chunk !== size || count !== 1))
    return bad('A video under 5 MB is uploaded whole, as one chunk.');
  if (size >= MIN_CHUNK && (chunk < MIN_CHUNK || chunk > MAX_CHUNK))
    return bad('chunk_size must be between 5 MB and 64 MB.');
  if (count !== Math.floor(size / chunk))
    return bad('total_chunk_count must be video_size / chunk_size, rounded down.');
  if (count < 1 || count > 1000) return bad('total_chunk_count must be between 1 and 1000.');
  if (size - (count - 1) * chunk > MAX_LAST_CHUNK) return bad('The final chunk may not exceed 128 MB.');
  return undefined;
}

function statusReply(pub: Publish, world: TikTokWorld): EmulatorReply {
  // Only a post everyone may see gets a post id ("publicly available"); private posts and drafts get none.
  const ids =
    pub.status === 'PUBLISH_COMPLETE' && pub.postId && pub.privacyLevel === 'PUBLIC_TO_EVERYONE' ? [pub.postId] : [];
  const data = {
    status: pub.status,
    ...(pub.failReason ? { fail_reason: pub.failReason } : {}),
    publicaly_available_post_id: ids,
    uploaded_bytes: pub.uploadedBytes,
  };
  const reply = ok(data);
  if (!world.numericPostIds || ids.length === 0) return reply;
  // int64 ids written as JSON numbers, as the reference types them: a JSON.parse rounds them past 2^53.
  const text = JSON.stringify(reply.json).replace(
    `"publicaly_available_post_id":["${ids[0]}"]`,
    `"publicaly_available_post_id":[${ids[0]}]`,
  );
  return { status: reply.status, headers: { ...reply.headers, 'content-type': 'application/json' }, body: text };
}
