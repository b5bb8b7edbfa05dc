import { z } from 'zod';
import type { PlatformPost } from '../connector.types';
import { checkPlatformUrl } from '../platform-url';

// What we accept from the platform: it is across a trust boundary too.
export const sandboxMeSchema = z.object({
  id: z.string().min(1),
  handle: z.string(),
  displayName: z.string().optional(),
});
export const sandboxPostSchema = z.object({
  id: z.string().min(1),
  url: z.string(),
  text: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
  // Absent when the platform keeps no request id (the sandbox's echoRequestKey flag off).
  requestKey: z.string().nullable().optional(),
});
export const sandboxPostsPageSchema = z.object({
  data: z.array(sandboxPostSchema),
  next_cursor: z.string().min(1).nullable().optional(),
});
export const sandboxTokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
  token_type: z.string(),
  scope: z.string().optional(),
});

/** A post as the rest of Raize sees it: its link checked here, so no refused URL is stored or linked anywhere. */
export function toPlatformPost(p: z.infer<typeof sandboxPostSchema>, allowLoopbackHttp: boolean): PlatformPost {
  const requestKey = p.requestKey ?? null;
  const link = checkPlatformUrl(p.url, { allowLoopbackHttp });
  return {
    postId: p.id,
    url: link.url,
    ...(link.refused ? { urlRefused: link.refused } : {}),
    text: p.text,
    authorExternalId: p.authorId,
    createdAt: p.createdAt,
    requestKey,
    raw: { id: p.id, url: link.url, authorId: p.authorId, createdAt: p.createdAt, requestKey },
  };
}
