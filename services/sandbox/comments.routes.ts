// Comments API: list and create comments on a post (creating fires the comment.created webhook).
import { requireIdentity } from './auth';
import { createComment } from './content.service';
import { HttpError, json, parseJsonText, validate, type SandboxResponse } from './http-utils';
import { createCommentSchema } from './schemas';
import type { SandboxDeps } from './deps';
import type { RequestContext, Router } from './router';
import type { SandboxPost } from './sandbox.types';

function findPostOr404(deps: SandboxDeps, id: string): SandboxPost {
  const post = deps.store.findPost(id);
  if (!post) throw new HttpError(404, 'not_found', 'Post not found');
  return post;
}

function listComments(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  requireIdentity(deps, ctx);
  const post = findPostOr404(deps, ctx.params.id!);
  return json(200, { data: deps.store.data.comments.filter((c) => c.postId === post.id) });
}

function postComment(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const input = validate(createCommentSchema, parseJsonText(ctx.rawBody));
  const post = findPostOr404(deps, ctx.params.id!);
  return json(201, createComment(deps, post, user.id, input.text));
}

export function registerCommentRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/posts/:id/comments', (ctx) => listComments(deps, ctx));
  router.post('/posts/:id/comments', (ctx) => postComment(deps, ctx));
}
