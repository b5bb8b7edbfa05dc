import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MessageStore } from './message-store';

const HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function bytes(res: ServerResponse, contentType: string, filename: string, content: Buffer): void {
  res.writeHead(200, {
    ...HEADERS,
    'content-type': contentType,
    'content-length': content.length,
    // Downloaded, never rendered in the catcher's origin: an HTML attachment could otherwise run script here.
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'content-security-policy': "sandbox; default-src 'none'",
  });
  res.end(content);
}

/**
 * Only names that resolve to this machine: a web page whose host name was rebound to 127.0.0.1 (DNS rebinding)
 * sends its own name in Host and cannot read the caught mail.
 */
function localHost(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

const MESSAGE = /^\/messages\/([^/]+)$/;
const RAW = /^\/messages\/([^/]+)\/raw$/;
const ATTACHMENT = /^\/messages\/([^/]+)\/attachments\/(\d{1,3})$/;

/**
 * The catcher's JSON API (docs/mail.md): GET /messages, GET /messages/:id, GET /messages/:id/attachments/:n,
 * GET /messages/:id/raw, DELETE /messages, GET /healthz. No CORS headers: another origin can neither read the mail
 * nor send the preflighted DELETE.
 */
export function createCatcherHandler(store: MessageStore): (req: IncomingMessage, res: ServerResponse) => void {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!localHost(req)) return json(res, 421, { error: 'misdirected_request' });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/$/, '') || '/';
    const method = req.method ?? 'GET';
    if (path === '/healthz' && method === 'GET') return json(res, 200, { ok: true });
    if (path === '/messages' && method === 'GET') return json(res, 200, { messages: store.list() });
    if (path === '/messages' && method === 'DELETE') return json(res, 200, { deleted: await store.clear() });
    let m: RegExpExecArray | null;
    if ((m = ATTACHMENT.exec(path)) && method === 'GET') {
      const a = await store.attachment(m[1]!, Number(m[2]));
      return a ? bytes(res, a.info.contentType, a.info.filename, a.content) : json(res, 404, { error: 'not_found' });
    }
    if ((m = RAW.exec(path)) && method === 'GET') {
      const raw = await store.raw(m[1]!);
      return raw ? bytes(res, 'message/rfc822', `${m[1]}.eml`, raw) : json(res, 404, { error: 'not_found' });
    }
    if ((m = MESSAGE.exec(path)) && method === 'GET') {
      const message = await store.get(m[1]!);
      return message ? json(res, 200, message) : json(res, 404, { error: 'not_found' });
    }
    if (path === '/healthz' || path === '/messages' || MESSAGE.test(path) || RAW.test(path) || ATTACHMENT.test(path))
      return json(res, 405, { error: 'method_not_allowed' });
    return json(res, 404, { error: 'not_found' });
  };
  return (req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'internal' });
      else res.destroy();
    });
  };
}
