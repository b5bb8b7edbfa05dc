import { z } from 'zod';
import type { EngagementItem } from '../connector.types';

// Comments and DMs as the sandbox answers them: across a trust boundary, so parsed, never trusted.
const sandboxCommentBase = z.object({
  id: z.string().min(1),
  postId: z.string(),
  authorId: z.string(),
  text: z.string(),
  createdAt: z.string(),
  parentId: z.string().nullable().optional(),
  hidden: z.boolean().optional(),
  likedByMe: z.boolean().optional(),
  requestKey: z.string().nullable().optional(),
});
export const sandboxCommentSchema = sandboxCommentBase.extend({ replies: z.array(sandboxCommentBase).optional() });
export const sandboxDmSchema = z.object({
  id: z.string().min(1),
  fromUserId: z.string(),
  toUserId: z.string(),
  text: z.string(),
  createdAt: z.string(),
  requestKey: z.string().nullable().optional(),
});
export const sandboxDmListSchema = z.object({ data: z.array(sandboxDmSchema) });

type SandboxComment = z.infer<typeof sandboxCommentSchema>;

export function commentItem(c: SandboxComment): EngagementItem {
  const requestKey = c.requestKey ?? null;
  return {
    id: c.id,
    kind: 'comment',
    text: c.text,
    authorExternalId: c.authorId,
    createdAt: c.createdAt,
    parentId: c.parentId ?? null,
    recipientExternalId: null,
    hidden: c.hidden === true,
    likedByMe: c.likedByMe === true,
    replies: (c.replies ?? []).map((r) => commentItem(r)),
    requestKey,
    raw: {
      id: c.id,
      postId: c.postId,
      parentId: c.parentId ?? null,
      authorId: c.authorId,
      hidden: c.hidden ?? null,
      likedByMe: c.likedByMe ?? null,
      createdAt: c.createdAt,
      requestKey,
    },
  };
}

export function dmItem(d: z.infer<typeof sandboxDmSchema>): EngagementItem {
  const requestKey = d.requestKey ?? null;
  return {
    id: d.id,
    kind: 'dm',
    text: d.text,
    authorExternalId: d.fromUserId,
    createdAt: d.createdAt,
    parentId: null,
    recipientExternalId: d.toUserId,
    hidden: false,
    likedByMe: false,
    replies: [],
    requestKey,
    raw: { id: d.id, fromUserId: d.fromUserId, toUserId: d.toUserId, createdAt: d.createdAt, requestKey },
  };
}
