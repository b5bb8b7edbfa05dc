import { z } from 'zod';
import { PlatformPost } from '../connector.types';

// What we accept from the platform: it is across a trust boundary too.
export const sandboxMeSchema = z.object({ id: z.string().min(1), handle: z.string(), displayName: z.string().optional() });
export const sandboxPostSchema = z.object({
  id: z.string().min(1),
  url: z.string(),
  text: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
});

export function toPlatformPost(raw: unknown): PlatformPost {
  const p = sandboxPostSchema.parse(raw);
  return { postId: p.id, url: p.url, text: p.text, authorExternalId: p.authorId, createdAt: p.createdAt, raw: { id: p.id, url: p.url, authorId: p.authorId, createdAt: p.createdAt } };
}
