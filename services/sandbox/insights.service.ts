// Insights of the sandbox: figures derived from what it holds (comments, likes on comments, the fans who wrote) and
// from time, so they are deterministic for a given state and clock and grow as time passes, like a real platform's.
import type { SandboxDeps } from './deps';
import type { Comment, SandboxPost } from './sandbox.types';

/** One view every 20 seconds a post is up: enough that a test sees views grow within a minute. */
const MS_PER_VIEW = 20_000;
const DAY_MS = 86_400_000;

/** `GET /posts/:id/insights`: lifetime totals of one post. The sandbox has no sharing: `shares` is null. */
export interface PostInsights {
  postId: string;
  views: number;
  reach: number;
  likes: number;
  comments: number;
  shares: null;
  computedAt: string;
}

/** `GET /me/insights?day=`: the account's followers now, and its figures for one UTC day (so far, for today). */
export interface AccountInsights {
  day: string;
  followers: number;
  views: number;
  reach: number;
  engagements: number;
  computedAt: string;
}

function viewsAt(post: SandboxPost, at: number): number {
  return Math.max(0, Math.floor((at - Date.parse(post.createdAt)) / MS_PER_VIEW));
}

/** Reach is the people who saw it: at least everyone who commented, at most the views. */
function reachOf(views: number, commenters: number): number {
  return Math.min(views, Math.max(commenters, Math.floor((views * 3) / 5)));
}

function commentsOn(deps: SandboxDeps, postId: string): Comment[] {
  return deps.store.data.comments.filter((c) => c.postId === postId);
}

export function postInsights(deps: SandboxDeps, post: SandboxPost): PostInsights {
  const now = deps.store.now();
  const comments = commentsOn(deps, post.id);
  const views = Math.max(viewsAt(post, now), comments.length);
  const commenters = new Set(comments.filter((c) => c.authorId !== post.authorId).map((c) => c.authorId)).size;
  return {
    postId: post.id,
    views,
    reach: reachOf(views, commenters),
    // The sandbox keeps likes on comments only: a post's likes are those its comments received.
    likes: comments.reduce((n, c) => n + (c.likedBy?.length ?? 0), 0),
    comments: comments.length,
    shares: null,
    computedAt: new Date(now).toISOString(),
  };
}

/** `day` is YYYY-MM-DD (UTC), not after today. */
export function accountInsights(deps: SandboxDeps, userId: string, day: string): AccountInsights {
  const now = deps.store.now();
  const start = Date.parse(`${day}T00:00:00Z`);
  const end = Math.min(start + DAY_MS, now);
  const own = deps.store.data.posts.filter((p) => p.authorId === userId);
  const ownIds = new Set(own.map((p) => p.id));
  const fanComments = deps.store.data.comments.filter((c) => ownIds.has(c.postId) && c.authorId !== userId);
  // Followers: everyone who ever commented on the account's posts or wrote it a message.
  const fans = new Set(fanComments.map((c) => c.authorId));
  for (const dm of deps.store.data.dms) if (dm.toUserId === userId && dm.fromUserId !== userId) fans.add(dm.fromUserId);
  let views = 0;
  for (const p of own) {
    const created = Date.parse(p.createdAt);
    if (created >= end) continue;
    views += viewsAt(p, end) - viewsAt(p, Math.max(start, created));
  }
  const inDay = (c: Comment) => {
    const at = Date.parse(c.createdAt);
    return at >= start && at < end;
  };
  const todays = fanComments.filter(inDay);
  return {
    day,
    followers: fans.size,
    views,
    reach: reachOf(views, new Set(todays.map((c) => c.authorId)).size),
    engagements: todays.length,
    computedAt: new Date(now).toISOString(),
  };
}
