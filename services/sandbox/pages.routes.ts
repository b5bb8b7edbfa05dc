// Browser pages: home, login/logout (HttpOnly session cookie), compose, the public post and profile pages, and the
// answer to the consent dialog. Signed-in pages pass the user's challenge (challenges.ts) first.
import { SESSION_COOKIE, sessionUser } from './auth';
import { activeChallenge } from './challenges';
import { createPost, postsPageByAuthor } from './content.service';
import {
  HttpError,
  headerValue,
  htmlResponse,
  parseCookies,
  parseForm,
  redirect,
  type SandboxResponse,
} from './http-utils';
import { testIds } from './page-variants';
import {
  captchaPage,
  composePage,
  errorPage,
  homePage,
  loginPage,
  postPage,
  profilePage,
  type ContactDetails,
  type PageView,
} from './pages';
import { composeFormSchema, loginFormSchema } from './schemas';
import { endSession, SESSION_TTL_SECONDS, sessionSetCookie, startSession } from './sessions';
import { checkCredentials, publicUser } from './users';
import type { SandboxDeps } from './deps';
import type { Handler, RequestContext, Router } from './router';
import type { StoredUser } from './store';
import type { SandboxUser } from './sandbox.types';

const PROFILE_POST_LIMIT = 50;

interface PageRequest {
  ctx: RequestContext;
  user?: StoredUser;
  view: PageView;
}
type PageHandler = (req: PageRequest) => SandboxResponse | Promise<SandboxResponse>;

/** Only same-site relative paths are accepted as destinations after login or consent. */
function safeNext(next: string | undefined | null, fallback = '/compose'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

const loginWall = (path: string) => redirect(`/login?next=${encodeURIComponent(path)}`);

function pageView(deps: SandboxDeps, ctx: RequestContext, user: StoredUser | undefined): PageView {
  const view: PageView = { tid: testIds(deps.store.data.ui.selectorVersion) };
  if (!user) return view;
  view.viewer = publicUser(user);
  if (activeChallenge(user) === 'consent') {
    const query = ctx.query.toString();
    view.consentNext = query ? `${ctx.path}?${query}` : ctx.path;
  }
  return view;
}

/**
 * Resolves the session and the page view, and renders HttpErrors as HTML instead of JSON. `gated` pages belong to
 * the signed-in experience: a captcha on the account replaces them (with 200, as platforms answer interstitials).
 */
function page(deps: SandboxDeps, handler: PageHandler, opts: { gated: boolean } = { gated: false }): Handler {
  return async (ctx) => {
    const user = sessionUser(deps, ctx);
    const view = pageView(deps, ctx, user);
    try {
      if (opts.gated && user && activeChallenge(user) === 'captcha') return htmlResponse(200, captchaPage(view));
      return await handler({ ctx, user, view });
    } catch (err) {
      if (err instanceof HttpError)
        return htmlResponse(err.status, errorPage(err.status === 404 ? 'Not found' : 'Error', err.message, view));
      throw err;
    }
  };
}

const contactOf = (user: StoredUser): ContactDetails => ({ email: user.email ?? null, phone: user.phone ?? null });
const signedInView = (view: PageView, viewer: SandboxUser) => ({ ...view, viewer });

async function postLogin(deps: SandboxDeps, ctx: RequestContext): Promise<SandboxResponse> {
  const form = parseForm(ctx.rawBody);
  const login = loginFormSchema.safeParse(form);
  const next = safeNext(form.next);
  const user = login.success ? await checkCredentials(deps, login.data.username, login.data.password) : undefined;
  if (!user) {
    return htmlResponse(401, loginPage({ error: 'Wrong username or password.', username: form.username, next }));
  }
  const { sessionId } = startSession(deps, user.id);
  return redirect(next, { 'set-cookie': sessionSetCookie(deps, sessionId, SESSION_TTL_SECONDS) });
}

function postLogout(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const sessionId = parseCookies(headerValue(ctx.req.headers.cookie))[SESSION_COOKIE];
  if (sessionId) endSession(deps, sessionId);
  return redirect('/', { 'set-cookie': sessionSetCookie(deps, '', 0) });
}

function getCompose({ ctx, user, view }: PageRequest): SandboxResponse {
  if (!user || !view.viewer) return loginWall(ctx.path);
  return htmlResponse(200, composePage(signedInView(view, view.viewer), { contact: contactOf(user) }));
}

function postCompose(deps: SandboxDeps, { ctx, user, view }: PageRequest): SandboxResponse {
  if (!user || !view.viewer) return loginWall(ctx.path);
  const form = parseForm(ctx.rawBody);
  const refuse = (error: string) =>
    htmlResponse(
      400,
      composePage(signedInView(view, view.viewer!), { contact: contactOf(user), error, text: form.text }),
    );
  if (activeChallenge(user) === 'consent') return refuse('Please choose your cookie settings before posting.');
  const parsed = composeFormSchema.safeParse(form);
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? 'Invalid post');
  // The same Idempotency-Key store as POST /posts: a resubmitted form (a runner's retry) gives back the first post.
  const { post } = createPost(deps, user.id, { text: parsed.data.text }, parsed.data.request_key);
  return redirect(`/p/${encodeURIComponent(post.id)}`);
}

function postConsent(deps: SandboxDeps, { ctx, user }: PageRequest): SandboxResponse {
  const form = parseForm(ctx.rawBody);
  const next = safeNext(form.next, '/');
  if (!user) return loginWall(next);
  deps.store.mutate((state) => {
    const stored = state.users.find((u) => u.id === user.id);
    if (stored) stored.consentAcceptedAt = deps.store.nowIso();
  });
  return redirect(next);
}

function getPostPage(deps: SandboxDeps, { ctx, view }: PageRequest): SandboxResponse {
  const post = deps.store.findPost(ctx.params.id!);
  if (!post) throw new HttpError(404, 'not_found', 'This post does not exist.');
  const handleOf = (userId: string) => deps.store.findUserById(userId)?.handle ?? '@unknown';
  const comments = deps.store.data.comments
    .filter((c) => c.postId === post.id)
    .map((comment) => ({ comment, authorHandle: handleOf(comment.authorId) }));
  return htmlResponse(200, postPage(view, { post, authorHandle: handleOf(post.authorId), comments }));
}

function getProfilePage(deps: SandboxDeps, { ctx, view }: PageRequest): SandboxResponse {
  const owner = deps.store.findUserByUsername(ctx.params.username!.replace(/^@/, ''));
  if (!owner) throw new HttpError(404, 'not_found', 'This account does not exist.');
  const posts = postsPageByAuthor(deps, owner.id, { limit: PROFILE_POST_LIMIT }).data;
  return htmlResponse(200, profilePage(view, { owner: publicUser(owner), posts }));
}

export function registerPageRoutes(router: Router, deps: SandboxDeps): void {
  const gated = { gated: true };
  router.get(
    '/',
    page(deps, ({ view }) => htmlResponse(200, homePage(view)), gated),
  );
  router.get(
    '/login',
    page(deps, ({ ctx }) => htmlResponse(200, loginPage({ next: safeNext(ctx.query.get('next')) }))),
  );
  router.post(
    '/login',
    page(deps, ({ ctx }) => postLogin(deps, ctx)),
  );
  router.post(
    '/logout',
    page(deps, ({ ctx }) => postLogout(deps, ctx)),
  );
  router.post(
    '/consent',
    page(deps, (req) => postConsent(deps, req)),
  );
  router.get('/compose', page(deps, getCompose, gated));
  router.post(
    '/compose',
    page(deps, (req) => postCompose(deps, req), gated),
  );
  router.get(
    '/p/:id',
    page(deps, (req) => getPostPage(deps, req), gated),
  );
  router.get(
    '/u/:username',
    page(deps, (req) => getProfilePage(deps, req), gated),
  );
}
