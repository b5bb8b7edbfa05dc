import { z } from 'zod';
import type { PlatformPost } from '../connector.types';
import { checkPlatformUrl } from '../platform-url';

// Everything TikTok answers crosses a trust boundary: parsed here, never passed on raw.

export const tiktokErrorSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
  log_id: z.string().optional(),
});

/** Every v2 answer: `data` plus an `error` whose code is `ok` on success. */
export function envelope<T extends z.ZodTypeAny>(data: T) {
  return z.object({ data, error: tiktokErrorSchema });
}

export const userInfoSchema = z.object({
  user: z.object({
    open_id: z.string().min(1),
    union_id: z.string().optional(),
    display_name: z.string().optional(),
    username: z.string().optional(),
  }),
});

export const creatorInfoSchema = z.object({
  creator_avatar_url: z.string().optional(),
  creator_username: z.string().optional(),
  creator_nickname: z.string().optional(),
  privacy_level_options: z.array(z.string()),
  comment_disabled: z.boolean().optional(),
  duet_disabled: z.boolean().optional(),
  stitch_disabled: z.boolean().optional(),
  max_video_post_duration_sec: z.number().int().positive(),
  // Older pages of the reference name a `can_post` flag; absent means the account may post.
  can_post: z.boolean().optional(),
});
export type TikTokCreatorInfo = z.infer<typeof creatorInfoSchema>;

export const initSchema = z.object({
  publish_id: z.string().min(1),
  upload_url: z.string().min(1),
});

export const PUBLISH_STATUSES = [
  'PROCESSING_UPLOAD',
  'PROCESSING_DOWNLOAD',
  'SEND_TO_USER_INBOX',
  'PUBLISH_COMPLETE',
  'FAILED',
] as const;

export const statusSchema = z.object({
  status: z.enum(PUBLISH_STATUSES),
  fail_reason: z.string().optional(),
  // TikTok's own spelling. Post ids are int64: a JSON number above 2^53 arrives rounded (see tiktok-post-id.ts).
  publicaly_available_post_id: z
    .array(z.union([z.string().regex(/^\d{1,25}$/), z.number().nonnegative().refine(Number.isInteger)]))
    .optional(),
  uploaded_bytes: z.number().optional(),
  downloaded_bytes: z.number().optional(),
});
export type TikTokPublishStatus = z.infer<typeof statusSchema>;

export const VIDEO_FIELDS = ['id', 'title', 'video_description', 'create_time', 'share_url'] as const;

export const videoSchema = z.object({
  id: z.string().regex(/^\d{1,25}$/),
  create_time: z.number().int().nonnegative(),
  title: z.string().optional(),
  video_description: z.string().optional(),
  share_url: z.string().optional(),
});
export type TikTokVideo = z.infer<typeof videoSchema>;

export const videoListSchema = z.object({
  videos: z.array(videoSchema),
  cursor: z.number().int().optional(),
  has_more: z.boolean(),
});

export const videoQuerySchema = z.object({
  videos: z.array(videoSchema),
});

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  open_id: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});

/**
 * A video as the rest of Raize sees it. The caption is `video_description` (the full text we sent as
 * `post_info.title`); `title` is only a fallback. TikTok's video endpoints answer for the token's own user only, so
 * the author is the identity behind the token, read alongside.
 */
export function videoToPost(v: TikTokVideo, authorOpenId: string): PlatformPost {
  const link = v.share_url ? checkPlatformUrl(v.share_url) : { url: '' as const, refused: 'TikTok gave no share_url' };
  const createdAt = new Date(v.create_time * 1000).toISOString();
  return {
    postId: v.id,
    url: link.url,
    ...(link.refused ? { urlRefused: link.refused } : {}),
    text: v.video_description || v.title || '',
    authorExternalId: authorOpenId,
    createdAt,
    // TikTok keeps no request key of ours on a post.
    requestKey: null,
    raw: { id: v.id, url: link.url, authorId: authorOpenId, createdAt },
  };
}
