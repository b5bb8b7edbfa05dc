// Server-rendered HTML templates (no scripts; all user text escaped; stable data-testid attributes).
import { html, SafeHtml } from './html';
import type { AuthorizeParams } from './schemas';
import type { Comment, SandboxPost, SandboxUser } from './sandbox.types';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
form{display:grid;gap:.5rem}input,textarea,button{font:inherit;padding:.4rem}textarea{min-height:8rem}
.error{color:#a00}.post{border:1px solid #ddd;border-radius:6px;padding:1rem;white-space:pre-wrap}
.meta{color:#666;font-size:.9rem}nav{margin-bottom:1rem}ul.comments{padding-left:1rem}`;

export function layout(title: string, body: SafeHtml, user?: SandboxUser): string {
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
                  </form>`
              : html` · <a href="/login" data-testid="nav-login">Log in</a>`
          }
        </nav>
        <main>${body}</main>
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

export function composePage(opts: { user: SandboxUser; error?: string; text?: string }): string {
  return layout(
    'Compose',
    html`<h1>New post</h1>
      ${errorLine(opts.error, 'compose-error')}
      <form method="post" action="/compose" data-testid="compose-form">
        <label for="compose-text">What's happening, ${opts.user.displayName}?</label>
        <textarea id="compose-text" name="text" maxlength="5000" required data-testid="compose-text">
${opts.text ?? ''}</textarea>
        <button type="submit" data-testid="compose-submit">Post</button>
      </form>`,
    opts.user,
  );
}

export interface CommentView {
  comment: Comment;
  authorHandle: string;
}

export function postPage(opts: {
  post: SandboxPost;
  authorHandle: string;
  comments: CommentView[];
  viewer?: SandboxUser;
}): string {
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
    html`<article class="post" data-testid="post" data-post-id="${post.id}">
        <p class="meta">
          <span data-testid="post-author">${opts.authorHandle}</span> ·
          <time datetime="${post.createdAt}" data-testid="post-created-at">${post.createdAt}</time>
        </p>
        <div data-testid="post-text">${post.text}</div>
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
    opts.viewer,
  );
}

export function homePage(user?: SandboxUser): string {
  return layout(
    'Home',
    html`<h1 data-testid="home-title">Sandbox</h1>
      <p>A stand-in social network for tests and demos.</p>
      ${
        user
          ? html`<p><a href="/compose" data-testid="home-compose">Write a post</a></p>`
          : html`<p><a href="/login" data-testid="home-login">Log in</a></p>`
      }`,
    user,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(
    title,
    html`<h1 data-testid="error-title">${title}</h1>
      <p data-testid="error-message">${message}</p>`,
  );
}
