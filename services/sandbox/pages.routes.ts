// Browser pages: home, login/logout (HttpOnly session cookie), compose, and the public post page.
import { SESSION_COOKIE, sessionUser } from './auth';
import { createPost } from './content.service';
import {
  HttpError,
  headerValue,
  htmlResponse,
  parseCookies,
  parseForm,
  redirect,
  type SandboxResponse,
} from './http-utils';
import { composePage, errorPage, homePage, loginPage, postPage } from './pages';
import { composeFormSchema, loginFormSchema } from './schemas';
import { randomToken, sha256Hex } from './secrets';
import { checkCredentials, publicUser } from './users';
import type { SandboxDeps } from './deps';
import type { Handler, RequestContext, Router } from './router';

const SESSION_TTL_SECONDS = 7 * 24 * 3600;

/** Renders HttpErrors thrown by page handlers as HTML instead of JSON. */
function page(handler: Handler): Handler {
  return async (ctx) => {
    try {
      return await handler(ctx);
    } catch (err) {
      if (err instanceof HttpError)
        return htmlResponse(err.status, errorPage(err.status === 404 ? 'Not found' : 'Error', err.message));
      throw err;
    }
  };
}

/** Only same-site relative paths are accepted as post-login destinations. */
function safeNext(next: string | undefined | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/compose';
}

function sessionCookie(deps: SandboxDeps, value: string, maxAgeSeconds: number): string {
  const secure = deps.publicUrl().startsWith('https:') ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

async function postLogin(deps: SandboxDeps, ctx: RequestContext): Promise<SandboxResponse> {
  const form = parseForm(ctx.rawBody);
  const login = loginFormSchema.safeParse(form);
  const next = safeNext(form.next);
  const user = login.success ? await checkCredentials(deps, login.data.username, login.data.password) : undefined;
  if (!user) {
    return htmlResponse(401, loginPage({ error: 'Wrong username or password.', username: form.username, next }));
  }
  const sessionId = randomToken();
  deps.store.mutate((state) => {
    const now = deps.store.now();
    state.sessions = state.sessions.filter((s) => s.expiresAt > now);
    state.sessions.push({
      sessionHash: sha256Hex(sessionId),
      userId: user.id,
      expiresAt: now + SESSION_TTL_SECONDS * 1000,
    });
  });
  return redirect(next, { 'set-cookie': sessionCookie(deps, sessionId, SESSION_TTL_SECONDS) });
}

function postLogout(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const sessionId = parseCookies(headerValue(ctx.req.headers.cookie))[SESSION_COOKIE];
  if (sessionId) {
    const hash = sha256Hex(sessionId);
    deps.store.mutate((state) => {
      state.sessions = state.sessions.filter((s) => s.sessionHash !== hash);
    });
  }
  return redirect('/', { 'set-cookie': sessionCookie(deps, '', 0) });
}

function getCompose(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const user = sessionUser(deps, ctx);
  if (!user) return redirect('/login?next=%2Fcompose');
  return htmlResponse(200, composePage({ user: publicUser(user) }));
}

function postCompose(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const user = sessionUser(deps, ctx);
  if (!user) return redirect('/login?next=%2Fcompose');
  const form = parseForm(ctx.rawBody);
  const parsed = composeFormSchema.safeParse(form);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Invalid post';
    return htmlResponse(400, composePage({ user: publicUser(user), error: message, text: form.text }));
  }
  const { post } = createPost(deps, user.id, { text: parsed.data.text });
  return redirect(`/p/${encodeURIComponent(post.id)}`);
}

function getPostPage(deps: SandboxDeps, ctx: RequestContext): SandboxResponse {
  const post = deps.store.findPost(ctx.params.id!);
  if (!post) throw new HttpError(404, 'not_found', 'This post does not exist.');
  const handleOf = (userId: string) => deps.store.findUserById(userId)?.handle ?? '@unknown';
  const comments = deps.store.data.comments
    .filter((c) => c.postId === post.id)
    .map((comment) => ({ comment, authorHandle: handleOf(comment.authorId) }));
  const viewer = sessionUser(deps, ctx);
  return htmlResponse(
    200,
    postPage({ post, authorHandle: handleOf(post.authorId), comments, viewer: viewer && publicUser(viewer) }),
  );
}

export function registerPageRoutes(router: Router, deps: SandboxDeps): void {
  router.get(
    '/',
    page((ctx) => {
      const user = sessionUser(deps, ctx);
      return htmlResponse(200, homePage(user && publicUser(user)));
    }),
  );
  router.get(
    '/login',
    page((ctx) => htmlResponse(200, loginPage({ next: safeNext(ctx.query.get('next')) }))),
  );
  router.post(
    '/login',
    page((ctx) => postLogin(deps, ctx)),
  );
  router.post(
    '/logout',
    page((ctx) => postLogout(deps, ctx)),
  );
  router.get(
    '/compose',
    page((ctx) => getCompose(deps, ctx)),
  );
  router.post(
    '/compose',
    page((ctx) => postCompose(deps, ctx)),
  );
  router.get(
    '/p/:id',
    page((ctx) => getPostPage(deps, ctx)),
  );
}
