// Engagement API: read a comment back, reply to it, hide/unhide it, like it; send and read direct messages.
import { requireIdentity } from './auth';
import {
  commentView,
  dmsOf,
  findCommentOr404,
  likeComment,
  publicComment,
  publicDm,
  replyToComment,
  sendDm,
  setCommentHidden,
} from './engagement.service';
import type { ActionResult } from './engagement.service';
import { HttpError, json, parseJsonText, validate, type SandboxResponse } from './http-utils';
import { idempotencyKeyOf } from './posts.routes';
import { createCommentSchema, hideCommentSchema, listDmsQuerySchema, sendDmSchema } from './schemas';
import type { SandboxDeps } from './deps';
import type { RequestContext, Router } from './router';

/** 201 for a new write, 200 with `idempotent-replayed: true` for a replay of the same key (as POST /posts). */
function written<T>(r: ActionResult<T>, view: (v: T) => unknown, created = 201): SandboxResponse {
  return r.replayed ? json(200, view(r.value), { 'idempotent-replayed': 'true' }) : json(created, view(r.value));
}

function getComment(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  return json(200, commentView(deps, findCommentOr404(deps, ctx.params.id!), user.id));
}

function postReply(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const key = idempotencyKeyOf(ctx);
  const input = validate(createCommentSchema, parseJsonText(ctx.rawBody));
  return written(replyToComment(deps, user.id, ctx.params.id!, input.text, key), (c) => publicComment(deps, c));
}

function postHide(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const key = idempotencyKeyOf(ctx);
  const input = validate(hideCommentSchema, ctx.rawBody.length ? parseJsonText(ctx.rawBody) : {});
  const r = setCommentHidden(deps, user.id, ctx.params.id!, input.hidden, key);
  return written(r, (c) => commentView(deps, c, user.id), 200);
}

function postLike(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const key = idempotencyKeyOf(ctx);
  const r = likeComment(deps, user.id, ctx.params.id!, key);
  return written(r, (c) => commentView(deps, c, user.id), 200);
}

function postDm(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const key = idempotencyKeyOf(ctx);
  const input = validate(sendDmSchema, parseJsonText(ctx.rawBody));
  return written(sendDm(deps, user.id, input.to, input.text, key), (d) => publicDm(deps, d));
}

function listDms(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const query = validate(listDmsQuerySchema, Object.fromEntries(ctx.query));
  return json(200, { data: dmsOf(deps, user.id, query) });
}

function getDm(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const dm = deps.store.findDm(ctx.params.id!);
  // Another user's message answers like a missing one.
  if (!dm || (dm.fromUserId !== user.id && dm.toUserId !== user.id))
    throw new HttpError(404, 'not_found', 'Message not found');
  return json(200, publicDm(deps, dm));
}

export function registerEngagementRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/comments/:id', (ctx) => getComment(deps, ctx));
  router.post('/comments/:id/replies', (ctx) => postReply(deps, ctx));
  router.post('/comments/:id/hide', (ctx) => postHide(deps, ctx));
  router.post('/comments/:id/like', (ctx) => postLike(deps, ctx));
  router.post('/dms', (ctx) => postDm(deps, ctx));
  router.get('/dms', (ctx) => listDms(deps, ctx));
  router.get('/dms/:id', (ctx) => getDm(deps, ctx));
}
