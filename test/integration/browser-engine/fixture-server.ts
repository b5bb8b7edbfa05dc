// A tiny local web server for the engine's tests: each test puts the pages it needs at the paths it wants, and the
// server records every request it received (so a test can prove a click, or a leak, did not happen).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureResponse {
  status?: number;
  html: string;
  headers?: Record<string, string>;
}

export interface FixtureHit {
  method: string;
  path: string;
  cookie: string;
  body: string;
}

export type FixtureHandler = (req: IncomingMessage, body: string) => FixtureResponse;

export interface FixtureServer {
  url: string;
  hits: FixtureHit[];
  route(method: string, path: string, handler: FixtureHandler | FixtureResponse): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, FixtureHandler>();
  const hits: FixtureHit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      hits.push({ method: req.method ?? 'GET', path, cookie: req.headers.cookie ?? '', body });
      const handler = routes.get(`${req.method} ${path}`) ?? routes.get(`${req.method} *`);
      const out = handler ? handler(req, body) : { status: 404, html: '<!doctype html><h1>Not found</h1>' };
      res.writeHead(out.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...out.headers });
      res.end(out.html);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    route(method, path, handler) {
      routes.set(`${method} ${path}`, typeof handler === 'function' ? handler : () => handler);
    },
    clear() {
      routes.clear();
      hits.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>${head}</head>
<body style="font-family:sans-serif;margin:20px">${body}</body></html>`;
}

/** The v1 identity card (issue #17 contract). */
export function identityCard(id = 'sbx_u_alice', handle = '@alice', name = 'Alice A.', textId = id): string {
  return `<div data-testid="account-identity" data-account-id="${id}">
  <span data-testid="identity-handle">${handle}</span>
  <span data-testid="identity-display-name">${name}</span>
  <code data-testid="identity-account-id">${textId}</code></div>`;
}

export function composeBody(opts: { submitTestId?: string; extra?: string } = {}): string {
  return `${identityCard()}
<form method="post" action="/compose">
  <textarea name="text" data-testid="compose-text"></textarea>
  <button type="submit" data-testid="${opts.submitTestId ?? 'compose-submit'}">Post</button>
</form>${opts.extra ?? ''}`;
}

export function postBody(id: string, text: string, authorId = 'sbx_u_alice'): string {
  return `${identityCard()}
<article data-testid="post" data-post-id="${id}">
  <span data-testid="post-author" data-author-id="${authorId}">@alice</span>
  <time data-testid="post-created-at" datetime="2024-05-01T10:00:00.000Z">1 May</time>
  <div data-testid="post-text">${text}</div>
</article>`;
}
