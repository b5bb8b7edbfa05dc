// Server-rendered HTML templates (no scripts; all user text escaped; stable data-testid attributes).
import { html, SafeHtml } from './html';
import { testIds, type TestIdLookup } from './page-variants';
import type { AuthorizeParams } from './schemas';
import type { Comment, SandboxPost, SandboxUser } from './sandbox.types';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
form{display:grid;gap:.5rem}input,textarea,button{font:inherit;padding:.4rem}textarea{min-height:8rem}
.error{color:#a00}.post{border:1px solid #ddd;border-radius:6px;padding:1rem;white-space:pre-wrap}
.meta{color:#666;font-size:.9rem}nav{margin-bottom:1rem}ul.comments{padding-left:1rem}
.identity{display:flex;gap:.5rem;align-items:baseline;margin-top:.5rem;font-size:.9rem;color:#444}
aside{margin-top:1.5rem;border-top:1px solid #ddd}ol.feed{list-style:none;padding:0;display:grid;gap:.75rem}
.feed-item{border:1px solid #ddd;border-radius:6px;padding:.75rem}.feed-item .text{white-space:pre-wrap}
.consent-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.6);display:grid;place-items:center;z-index:10}
.consent-backdrop>[role=dialog]{background:#fff;padding:1.5rem;border-radius:8px;max-width:28rem}
.g-recaptcha{border:1px solid #ccc;border-radius:4px;padding:1rem;background:#f9f9f9;width:18rem}`;

/** What every page needs besides its own data: the selector version's test ids, who is looking, the consent dialog. */
export interface PageView {
  tid: TestIdLookup;
  viewer?: SandboxUser;
  /** Set while the viewer has a consent dialog to accept: the path accepting it returns to. */
  consentNext?: string;
}

/** The account the page is rendered for, as a runner reads it before acting (C-41). */
function identityCard(view: PageView, user: SandboxUser): SafeHtml {
  const t = view.tid;
  return html`<div class="identity" data-testid="${t('account-identity')}" data-account-id="${user.id}">
    <span data-testid="${t('identity-handle')}">${user.handle}</span>
    <span data-testid="${t('identity-display-name')}">${user.displayName}</span>
    <code data-testid="${t('identity-account-id')}">${user.id}</code>
  </div>`;
}

// A full-screen backdrop in front of the page, as cookie walls do: clicks on the page land on it instead.
function consentDialog(next: string): SafeHtml {
  return html`<div class="consent-backdrop" data-testid="consent-backdrop">
    <div role="dialog" aria-modal="true" aria-labelledby="consent-title" data-testid="consent-dialog">
      <h2 id="consent-title">We value your privacy</h2>
      <p>We and our 812 partners use cookies to personalise content and measure our audience.</p>
      <form method="post" action="/consent">
        <input type="hidden" name="next" value="${next}" />
        <button type="submit" data-testid="consent-accept">Accept all</button>
      </form>
    </div>
  </div>`;
}

/** Pages nobody is signed in to (login, OAuth authorize). */
const ANONYMOUS: PageView = { tid: testIds('v1') };

export function layout(title: string, body: SafeHtml, view: PageView = ANONYMOUS): string {
  const user = view.viewer;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Sandbox</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <nav data-testid="nav">
          <a href="/" data-testid="nav-home">Sandbox</a>${
            user
              ? html` · <span data-testid="nav-user">${user.handle}</span> ·
                  <a href="/compose" data-testid="nav-compose">Compose</a>
                  <form method="post" action="/logout" style="display:inline">
                    <button type="submit" data-testid="logout-submit">Log out</button>
                  </form>
                  ${identityCard(view, user)}`
              : html` · <a href="/login" data-testid="nav-login">Log in</a>`
          }
        </nav>
        <main>${body}</main>
        ${view.consentNext !== undefined ? consentDialog(view.consentNext) : html``}
      </body>
    </html>`.value;
}

function errorLine(error: string | undefined, testId: string): SafeHtml {
  return error ? html`<p class="error" role="alert" data-testid="${testId}">${error}</p>` : html``;
}

export function loginPage(opts: { error?: string; username?: string; next?: string }): string {
  return layout(
    'Log in',
    html`<h1>Log in to Sandbox</h1>
      ${errorLine(opts.error, 'login-error')}
      <form method="post" action="/login" data-testid="login-form">
        <input type="hidden" name="next" value="${opts.next ?? ''}" />
        <label
          >Username
          <input
            name="username"
            autocomplete="username"
            required
            value="${opts.username ?? ''}"
            data-testid="login-username"
        /></label>
        <label
          >Password
          <input name="password" type="password" autocomplete="current-password" required data-testid="login-password"
        /></label>
        <button type="submit" data-testid="login-submit">Log in</button>
      </form>`,
  );
}

const OAUTH_FIELDS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  'scope',
] as const;

export function authorizePage(opts: { params: AuthorizeParams; error?: string; username?: string }): string {
  const hidden = OAUTH_FIELDS.map((name) => {
    const value = opts.params[name];
    return value === undefined ? html`` : html`<input type="hidden" name="${name}" value="${value}" />`;
  });
  return layout(
    'Authorize',
    html`<h1>Sign in to continue</h1>
      <p data-testid="authorize-client">
        Application <strong>${opts.params.client_id ?? ''}</strong> wants to access your Sandbox
        account${
          opts.params.scope ? html` (scope: <code data-testid="authorize-scope">${opts.params.scope}</code>)` : html``
        }.
      </p>
      ${errorLine(opts.error, 'authorize-error')}
      <form method="post" action="/oauth/authorize" data-testid="authorize-form">
        ${hidden}
        <label
          >Username
          <input
            name="username"
            autocomplete="username"
            required
            value="${opts.username ?? ''}"
            data-testid="authorize-username"
        /></label>
        <label
          >Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            data-testid="authorize-password"
        /></label>
        <button type="submit" data-testid="authorize-submit">Sign in and authorize</button>
      </form>`,
  );
}

export function composePage(
  view: PageView & { viewer: SandboxUser },
  opts: { contact: ContactDetails; error?: string; text?: string },
): string {
  const t = view.tid;
  const { email, phone } = opts.contact;
  return layout(
    'Compose',
    html`<h1>New post</h1>
      ${errorLine(opts.error, t('compose-error'))}
      <form method="post" action="/compose" data-testid="${t('compose-form')}">
        <label for="compose-text">What's happening, ${view.viewer.displayName}?</label>
        <textarea id="compose-text" name="text" maxlength="5000" required data-testid="${t('compose-text')}">
${opts.text ?? ''}</textarea>
        <input type="hidden" name="request_key" value="" data-testid="${t('compose-request-key')}" />
        <button type="submit" data-testid="${t('compose-submit')}">Post</button>
      </form>
      ${
        email || phone
          ? html`<aside data-testid="${t('contact-details')}">
              <h2>Your contact details</h2>
              ${email ? html`<p>Email: <span data-testid="${t('contact-email')}">${email}</span></p>` : html``}
              ${phone ? html`<p>Phone: <span data-testid="${t('contact-phone')}">${phone}</span></p>` : html``}
            </aside>`
          : html``
      }`,
    view,
  );
}

/** The viewer's own private details (never another user's). */
export interface ContactDetails {
  email: string | null;
  phone: string | null;
}

export interface CommentView {
  comment: Comment;
  authorHandle: string;
}

export function postPage(
  view: PageView,
  opts: { post: SandboxPost; authorHandle: string; comments: CommentView[] },
): string {
  const t = view.tid;
  const { post } = opts;
  const media = post.media.map(
    (m) => html`<li data-testid="post-media" data-media-id="${m.id}"><a href="${m.url}">${m.contentType}</a></li>`,
  );
  const comments = opts.comments.map(
    ({ comment, authorHandle }) =>
      html`<li data-testid="comment" data-comment-id="${comment.id}">
        <span data-testid="comment-author">${authorHandle}</span>:
        <span data-testid="comment-text">${comment.text}</span>
      </li>`,
  );
  return layout(
    `Post by ${opts.authorHandle}`,
    html`<article class="post" data-testid="${t('post')}" data-post-id="${post.id}">
        <p class="meta">
          <span data-testid="${t('post-author')}" data-author-id="${post.authorId}">${opts.authorHandle}</span> ·
          <time datetime="${post.createdAt}" data-testid="${t('post-created-at')}">${post.createdAt}</time>
        </p>
        <div data-testid="${t('post-text')}">${post.text}</div>
        ${
          media.length
            ? html`<ul data-testid="post-media-list">
                ${media}
              </ul>`
            : html``
        }
      </article>
      <h2>Comments</h2>
      <ul class="comments" data-testid="comment-list">
        ${comments}
      </ul>`,
    view,
  );
}

export function profilePage(view: PageView, opts: { owner: SandboxUser; posts: readonly SandboxPost[] }): string {
  const t = view.tid;
  const { owner } = opts;
  const items = opts.posts.map(
    (post) =>
      html`<li class="feed-item" data-testid="${t('profile-post')}" data-post-id="${post.id}">
        <div class="text" data-testid="${t('profile-post-text')}">${post.text}</div>
        <p class="meta">
          <a href="/p/${encodeURIComponent(post.id)}" data-testid="${t('profile-post-link')}"
            ><time datetime="${post.createdAt}" data-testid="${t('profile-post-created-at')}"
              >${post.createdAt}</time
            ></a
          >
        </p>
      </li>`,
  );
  return layout(
    `${owner.displayName} (${owner.handle})`,
    html`<header data-testid="${t('profile-owner')}" data-owner-id="${owner.id}">
        <h1 data-testid="${t('profile-owner-display-name')}">${owner.displayName}</h1>
        <p class="meta" data-testid="${t('profile-owner-handle')}">${owner.handle}</p>
      </header>
      <ol class="feed" data-testid="${t('profile-post-list')}">
        ${items}
      </ol>`,
    view,
  );
}

/** The captcha wall: nothing on it lets a script through; the admin clears it (a human's job on a real platform). */
export function captchaPage(view: PageView): string {
  return layout(
    'Security check',
    html`<h1 data-testid="captcha-title">Are you a robot?</h1>
      <p>We noticed unusual activity from your account. Complete the check to continue.</p>
      <div data-testid="captcha-challenge" class="g-recaptcha" data-sitekey="sandbox-site-key">
        <label><input type="checkbox" disabled /> I'm not a robot</label>
      </div>`,
    view,
  );
}

export function homePage(view: PageView): string {
  return layout(
    'Home',
    html`<h1 data-testid="home-title">Sandbox</h1>
      <p>A stand-in social network for tests and demos.</p>
      ${
        view.viewer
          ? html`<p><a href="/compose" data-testid="home-compose">Write a post</a></p>`
          : html`<p><a href="/login" data-testid="home-login">Log in</a></p>`
      }`,
    view,
  );
}

export function errorPage(title: string, message: string, view?: PageView): string {
  return layout(
    title,
    html`<h1 data-testid="error-title">${title}</h1>
      <p data-testid="error-message">${message}</p>`,
    view,
  );
}
