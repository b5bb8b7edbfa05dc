// Engagement on the sandbox: replies, hides and likes on comments, and direct messages. Each write honours an
// Idempotency-Key the way POST /posts does (same key and body → the earlier result, replayed; another body → 422).
import { HttpError } from './http-utils';
import { randomId, sha256Hex } from './secrets';
import type { SandboxDeps } from './deps';
import type { StoredActionKey } from './store';
import type { Comment, CommentView, DirectMessage, SandboxPost } from './sandbox.types';

export interface ActionResult<T> {
  value: T;
  replayed: boolean;
}

type Scope = StoredActionKey['scope'];

/**
 * Runs `apply` once per (user, scope, key): a repeat with the same body returns what the first produced (`lookup`
 * of its resource id), a repeat with another body is refused. Synchronous, so concurrent duplicates cannot both run.
 */
function once<T>(
  deps: SandboxDeps,
  w: { userId: string; scope: Scope; key: string | undefined; body: unknown },
  lookup: (resourceId: string) => T | undefined,
  apply: () => { value: T; resourceId: string },
): ActionResult<T> {
  const { store } = deps;
  const useKey = w.key !== undefined && !store.data.flags.ignoreIdempotencyKey;
  const bodyHash = sha256Hex(JSON.stringify(w.body));
  if (useKey) {
    const previous = store.findActionKey(w.userId, w.scope, w.key!);
    if (previous) {
      if (previous.bodyHash !== bodyHash)
        throw new HttpError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different body',
        );
      const value = lookup(previous.resourceId);
      if (value !== undefined) return { value, replayed: true };
    }
  }
  const { value, resourceId } = apply();
  if (useKey) {
    store.mutate((state) => {
      state.actionKeys = state.actionKeys
        .filter((r) => !(r.userId === w.userId && r.scope === w.scope && r.key === w.key))
        .concat({ userId: w.userId, scope: w.scope, key: w.key!, bodyHash, resourceId, createdAt: store.nowIso() });
    });
  }
  return { value, replayed: false };
}

export function findCommentOr404(deps: SandboxDeps, id: string): Comment {
  const comment = deps.store.findComment(id);
  if (!comment) throw new HttpError(404, 'not_found', 'Comment not found');
  return comment;
}

/** Replying to and hiding a comment are the post owner's (the account's) moderation rights. */
function ownedPost(deps: SandboxDeps, comment: Comment, userId: string): SandboxPost {
  const post = deps.store.findPost(comment.postId);
  if (!post) throw new HttpError(404, 'not_found', 'Comment not found');
  if (post.authorId !== userId)
    throw new HttpError(403, 'forbidden', 'Only the owner of the post can reply to or hide its comments');
  return post;
}

const withKey = <T extends { requestKey?: string | null }>(deps: SandboxDeps, item: T): T => {
  const { requestKey, ...rest } = item;
  return (deps.store.data.flags.echoRequestKey ? { ...rest, requestKey: requestKey ?? null } : rest) as T;
};

/** A comment as API clients see it, with its moderation state and replies (read-back). */
export function commentView(deps: SandboxDeps, comment: Comment, viewerId: string): CommentView {
  const likedBy = comment.likedBy ?? [];
  return {
    ...withKey(deps, comment),
    parentId: comment.parentId ?? null,
    hidden: comment.hidden === true,
    likedBy: [...likedBy],
    likedByMe: likedBy.includes(viewerId),
    replies: deps.store.data.comments.filter((c) => c.parentId === comment.id).map((c) => withKey(deps, c)),
  };
}

export function replyToComment(
  deps: SandboxDeps,
  userId: string,
  commentId: string,
  text: string,
  key: string | undefined,
): ActionResult<Comment> {
  const parent = findCommentOr404(deps, commentId);
  const post = ownedPost(deps, parent, userId);
  return once(
    deps,
    { userId, scope: 'reply', key, body: { commentId, text } },
    (id) => deps.store.findComment(id),
    () => {
      const reply: Comment = {
        id: randomId('sbx_c_'),
        postId: post.id,
        authorId: userId,
        text,
        createdAt: deps.store.nowIso(),
        parentId: parent.id,
        requestKey: key ?? null,
      };
      deps.store.mutate((state) => {
        state.comments.push(reply);
      });
      return { value: reply, resourceId: reply.id };
    },
  );
}

export function setCommentHidden(
  deps: SandboxDeps,
  userId: string,
  commentId: string,
  hidden: boolean,
  key: string | undefined,
): ActionResult<Comment> {
  const comment = findCommentOr404(deps, commentId);
  ownedPost(deps, comment, userId);
  return once(
    deps,
    { userId, scope: 'hide', key, body: { commentId, hidden } },
    (id) => deps.store.findComment(id),
    () => {
      deps.store.mutate(() => {
        comment.hidden = hidden;
      });
      return { value: comment, resourceId: comment.id };
    },
  );
}

/** Liking is anyone's; liking twice is one like (the platform's own idempotency for this action). */
export function likeComment(
  deps: SandboxDeps,
  userId: string,
  commentId: string,
  key: string | undefined,
): ActionResult<Comment> {
  const comment = findCommentOr404(deps, commentId);
  return once(
    deps,
    { userId, scope: 'like', key, body: { commentId } },
    (id) => deps.store.findComment(id),
    () => {
      deps.store.mutate(() => {
        const likedBy = comment.likedBy ?? [];
        if (!likedBy.includes(userId)) comment.likedBy = [...likedBy, userId];
      });
      return { value: comment, resourceId: comment.id };
    },
  );
}

/** Sends a DM and fires `dm.created` (the recipient's account hears about it, as from any other user). */
export function sendDm(
  deps: SandboxDeps,
  fromUserId: string,
  toUserId: string,
  text: string,
  key?: string,
): ActionResult<DirectMessage> {
  if (!deps.store.findUserById(toUserId)) throw new HttpError(404, 'user_not_found', 'No such recipient');
  if (toUserId === fromUserId) throw new HttpError(422, 'invalid_recipient', 'A user cannot message themselves');
  return once(
    deps,
    { userId: fromUserId, scope: 'dm', key, body: { to: toUserId, text } },
    (id) => deps.store.findDm(id),
    () => {
      const message: DirectMessage = {
        id: randomId('sbx_d_'),
        fromUserId,
        toUserId,
        text,
        createdAt: deps.store.nowIso(),
        requestKey: key ?? null,
      };
      deps.store.mutate((state) => {
        state.dms.push(message);
      });
      deps.webhooks.emit({ type: 'dm.created', data: { message: publicDm(deps, message) } });
      return { value: message, resourceId: message.id };
    },
  );
}

export function publicDm(deps: SandboxDeps, message: DirectMessage): DirectMessage {
  return withKey(deps, message);
}

export function publicComment(deps: SandboxDeps, comment: Comment): Comment {
  return withKey(deps, comment);
}

/** The caller's DMs (sent and received), newest first, optionally with one other user only. */
export function dmsOf(deps: SandboxDeps, userId: string, q: { with?: string; limit: number }): DirectMessage[] {
  const mine = deps.store.data.dms.filter(
    (d) =>
      (d.fromUserId === userId && (q.with === undefined || d.toUserId === q.with)) ||
      (d.toUserId === userId && (q.with === undefined || d.fromUserId === q.with)),
  );
  return mine
    .slice(-q.limit)
    .reverse()
    .map((d) => publicDm(deps, d));
}
