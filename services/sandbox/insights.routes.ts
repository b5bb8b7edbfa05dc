// Insights API: a post's lifetime figures and the account's figures per day, for the owner's token only.
import { z } from 'zod';
import { requireIdentity } from './auth';
import { HttpError, json, validate, type SandboxResponse } from './http-utils';
import { accountInsights, postInsights } from './insights.service';
import type { SandboxDeps } from './deps';
import type { RequestContext, Router } from './router';

const dayQuerySchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'day must be a calendar date')
    .optional(),
});

function getPostInsights(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const post = deps.store.findPost(ctx.params.id!);
  // Another account's post answers like a missing one: insights are its owner's.
  if (!post || post.authorId !== user.id) throw new HttpError(404, 'not_found', 'Post not found');
  return json(200, { data: postInsights(deps, post) });
}

function getMyInsights(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const { user } = requireIdentity(deps, ctx);
  const today = new Date(deps.store.now()).toISOString().slice(0, 10);
  const day = validate(dayQuerySchema, Object.fromEntries(ctx.query)).day ?? today;
  if (day > today) throw new HttpError(400, 'invalid_request', 'day is in the future');
  return json(200, { data: accountInsights(deps, user.id, day) });
}

export function registerInsightsRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/me/insights', (ctx) => getMyInsights(deps, ctx));
  router.get('/posts/:id/insights', (ctx) => getPostInsights(deps, ctx));
}
