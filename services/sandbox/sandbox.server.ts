// The sandbox HTTP server: request pipeline (body cap → latency → faults → processing delay → routing → handler →
// delayed response) and the `startSandbox` factory used by main.ts and by tests (in-process, port 0 for a random
// free port).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEV_SANDBOX_ADMIN_TOKEN } from '../core/config/app-config';
import { registerAdminRoutes } from './admin.routes';
import { registerCommentRoutes } from './comments.routes';
import { registerEngagementRoutes } from './engagement.routes';
import { registerInsightsRoutes } from './insights.routes';
import { FaultEngine } from './faults';
import { errorJson, headerValue, HttpError, readBody, type SandboxResponse } from './http-utils';
import { registerMeRoutes } from './me.routes';
import { registerOAuthRoutes } from './oauth.routes';
import { registerPageRoutes } from './pages.routes';
import { registerPostRoutes } from './posts.routes';
import { Router, type RequestContext } from './router';
import { randomId } from './secrets';
import { SandboxStore } from './store';
import { WebhookDispatcher, type WebhookRetryOptions } from './webhooks.dispatcher';
import type { SandboxDeps } from './deps';
import type { RequestLogEntry } from './sandbox.types';

/** The development admin token: defined once with the config that refuses it in production. */
export const DEFAULT_ADMIN_TOKEN = DEV_SANDBOX_ADMIN_TOKEN;

export interface SandboxOptions {
  adminToken?: string;
  stateFile?: string;
  /** Base URL used in post / media links (default: the listening URL). */
  publicUrl?: string;
  /** Access token lifetime (default 3600). */
  accessTokenTtlSeconds?: number;
  /** Webhook retry policy (tests shorten the backoff). */
  webhookRetry?: WebhookRetryOptions;
  /** Clock (epoch ms) — lets tests expire codes and tokens. */
  now?: () => number;
  /** Random source for errorRate faults. */
  random?: () => number;
  /** Receives unexpected (500) errors; default console.error. */
  onError?: (err: unknown, requestId: string) => void;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  /** White-box access for tests. */
  state: SandboxStore;
  faults: FaultEngine;
  webhooks: WebhookDispatcher;
}

function buildRouter(deps: SandboxDeps): Router {
  const router = new Router();
  router.get('/healthz', () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }));
  registerAdminRoutes(router, deps);
  registerOAuthRoutes(router, deps);
  registerMeRoutes(router, deps);
  registerPostRoutes(router, deps);
  registerCommentRoutes(router, deps);
  registerEngagementRoutes(router, deps);
  registerInsightsRoutes(router, deps);
  registerPageRoutes(router, deps);
  return router;
}

function splitUrl(rawUrl: string | undefined): { path: string; query: URLSearchParams } {
  const url = rawUrl ?? '/';
  const q = url.indexOf('?');
  return { path: q < 0 ? url : url.slice(0, q), query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)) };
}

function send(req: IncomingMessage, res: ServerResponse, response: SandboxResponse, requestId: string): void {
  if (res.destroyed || res.writableEnded) return;
  const body = response.body ?? '';
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  res.setHeader('x-request-id', requestId);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function startSandbox(
  opts: SandboxOptions & { port?: number; host?: string } = {},
): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const store = new SandboxStore(opts.stateFile, opts.now ?? Date.now);
  const faults = new FaultEngine(opts.random);
  const webhooks = new WebhookDispatcher(store, opts.webhookRetry);
  const lifetime = new AbortController();
  const onError = opts.onError ?? ((err, requestId) => console.error(`[sandbox] ${requestId} unhandled error`, err));
  let baseUrl = '';
  const deps: SandboxDeps = {
    store,
    faults,
    webhooks,
    adminToken: opts.adminToken ?? DEFAULT_ADMIN_TOKEN,
    publicUrl: () => (opts.publicUrl ?? baseUrl).replace(/\/+$/, ''),
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
  };
  const router = buildRouter(deps);

  const wait = (ms: number) =>
    ms > 0 ? sleep(ms, undefined, { signal: lifetime.signal }).catch(() => undefined) : Promise.resolve();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomId('req_', 12);
    const at = store.nowIso();
    const method = (req.method ?? 'GET').toUpperCase();
    const { path, query } = splitUrl(req.url);
    const isAdmin = path === '/_admin' || path.startsWith('/_admin/');
    let response: SandboxResponse | undefined;
    let fault: RequestLogEntry['fault'] = null;
    let afterHandlerDelayMs = 0;
    let answerInstead: SandboxResponse | undefined;
    let clientGone = false;
    res.once('close', () => (clientGone = !res.writableFinished));
    try {
      const rawBody = await readBody(req);
      if (!isAdmin) {
        const plan = faults.evaluate(method, path);
        await wait(plan.latencyMs);
        // Latency is the way there: a client that gave up meanwhile never delivered its request. Only
        // beforeHandlerDelayMs (processing time) applies a request whose client has left.
        if (plan.latencyMs > 0 && clientGone) {
          store.logRequest({
            requestId,
            method,
            path,
            status: 499,
            idempotencyKey: headerValue(req.headers['idempotency-key']) ?? null,
            traceparent: headerValue(req.headers.traceparent) ?? null,
            fault: 'client_gone',
            at,
          });
          return;
        }
        if (plan.reject) {
          const rejection = errorJson(plan.reject.status, plan.reject.code, plan.reject.message, plan.reject.headers);
          // After the handler: the write is applied and this error answers instead (a gateway's 502 after the origin).
          if (plan.reject.afterHandler) answerInstead = rejection;
          else response = rejection;
          fault = plan.reject.kind;
        }
        await wait(plan.beforeHandlerDelayMs);
        afterHandlerDelayMs = plan.afterHandlerDelayMs;
      }
      if (!response) {
        const match = router.match(method, path);
        if (match.kind === 'not_found') {
          response = errorJson(404, 'not_found', `No route for ${method} ${path}`);
        } else if (match.kind === 'method_not_allowed') {
          response = errorJson(405, 'method_not_allowed', `${method} is not allowed on ${path}`, {
            allow: match.allowed.join(', '),
          });
        } else {
          const ctx: RequestContext = { req, method, path, query, params: match.params, rawBody, requestId };
          response = await match.handler(ctx);
        }
      }
      if (answerInstead) response = answerInstead;
    } catch (err) {
      if (err instanceof HttpError) {
        response = errorJson(err.status, err.code, err.message, err.headers);
      } else {
        onError(err, requestId);
        response = errorJson(500, 'internal_error', 'Internal server error');
      }
    }
    if (!isAdmin) {
      store.logRequest({
        requestId,
        method,
        path,
        status: response.status,
        idempotencyKey: headerValue(req.headers['idempotency-key']) ?? null,
        traceparent: headerValue(req.headers.traceparent) ?? null,
        fault,
        at,
      });
    }
    await wait(afterHandlerDelayMs);
    send(req, res, response, requestId);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      onError(err, 'unknown');
      if (!res.headersSent && !res.destroyed) {
        res.statusCode = 500;
        res.end();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${urlHost}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    state: store,
    faults,
    webhooks,
    close() {
      closing ??= (async () => {
        lifetime.abort();
        await webhooks.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
