import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The shared skeleton of the AI vendor and platform emulators (test and demo infrastructure, never a production
 * connector): a plain node:http server on 127.0.0.1 (a free port unless one is given), a recorder of what it
 * received, and fault knobs. Each vendor or platform file supplies its routes and its documented error body; the
 * skeleton knows nothing about any of them.
 *
 * Order of a request: record → fault (if one matches) → the vendor's auth check → the route.
 */

/** One received request. Headers are kept whole (the key included) so tests assert which key was sent; memory only. */
export interface EmulatorRequest {
  method: string;
  /** the path without its query */
  path: string;
  query: URLSearchParams;
  /** lower-cased names */
  headers: Record<string, string>;
  rawBody: string;
  /** the body's bytes (media chunks, multipart uploads) */
  rawBytes: Buffer;
  /** the parsed JSON body; undefined when there was none or it was not JSON (`jsonError` says which) */
  json: unknown;
  jsonError: boolean;
  /** the fault this request drew, when the vendor handles that kind itself (`refuse`, `job_fail`, `custom`) */
  fault?: EmulatorFault;
  /** named groups of the route's RegExp */
  params: Record<string, string>;
}

export interface EmulatorReply {
  status: number;
  headers?: Record<string, string>;
  /** sent as application/json */
  json?: unknown;
  /** sent as-is (content-type from `headers`, default text/plain) */
  body?: string | Buffer;
}

/**
 * Fault knobs. The server itself acts on `status`, `hang`, `drop` and `garbage`; `refuse`, `job_fail` and `custom`
 * reach the vendor's route as `req.fault`, which answers in the vendor's documented shape.
 */
export type EmulatorFault =
  /** answer this status with the vendor's documented error body (or `body`), plus `headers` (e.g. Retry-After) */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** never answer (until the emulator closes): the client's deadline must fire */
  | { kind: 'hang' }
  /** destroy the socket without an answer: a connection error */
  | { kind: 'drop' }
  /** 200 with a body that is not JSON (a proxy's HTML page) */
  | { kind: 'garbage' }
  /** the vendor's content filter or safety refusal */
  | { kind: 'refuse' }
  /** an async job that ends failed */
  | { kind: 'job_fail'; reason?: string }
  /** anything else a vendor file defines */
  | { kind: 'custom'; name: string };

/** Which requests a fault applies to; absent fields match everything. `path` ending in `*` is a prefix. */
export interface FaultMatch {
  method?: string;
  path?: string;
}

export interface EmulatorRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** an exact path or a RegExp with named groups (they arrive as `req.params`) */
  path: string | RegExp;
  handle(req: EmulatorRequest): EmulatorReply | Promise<EmulatorReply>;
}

export interface EmulatorOptions {
  /** for messages only */
  name: string;
  /** listen here (the demo's and the stack's fixed ports); default a free port */
  port?: number;
  routes: EmulatorRoute[];
  /** the vendor's auth check: a reply rejects the request (its documented 401), undefined lets it through */
  authenticate?(req: EmulatorRequest): EmulatorReply | undefined;
  /** the vendor's documented error body for a status (used by `status` faults and unknown routes) */
  errorBody(status: number, message: string): unknown;
}

interface FaultRule {
  fault: EmulatorFault;
  remaining: number;
  match?: FaultMatch;
}

export class EmulatorServer {
  /** everything received, oldest first */
  readonly requests: EmulatorRequest[] = [];
  private faults: FaultRule[] = [];

  private constructor(
    private readonly server: Server,
    private readonly options: EmulatorOptions,
    readonly url: string,
  ) {}

  static async start(options: EmulatorOptions): Promise<EmulatorServer> {
    let emulator: EmulatorServer | undefined;
    const server = createServer((req, res) => {
      if (!emulator) return void res.destroy();
      emulator.dispatch(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    emulator = new EmulatorServer(server, options, `http://127.0.0.1:${port}`);
    return emulator;
  }

  /** The next `times` matching requests (default 1) draw this fault, in the order faults were injected. */
  inject(fault: EmulatorFault, options: { times?: number; match?: FaultMatch } = {}): void {
    this.faults.push({ fault, remaining: options.times ?? 1, match: options.match });
  }

  /** Shorthand: the next `times` requests answer 429 with this Retry-After (omit it for none). */
  rateLimit(retryAfter?: string, times = 1, extraHeaders: Record<string, string> = {}): void {
    const headers = retryAfter === undefined ? extraHeaders : { 'retry-after': retryAfter, ...extraHeaders };
    this.inject({ kind: 'status', status: 429, headers }, { times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  reset(): void {
    this.faults = [];
    this.requests.length = 0;
  }

  /** The most recent request, optionally to one path. */
  last(path?: string): EmulatorRequest | undefined {
    for (let i = this.requests.length - 1; i >= 0; i--) {
      const r = this.requests[i];
      if (r && (path === undefined || r.path === path)) return r;
    }
    return undefined;
  }

  /** Stops listening and cuts open connections (hanging requests included). */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBytes = await readBody(req);
    const rawBody = rawBytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    let json: unknown;
    let jsonError = false;
    if (rawBody.length > 0) {
      try {
        json = JSON.parse(rawBody);
      } catch {
        jsonError = true;
      }
    }
    const request: EmulatorRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      rawBody,
      rawBytes,
      json,
      jsonError,
      params: {},
    };
    this.requests.push(request);

    const fault = this.drawFault(request);
    if (fault) {
      switch (fault.kind) {
        case 'hang':
          // Held until the client gives up or close() cuts it.
          return;
        case 'drop':
          res.destroy();
          return;
        case 'garbage':
          return send(res, { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>bad gateway</html>' });
        case 'status':
          return send(res, {
            status: fault.status,
            headers: fault.headers,
            json: fault.body ?? this.options.errorBody(fault.status, `injected ${fault.status}`),
          });
        case 'refuse':
        case 'job_fail':
        case 'custom':
          request.fault = fault;
          break;
      }
    }

    const denied = this.options.authenticate?.(request);
    if (denied) return send(res, denied);

    for (const route of this.options.routes) {
      if (route.method !== request.method) continue;
      if (typeof route.path === 'string') {
        if (route.path !== request.path) continue;
      } else {
        const m = route.path.exec(request.path);
        if (!m) continue;
        request.params = { ...m.groups };
      }
      return send(res, await route.handle(request));
    }
    send(res, { status: 404, json: this.options.errorBody(404, `${this.options.name}: no route ${request.path}`) });
  }

  private drawFault(req: EmulatorRequest): EmulatorFault | undefined {
    const i = this.faults.findIndex((rule) => matches(rule.match, req));
    if (i < 0) return undefined;
    const rule = this.faults[i]!;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.faults.splice(i, 1);
    return rule.fault;
  }
}

function matches(match: FaultMatch | undefined, req: EmulatorRequest): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== req.method) return false;
  if (match.path === undefined) return true;
  return match.path.endsWith('*') ? req.path.startsWith(match.path.slice(0, -1)) : req.path === match.path;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: EmulatorReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let body: string | Buffer = '';
  if (reply.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(reply.json);
  } else if (reply.body !== undefined) {
    headers['content-type'] ??= 'text/plain';
    body = reply.body;
  }
  res.writeHead(reply.status, headers).end(body);
}

/**
 * POSTs a vendor's callback payload to the URL a client gave (Kie.ai `callBackUrl`, HeyGen webhooks). Failures are
 * returned, not thrown: a vendor does not crash when a callback receiver is down.
 */
export async function postCallback(
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<{ ok: boolean; status?: number }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return { ok: res.ok, status: res.status };
  } catch {
    return { ok: false };
  }
}
