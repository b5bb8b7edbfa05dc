import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleAdmin, isAdminPath } from './faults/fault-admin.routes';
import type { EmulatorFault, FaultMatch, FaultRuleInput } from './faults/fault-rules';
import { FaultRules } from './faults/fault-rules';

export type { EmulatorFault, FaultMatch, FaultRuleInput } from './faults/fault-rules';

/**
 * The shared skeleton of the AI vendor and platform emulators (test and demo infrastructure, never a production
 * connector): a plain node:http server on 127.0.0.1 (a free port unless one is given), a recorder of what it
 * received, and fault knobs (faults/fault-rules.ts), set in process or, once `enableAdmin` gave it a token, at run
 * time through `/_emulator/faults` as the sandbox's `/_admin/faults`. Each vendor or platform file supplies its routes
 * and its documented error body; the skeleton knows nothing about any of them.
 *
 * Order of a request: admin route (not recorded) → record → fault (if one matches) → the vendor's auth check → the
 * route.
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
  /** any fault this request drew, whoever acted on it */
  drew?: EmulatorFault;
  /** named groups of the route's RegExp */
  params: Record<string, string>;
  /** ms epoch of arrival (what a test measures Retry-After against) */
  at: number;
  /** the status answered; undefined while none was (a hang, a drop, a client gone during a slow fault) */
  answered?: number;
}

export interface EmulatorReply {
  status: number;
  headers?: Record<string, string>;
  /** sent as application/json */
  json?: unknown;
  /** sent as-is (content-type from `headers`, default text/plain) */
  body?: string | Buffer;
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

export class EmulatorServer {
  /** everything received, oldest first (admin calls excluded) */
  readonly requests: EmulatorRequest[] = [];
  readonly faults = new FaultRules();
  private adminToken: string | undefined;
  /** aborts the waits of slow faults when the emulator closes */
  private readonly closing = new AbortController();

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

  /**
   * Serves `/_emulator/faults` and `/_emulator/requests` to callers holding this token (x-emulator-admin), so a
   * test or an operator of the local stack changes faults at run time in another process. Off until called.
   */
  enableAdmin(token: string): void {
    if (token.length < 16) throw new Error('an emulator admin token has at least 16 characters');
    this.adminToken = token;
  }

  /** The next `times` matching requests (default 1) draw this fault, in the order faults were injected. */
  inject(fault: EmulatorFault, options: { times?: number; match?: FaultMatch } = {}): void {
    this.faults.add({ fault, match: options.match, times: options.times ?? 1 });
  }

  /** Any rule: a storm (`forMs`), a share of requests (`rate`), a count (`times`), or until cleared. */
  addFault(rule: FaultRuleInput): void {
    this.faults.add(rule);
  }

  /** Shorthand: the next `times` requests answer 429 with this Retry-After (omit it for none). */
  rateLimit(retryAfter?: string, times = 1, extraHeaders: Record<string, string> = {}): void {
    const headers = retryAfter === undefined ? extraHeaders : { 'retry-after': retryAfter, ...extraHeaders };
    this.inject({ kind: 'status', status: 429, headers }, { times });
  }

  clearFaults(): void {
    this.faults.clear();
  }

  reset(): void {
    this.faults.clear();
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
    this.closing.abort();
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
      at: Date.now(),
    };
    // Without a token the admin paths are ordinary (unknown) routes of the vendor.
    if (this.adminToken !== undefined && isAdminPath(request.path))
      return send(res, handleAdmin(request, this.adminToken, this));
    this.requests.push(request);
    let clientGone = false;
    res.once('close', () => (clientGone = !res.writableFinished));
    const answer = (reply: EmulatorReply) => {
      // A client that gave up (its deadline) is gone: the platform applied the write, nobody hears the answer.
      if (clientGone || res.destroyed) return;
      request.answered = reply.status;
      send(res, reply);
    };

    const fault = this.faults.draw(request.method, request.path);
    request.drew = fault;
    if (fault) {
      switch (fault.kind) {
        case 'hang':
          // Held until the client gives up or close() cuts it.
          return;
        case 'drop':
          res.destroy();
          return;
        case 'garbage':
          return answer({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>bad gateway</html>' });
        case 'status':
          if (fault.afterApply) break;
          return answer(this.statusReply(fault));
        case 'slow':
          if (!(await this.pause(fault.applyAfterMs))) return;
          break;
        case 'refuse':
        case 'job_fail':
        case 'custom':
          request.fault = fault;
          break;
      }
    }

    const reply = await this.route(request);
    if (fault?.kind === 'status') return answer(this.statusReply(fault));
    if (fault?.kind === 'slow' && !(await this.pause(fault.answerAfterMs))) return;
    answer(reply);
  }

  private async route(request: EmulatorRequest): Promise<EmulatorReply> {
    const denied = this.options.authenticate?.(request);
    if (denied) return denied;
    for (const route of this.options.routes) {
      if (route.method !== request.method) continue;
      if (typeof route.path === 'string') {
        if (route.path !== request.path) continue;
      } else {
        const m = route.path.exec(request.path);
        if (!m) continue;
        request.params = { ...m.groups };
      }
      return route.handle(request);
    }
    return { status: 404, json: this.options.errorBody(404, `${this.options.name}: no route ${request.path}`) };
  }

  private statusReply(fault: Extract<EmulatorFault, { kind: 'status' }>): EmulatorReply {
    return {
      status: fault.status,
      headers: fault.headers,
      json: fault.body ?? this.options.errorBody(fault.status, `injected ${fault.status}`),
    };
  }

  /** Waits ms; false when the emulator closed meanwhile. */
  private async pause(ms: number | undefined): Promise<boolean> {
    if (!ms) return !this.closing.signal.aborted;
    try {
      await sleep(ms, undefined, { signal: this.closing.signal });
      return true;
    } catch {
      return false;
    }
  }
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
