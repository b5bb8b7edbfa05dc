// Posts API: create (idempotent), read one, and the public media bytes of uploaded media.
import { requireIdentity } from './auth';
import { createPost, publicPost } from './content.service';
import { HttpError, headerValue, json, parseJsonText, validate, type SandboxResponse } from './http-utils';
import { createPostSchema } from './schemas';
import type { SandboxDeps } from './deps';
import type { RequestContext, Router } from './router';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export function idempotencyKeyOf(ctx: RequestContext): string | undefined {
  const key = headerValue(ctx.req.headers[IDEMPOTENCY_HEADER]);
  if (key === undefined) return undefined;
  if (key.length < 1 || key.length > 255)
    throw new HttpError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1-255 characters');
  return key;
}

function postPost(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const key = idempotencyKeyOf(ctx);
  const input = validate(createPostSchema, parseJsonText(ctx.rawBody));
  const { post, replayed } = createPost(deps, user.id, input, key);
  const view = publicPost(deps, post);
  return replayed ? json(200, view, { 'idempotent-replayed': 'true' }) : json(201, view, { location: post.url });
}

function getPost(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  requireIdentity(deps, ctx);
  const post = deps.store.findPost(ctx.params.id!);
  if (!post) throw new HttpError(404, 'not_found', 'Post not found');
  return json(200, publicPost(deps, post));
}

function getMedia(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const blob = deps.store.findMediaBlob(ctx.params.id!);
  if (!blob) throw new HttpError(404, 'not_found', 'Media not found');
  return {
    status: 200,
    headers: {
      'content-type': blob.contentType,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=3600',
    },
    body: Buffer.from(blob.dataBase64, 'base64'),
  };
}

export function registerPostRoutes(router: Router, deps: SandboxDeps): void {
  router.post('/posts', (ctx) => postPost(deps, ctx));
  router.get('/posts/:id', (ctx) => getPost(deps, ctx));
  router.get('/media/:id', (ctx) => getMedia(deps, ctx));
}
