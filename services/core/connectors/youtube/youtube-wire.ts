import { z } from 'zod';
import type { PlatformPost } from '../connector.types';
import { checkPlatformUrl } from '../platform-url';

// Everything YouTube and Google's OAuth server answer, as we accept it: it crosses a trust boundary.
// Shapes from https://developers.google.com/youtube/v3/docs/videos, .../docs/channels, .../docs/playlistItems and
// https://developers.google.com/identity/protocols/oauth2/web-server.

/** Video and channel ids go into paths and links: only the characters YouTube uses. */
const youtubeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const youtubeVideoSchema = z.object({
  id: youtubeId,
  snippet: z.object({
    publishedAt: z.string().min(1),
    channelId: youtubeId,
    title: z.string(),
    // YouTube omits an empty description.
    description: z.string().optional(),
  }),
  status: z
    .object({
      uploadStatus: z.string().optional(),
      privacyStatus: z.string().optional(),
      rejectionReason: z.string().optional(),
      failureReason: z.string().optional(),
    })
    .optional(),
});
export type YouTubeVideo = z.infer<typeof youtubeVideoSchema>;

export const youtubeVideoListSchema = z.object({ items: z.array(youtubeVideoSchema).optional() });

export const youtubeChannelListSchema = z.object({
  items: z
    .array(
      z.object({
        id: youtubeId,
        snippet: z.object({ title: z.string(), customUrl: z.string().optional() }).optional(),
        contentDetails: z.object({ relatedPlaylists: z.object({ uploads: youtubeId.optional() }) }).optional(),
      }),
    )
    .optional(),
});

export const youtubePlaylistItemsSchema = z.object({
  nextPageToken: z.string().min(1).optional(),
  items: z.array(z.object({ contentDetails: z.object({ videoId: youtubeId }) })).optional(),
});

export const googleTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().optional(),
  refresh_token: z.string().min(1).optional(),
  // Present when the user granted time-limited access.
  refresh_token_expires_in: z.number().optional(),
  scope: z.string().optional(),
  token_type: z.string(),
});

/** https://oauth2.googleapis.com/tokeninfo: only the granted scopes matter here. */
export const googleTokenInfoSchema = z.object({ scope: z.string().optional() });

/** The Google JSON error body: `{ error: { code, message, errors: [{ reason, domain, message }], status } }`. */
export const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional() })).optional(),
  }),
});

/** The OAuth server's error body (RFC 6749 §5.2): `{ error, error_description }`. */
export const googleTokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export const YOUTUBE_WATCH_URL = 'https://www.youtube.com/watch';

/** A video as the rest of Raize sees it: the text is the description, the author the channel. */
export function toPlatformPost(v: YouTubeVideo): PlatformPost {
  const link = checkPlatformUrl(`${YOUTUBE_WATCH_URL}?v=${v.id}`);
  const privacyStatus = v.status?.privacyStatus ?? null;
  const uploadStatus = v.status?.uploadStatus ?? null;
  return {
    postId: v.id,
    url: link.url,
    ...(link.refused ? { urlRefused: link.refused } : {}),
    text: v.snippet.description ?? '',
    authorExternalId: v.snippet.channelId,
    createdAt: v.snippet.publishedAt,
    // YouTube keeps no request id of ours: reconciliation matches by content and time.
    requestKey: null,
    raw: { id: v.id, channelId: v.snippet.channelId, publishedAt: v.snippet.publishedAt, privacyStatus, uploadStatus },
  };
}
