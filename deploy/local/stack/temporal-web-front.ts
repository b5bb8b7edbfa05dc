import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';

/** Where Temporal Web reads its server-side settings, the codec's among them. */
const SETTINGS_PATH = '/api/v1/settings';

export interface TemporalWebFront {
  url: string;
  close(): Promise<void>;
}

interface UiSettings {
  Codec?: { Endpoint?: string; IncludeCredentials?: boolean };
}

/**
 * Temporal Web as the local stack serves it: the dev server's UI (on an inner port) behind this small front on
 * the public UI port. The front passes everything through, except that the UI's settings say "include
 * credentials" for the codec endpoint. Without it the UI's codec calls carry no cookie, so Raize's codec
 * endpoint cannot tell a signed-in engineer from anyone and every payload stays encrypted. A real Temporal UI
 * server takes this as `codec.includeCredentials` (TEMPORAL_CODEC_INCLUDE_CREDENTIALS); `temporal server
 * start-dev` (CLI 1.5.1) has a flag for the endpoint but none for this, and while the server names an endpoint
 * the UI ignores the browser's own codec settings unless each engineer overrides them by hand
 * (docs/payload-codec.md).
 */
export async function startTemporalWebFront(o: {
  host: string;
  port: number;
  upstream: string;
}): Promise<TemporalWebFront> {
  const upstream = new URL(o.upstream);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://front').pathname;
    if (req.method === 'GET' && path === SETTINGS_PATH) void settings(req, res, upstream);
    else pass(req, res, upstream);
  });
  await listen(server, o.host, o.port);
  return {
    url: `http://${o.host}:${o.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** A plain reverse proxy, Host header and all (the UI server checks its own CSRF cookie against its pages). */
function pass(req: IncomingMessage, res: ServerResponse, upstream: URL): void {
  const out = request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('Temporal Web is not answering');
  });
  req.pipe(out);
}

async function settings(req: IncomingMessage, res: ServerResponse, upstream: URL): Promise<void> {
  try {
    const answer = await fetch(new URL(SETTINGS_PATH, upstream), {
      headers: { accept: 'application/json', ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}) },
    });
    const body = (await answer.json()) as UiSettings;
    res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(withCodecCredentials(body)));
  } catch {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('Temporal Web is not answering');
  }
}

/** Only when the server names the endpoint: the flag then applies to that endpoint, the one CORS pins to this UI. */
export function withCodecCredentials<T extends UiSettings>(s: T): T {
  if (!s.Codec?.Endpoint) return s;
  return { ...s, Codec: { ...s.Codec, IncludeCredentials: true } };
}
