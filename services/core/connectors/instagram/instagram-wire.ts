import { z } from 'zod';
import type { PlatformMention, PlatformPost } from '../connector.types';
import { checkPlatformUrl } from '../platform-url';

// Everything Instagram answers crosses a trust boundary: parsed here, nothing else reads a raw body.

/**
 * Graph ids are numeric strings. Some answers (the code exchange's `user_id`) are JSON numbers past 2^53 and lose
 * digits in JSON.parse, so ids that matter are only ever read from answers that carry them as strings.
 */
const graphId = z.string().regex(/^\d+$/);

export const igMeSchema = z
  .object({ user_id: graphId, username: z.string().min(1), name: z.string().optional() })
  .transform((m) => ({ userId: m.user_id, username: m.username, name: m.name }));
export type IgMe = z.output<typeof igMeSchema>;

export const igCreatedSchema = z.object({ id: graphId });

export const IG_CONTAINER_STATES = ['EXPIRED', 'ERROR', 'FINISHED', 'IN_PROGRESS', 'PUBLISHED'] as const;
export const igContainerSchema = z.object({
  id: graphId,
  status_code: z.enum(IG_CONTAINER_STATES),
  // With ERROR, the error subcode (as a number or inside a sentence).
  status: z.string().optional(),
});
export type IgContainer = z.output<typeof igContainerSchema>;

/** Graph writes `2017-08-31T18:10:00+0000`; Date.parse wants the offset with a colon. */
const parseGraphTime = (raw: string): number => Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
const graphTimestamp = z.string().refine((s) => !Number.isNaN(parseGraphTime(s)), 'not a Graph timestamp');

export const IG_MEDIA_FIELDS = 'id,caption,media_type,permalink,timestamp,username,owner';

export const igMediaSchema = z.object({
  id: graphId,
  caption: z.string().optional(),
  media_type: z.string().optional(),
  permalink: z.string().optional(),
  timestamp: graphTimestamp,
  username: z.string().optional(),
  // Only returned to the app that created the media, which is every post we read back.
  owner: z.object({ id: graphId }).optional(),
});
export type IgMedia = z.output<typeof igMediaSchema>;

/**
 * The mention reads of developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/
 * mentioned_comment and .../mentioned_media: a field expansion on the IG user node, answered as
 * `{"mentioned_comment": {...}, "id": "<ig-user-id>"}`. The expansion's ids come from a webhook: only digits are put
 * into it, so no id can change the expression.
 */
export const IG_MENTIONED_COMMENT_FIELDS = 'id,text,timestamp,username,media{id}';
export const IG_MENTIONED_MEDIA_FIELDS = 'id,caption,timestamp,username';

export const isGraphId = (s: string): boolean => graphId.safeParse(s).success;

export function mentionedCommentField(commentId: string): string {
  if (!isGraphId(commentId)) throw new TypeError('a comment id must be a Graph id');
  return `mentioned_comment.comment_id(${commentId}){${IG_MENTIONED_COMMENT_FIELDS}}`;
}

export function mentionedMediaField(mediaId: string): string {
  if (!isGraphId(mediaId)) throw new TypeError('a media id must be a Graph id');
  return `mentioned_media.media_id(${mediaId}){${IG_MENTIONED_MEDIA_FIELDS}}`;
}

// `mentioned_*` is absent when Graph has nothing to show for the id: read as "no such mention", not as a bad answer.
export const igMentionedCommentSchema = z.object({
  id: graphId,
  mentioned_comment: z
    .object({
      id: graphId,
      text: z.string().default(''),
      timestamp: graphTimestamp,
      username: z.string().min(1).optional(),
      media: z.object({ id: graphId }).optional(),
    })
    .optional(),
});
export type IgMentionedComment = z.output<typeof igMentionedCommentSchema>;

export const igMentionedMediaSchema = z.object({
  id: graphId,
  mentioned_media: z
    .object({
      id: graphId,
      // A caption that @mentions the account comes without the `@` (the page says so); absent for no caption.
      caption: z.string().default(''),
      timestamp: graphTimestamp,
      username: z.string().min(1).optional(),
    })
    .optional(),
});
export type IgMentionedMedia = z.output<typeof igMentionedMediaSchema>;

export const igMediaPageSchema = z.object({
  data: z.array(igMediaSchema),
  paging: z
    .object({
      cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});

export const igPublishingLimitSchema = z.object({
  data: z
    .array(
      z.object({
        quota_usage: z.number().int().min(0),
        config: z
          .object({ quota_total: z.number().int().positive(), quota_duration: z.number().int().positive() })
          .optional(),
      }),
    )
    .min(1),
});

const permissions = z.union([z.string(), z.array(z.string())]).optional();
const shortToken = z.object({
  access_token: z.string().min(1),
  user_id: z.union([z.string(), z.number()]).optional(),
  permissions,
});
/** The code exchange: Business Login answers `{data:[...]}`, the older page a flat object. */
export const igShortTokenSchema = z
  .union([z.object({ data: z.array(shortToken).min(1) }), shortToken])
  .transform((t) => ('data' in t ? t.data[0]! : t));

export const igLongTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive(),
  permissions,
});

/** Scopes as Raize stores them: space-separated (Instagram answers a comma-separated list or an array). */
export function scopeList(p: string | string[] | undefined): string | undefined {
  if (p === undefined) return undefined;
  const list = (Array.isArray(p) ? p : p.split(/[\s,]+/)).map((s) => s.trim()).filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/** The rest of Raize reads ISO 8601 in UTC; the schema has already refused an unreadable timestamp. */
export function graphTime(raw: string): string {
  return new Date(parseGraphTime(raw)).toISOString();
}

/** A post as the rest of Raize sees it; its permalink checked here (C-15) so no refused link is stored. */
export function toPlatformPost(m: IgMedia, authorId: string, allowLoopbackHttp: boolean): PlatformPost {
  const link = checkPlatformUrl(m.permalink ?? '', { allowLoopbackHttp });
  const createdAt = graphTime(m.timestamp);
  return {
    postId: m.id,
    url: link.url,
    ...(link.refused ? { urlRefused: link.refused } : {}),
    // Verification hashes the text it sent against what the platform shows: for Instagram, the caption.
    text: m.caption ?? '',
    authorExternalId: authorId,
    createdAt,
    // Instagram keeps no request key: reconciliation matches by content and time, and the writer by container.
    requestKey: null,
    raw: { id: m.id, mediaType: m.media_type ?? null, permalink: link.url, timestamp: createdAt, authorId },
  };
}

/** A mention in a comment as the rest of Raize sees it; null when Graph showed none for the id. */
export function toCommentMention(answer: IgMentionedComment, mediaId: string): PlatformMention | null {
  const c = answer.mentioned_comment;
  if (!c) return null;
  return {
    id: c.id,
    in: 'comment',
    // The webhook's media id is what the event was stored under; Graph's own answer wins where it gives one.
    mediaId: c.media?.id ?? mediaId,
    text: c.text,
    authorHandle: c.username ?? null,
    createdAt: graphTime(c.timestamp),
  };
}

/** A mention in a caption as the rest of Raize sees it; null when Graph showed none for the id. */
export function toCaptionMention(answer: IgMentionedMedia): PlatformMention | null {
  const m = answer.mentioned_media;
  if (!m) return null;
  return {
    id: m.id,
    in: 'caption',
    mediaId: m.id,
    text: m.caption,
    authorHandle: m.username ?? null,
    createdAt: graphTime(m.timestamp),
  };
}
