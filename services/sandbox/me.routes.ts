// The token identity: profile and its posts, paged newest first (publishers reconcile against them).
import { requireIdentity } from './auth';
import { postsPageByAuthor } from './content.service';
import { json, validate, type SandboxResponse } from './http-utils';
import { listMyPostsQuerySchema } from './schemas';
import { publicUser } from './users';
import type { SandboxDeps } from './deps';
import type { RequestContext, Router } from './router';

function getMe(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  return json(200, publicUser(user));
}

function getMyPosts(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const query = validate(listMyPostsQuerySchema, Object.fromEntries(ctx.query));
  return json(200, postsPageByAuthor(deps, user.id, query));
}

export function registerMeRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/me', (ctx) => getMe(deps, ctx));
  router.get('/me/posts', (ctx) => getMyPosts(deps, ctx));
}
