import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isApiPath, isPortalPage, looksLikeFile } from './web-app.paths';

interface Req {
  method: string;
  path: string;
}
interface Res {
  status(code: number): Res;
  type(t: string): Res;
  set(name: string, value: string): Res;
  send(body: string): void;
  sendFile(
    path: string,
    opts: Record<string, unknown>,
    cb: (err?: Error & { status?: number; statusCode?: number }) => void,
  ): void;
}
type Next = (err?: unknown) => void;

// The page's only markup: no script and no style, so it stands under the strict CSP as it is (C-08).
const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Admin app not built — Raize</title></head>
<body><main><h1>The admin app is not built yet</h1>
<p>The API is running, but <code>services/web/dist</code> is missing. Build the app with <code>npm run web:build</code>
(the demo and test scripts do this for you), then reload this page.</p>
<p>The GraphQL API answers at <a href="/graphql">/graphql</a> meanwhile.</p></main></body></html>`;

/**
 * Serves the built single-page app: its files under /assets (fingerprinted, cached for good), and
 * index.html for every other GET that is not an API path, so deep links (/c/…/posts/…) load the app.
 */
export function webAppMiddleware(distDir: string) {
  return function serveWebApp(req: Req, res: Res, next: Next): void {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    const built = existsSync(join(distDir, 'index.html'));
    if (looksLikeFile(req.path)) {
      if (!built) return next();
      const immutable = req.path.startsWith('/assets/');
      res.sendFile(
        req.path,
        { root: distDir, dotfiles: 'deny', index: false, maxAge: immutable ? '365d' : 0, immutable },
        (err) => {
          if (!err) return;
          const status = err.status ?? err.statusCode;
          if (status === 404) return next();
          next(err);
        },
      );
      return;
    }
    if (!built) {
      res.status(503).type('html').set('cache-control', 'no-store').send(NOT_BUILT);
      return;
    }
    // index.html names the current asset files: always revalidated so a new build shows at once.
    res.set('cache-control', 'no-cache');
    const page = isPortalPage(req.path) ? 'portal.html' : 'index.html';
    res.sendFile(page, { root: distDir, dotfiles: 'deny' }, (err) => {
      if (err) next(err);
    });
  };
}
