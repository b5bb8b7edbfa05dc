// Admin API (`x-sandbox-admin` header): seed data, faults, flags, identity swaps, webhooks, the web pages' look,
// challenges and sessions (browser lane), and inspection.
import { requireAdmin } from './auth';
import { challengeState } from './challenges';
import { createComment } from './content.service';
import { sendDm } from './engagement.service';
import { HttpError, json, parseJsonText, validate, type SandboxResponse } from './http-utils';
import {
  adminCreateCommentSchema,
  adminCreateSessionSchema,
  adminEditPostSchema,
  adminSendDmSchema,
  adminIssueTokenSchema,
  createUserSchema,
  identitySwapSchema,
  registerOAuthClientSchema,
  registerWebhookSchema,
  setChallengeSchema,
  setFaultsSchema,
  setFlagsSchema,
  setUiSchema,
  setWebhookFaultsSchema,
} from './schemas';
import { randomId, sha256Hex } from './secrets';
import { revokeUserSessions, sessionCookieObject, startSession } from './sessions';
import { issueTokens } from './tokens';
import { createUser, publicUser } from './users';
import type { SandboxDeps } from './deps';
import type { Handler, RequestContext, Router } from './router';
import type { StoredOAuthClient, StoredWebhook } from './store';
import type { SandboxOAuthClient, SandboxSession, WebhookSubscription } from './sandbox.types';

const noContent = (): SandboxResponse => ({ status: 204 });
const list = <T>(data: readonly T[]): SandboxResponse => json(200, { data });
const body = (ctx: RequestContext): unknown => parseJsonText(ctx.rawBody);

function clientView(c: StoredOAuthClient): SandboxOAuthClient {
  return { clientId: c.clientId, redirectUris: [...c.redirectUris], confidential: c.secretHash !== null };
}

function webhookView(w: StoredWebhook): WebhookSubscription {
  return { id: w.id, url: w.url, createdAt: w.createdAt };
}

function requireUser(deps: SandboxDeps, id: string, field: string) {
  const user = deps.store.findUserById(id);
  if (!user) throw new HttpError(404, 'user_not_found', `${field}: no user ${id}`);
  return user;
}

export function registerAdminRoutes(router: Router, deps: SandboxDeps): void {
  const { store } = deps;
  const admin =
    (handler: Handler): Handler =>
    (ctx) => {
      requireAdmin(deps, ctx);
      return handler(ctx);
    };

  // users & clients
  router.post(
    '/_admin/users',
    admin(async (ctx) => json(201, await createUser(deps, validate(createUserSchema, body(ctx))))),
  );
  router.get(
    '/_admin/users',
    admin(() => list(store.data.users.map(publicUser))),
  );

  router.post(
    '/_admin/oauth-clients',
    admin((ctx) => {
      const input = validate(registerOAuthClientSchema, body(ctx));
      const client: StoredOAuthClient = {
        clientId: input.clientId,
        secretHash: input.clientSecret ? sha256Hex(input.clientSecret) : null,
        redirectUris: input.redirectUris,
        createdAt: store.nowIso(),
      };
      // Upsert: re-registering a client id replaces it (handy for demo seeding against a persistent state).
      store.mutate((state) => {
        state.oauthClients = state.oauthClients.filter((c) => c.clientId !== client.clientId).concat(client);
      });
      return json(201, clientView(client));
    }),
  );
  router.get(
    '/_admin/oauth-clients',
    admin(() => list(store.data.oauthClients.map(clientView))),
  );

  router.post(
    '/_admin/tokens',
    admin((ctx) => {
      const input = validate(adminIssueTokenSchema, body(ctx));
      requireUser(deps, input.userId, 'userId');
      const tokens = issueTokens(deps, {
        userId: input.userId,
        clientId: input.clientId ?? 'sandbox-admin',
        scope: input.scope ?? 'profile posts comments',
        grantId: randomId('sbx_g_'),
        expiresInSeconds: input.expiresInSeconds,
      });
      return json(201, tokens);
    }),
  );

  // faults & flags
  router.post(
    '/_admin/faults',
    admin((ctx) => list(deps.faults.set(validate(setFaultsSchema, body(ctx)).faults))),
  );
  router.get(
    '/_admin/faults',
    admin(() => list(deps.faults.list())),
  );
  router.delete(
    '/_admin/faults',
    admin(() => {
      deps.faults.clear();
      return noContent();
    }),
  );

  router.post(
    '/_admin/flags',
    admin((ctx) => {
      const input = validate(setFlagsSchema, body(ctx));
      store.mutate((state) => {
        state.flags = { ...state.flags, ...input };
      });
      return json(200, store.data.flags);
    }),
  );
  router.get(
    '/_admin/flags',
    admin(() => json(200, store.data.flags)),
  );

  // browser lane (issue #17): how the pages look, what stands in a user's way, sessions a runner starts from
  router.post(
    '/_admin/ui',
    admin((ctx) => {
      const input = validate(setUiSchema, body(ctx));
      store.mutate((state) => {
        state.ui = { ...state.ui, ...input };
      });
      return json(200, store.data.ui);
    }),
  );
  router.get(
    '/_admin/ui',
    admin(() => json(200, store.data.ui)),
  );
  router.post(
    '/_admin/users/:id/challenge',
    admin((ctx) => {
      const { kind } = validate(setChallengeSchema, body(ctx));
      requireUser(deps, ctx.params.id!, 'id');
      const user = store.mutate((state) => {
        const u = state.users.find((x) => x.id === ctx.params.id)!;
        u.challenge = kind;
        // A newly set challenge must be met again, as a platform re-asks after changing its cookie policy.
        u.consentAcceptedAt = null;
        return u;
      });
      return json(200, challengeState(user));
    }),
  );
  router.post(
    '/_admin/sessions',
    admin((ctx) => {
      const input = validate(adminCreateSessionSchema, body(ctx));
      requireUser(deps, input.userId, 'userId');
      const session = startSession(deps, input.userId, input.expiresInSeconds);
      const answer: SandboxSession = { cookie: sessionCookieObject(deps, session) };
      return json(201, answer);
    }),
  );
  router.delete(
    '/_admin/users/:id/sessions',
    admin((ctx) => {
      requireUser(deps, ctx.params.id!, 'id');
      return json(200, { revoked: revokeUserSessions(deps, ctx.params.id!) });
    }),
  );

  // identity swaps
  router.post(
    '/_admin/identity-swaps',
    admin((ctx) => {
      const swap = validate(identitySwapSchema, body(ctx));
      requireUser(deps, swap.fromUserId, 'fromUserId');
      requireUser(deps, swap.toUserId, 'toUserId');
      store.mutate((state) => {
        state.swaps = state.swaps.filter((s) => s.fromUserId !== swap.fromUserId).concat(swap);
      });
      return json(201, swap);
    }),
  );
  router.get(
    '/_admin/identity-swaps',
    admin(() => list(store.data.swaps)),
  );
  router.delete(
    '/_admin/identity-swaps',
    admin(() => {
      store.mutate((state) => {
        state.swaps = [];
      });
      return noContent();
    }),
  );

  // content
  router.get(
    '/_admin/posts',
    admin(() => list(store.data.posts)),
  );
  // What happens to a published post on a real platform without the account's API: a moderator takes it down, the
  // owner edits it in the app, it moves to another account. The receipt re-checks (issue #15) must notice each.
  router.delete(
    '/_admin/posts/:id',
    admin((ctx) => {
      if (!store.findPost(ctx.params.id!)) throw new HttpError(404, 'not_found', `No post ${ctx.params.id}`);
      store.mutate((state) => {
        state.posts = state.posts.filter((p) => p.id !== ctx.params.id);
      });
      return noContent();
    }),
  );
  router.add(
    'PATCH',
    '/_admin/posts/:id',
    admin((ctx) => {
      const input = validate(adminEditPostSchema, body(ctx));
      if (!store.findPost(ctx.params.id!)) throw new HttpError(404, 'not_found', `No post ${ctx.params.id}`);
      if (input.authorId) requireUser(deps, input.authorId, 'authorId');
      const post = store.mutate((state) => {
        const p = state.posts.find((x) => x.id === ctx.params.id)!;
        if (input.text !== undefined) p.text = input.text;
        if (input.authorId !== undefined) p.authorId = input.authorId;
        return { ...p };
      });
      return json(200, post);
    }),
  );
  router.get(
    '/_admin/comments',
    admin((ctx) => {
      const postId = ctx.query.get('postId');
      return list(postId ? store.data.comments.filter((c) => c.postId === postId) : store.data.comments);
    }),
  );
  router.post(
    '/_admin/comments',
    admin((ctx) => {
      const input = validate(adminCreateCommentSchema, body(ctx));
      const post = store.findPost(input.postId);
      if (!post) throw new HttpError(404, 'not_found', `No post ${input.postId}`);
      requireUser(deps, input.authorId, 'authorId');
      return json(201, createComment(deps, post, input.authorId, input.text));
    }),
  );

  // A sandbox user writes to an account (fires dm.created), as comments are created above.
  router.post(
    '/_admin/dms',
    admin((ctx) => {
      const input = validate(adminSendDmSchema, body(ctx));
      requireUser(deps, input.fromUserId, 'fromUserId');
      requireUser(deps, input.toUserId, 'toUserId');
      return json(201, sendDm(deps, input.fromUserId, input.toUserId, input.text).value);
    }),
  );
  router.get(
    '/_admin/dms',
    admin(() => list(store.data.dms)),
  );

  // webhooks
  router.post(
    '/_admin/webhooks',
    admin((ctx) => {
      const input = validate(registerWebhookSchema, body(ctx));
      const hook: StoredWebhook = {
        id: randomId('sbx_wh_'),
        url: input.url,
        secret: input.secret,
        createdAt: store.nowIso(),
      };
      store.mutate((state) => {
        state.webhooks.push(hook);
      });
      return json(201, webhookView(hook));
    }),
  );
  router.get(
    '/_admin/webhooks',
    admin(() => list(store.data.webhooks.map(webhookView))),
  );
  router.delete(
    '/_admin/webhooks/:id',
    admin((ctx) => {
      if (!store.data.webhooks.some((w) => w.id === ctx.params.id))
        throw new HttpError(404, 'not_found', 'No such webhook');
      store.mutate((state) => {
        state.webhooks = state.webhooks.filter((w) => w.id !== ctx.params.id);
      });
      return noContent();
    }),
  );
  router.get(
    '/_admin/webhook-deliveries',
    admin(() => list(store.deliveries)),
  );
  // A platform's "redeliver" button: the same event, same delivery id, again (the ingest must answer it once).
  router.post(
    '/_admin/webhook-deliveries/:id/replay',
    admin((ctx) => {
      if (!deps.webhooks.replay(ctx.params.id!)) throw new HttpError(404, 'not_found', 'No such webhook event');
      return json(202, { deliveryId: ctx.params.id });
    }),
  );
  router.post(
    '/_admin/webhook-faults',
    admin((ctx) => json(200, deps.webhooks.setFaults(validate(setWebhookFaultsSchema, body(ctx))))),
  );
  router.get(
    '/_admin/webhook-faults',
    admin(() => json(200, deps.webhooks.faults())),
  );
  router.delete(
    '/_admin/webhook-faults',
    admin(() => {
      deps.webhooks.clearFaults();
      return noContent();
    }),
  );

  // inspection & reset
  router.get(
    '/_admin/requests',
    admin(() => list(store.requests)),
  );
  router.delete(
    '/_admin/requests',
    admin(() => {
      store.clearRequests();
      return noContent();
    }),
  );
  router.post(
    '/_admin/reset',
    admin(() => {
      deps.webhooks.cancelPending();
      deps.webhooks.clearFaults();
      deps.faults.clear();
      store.reset();
      return noContent();
    }),
  );
}
