import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';
import type { Socket } from 'node:net';
import { connect } from 'node:net';

export interface Upstream {
  name: string;
  host: string;
  port: number;
}

export interface ReverseProxyOptions {
  host: string;
  port: number;
  upstreams: Upstream[];
  /** GET path answered 200 by a healthy upstream */
  healthPath: string;
  healthEveryMs?: number;
  /** bodies up to this size are buffered so that a request refused at connect can go to the next replica */
  retryBodyLimit?: number;
}

export interface RunningProxy {
  url: string;
  /** upstream name -> healthy as last seen */
  health(): Record<string, boolean>;
  /** requests each upstream answered, and those moved to another replica after a refused connection */
  stats(): { served: Record<string, number>; retried: number; failed: number };
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function forwardHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  const peer = req.socket.remoteAddress ?? '';
  out['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${String(req.headers['x-forwarded-for'])}, ${peer}` : peer;
  out['x-forwarded-host'] = req.headers.host ?? '';
  out['x-forwarded-proto'] = 'http';
  return out;
}

/** The connection never reached the replica (nothing was sent to it): safe to try another, whatever the method. */
function neverReached(err: NodeJS.ErrnoException): boolean {
  return err.code === 'ECONNREFUSED' || err.code === 'EHOSTUNREACH' || err.code === 'ENOTFOUND';
}

/**
 * The cluster topology's load balancer in front of the API replicas (docs/cluster.md), as an ingress controller does
 * it: round robin over the replicas its health checks see up; a replica that refuses the connection is marked down
 * and the request goes to the next one (it never reached the dead one, so nothing runs twice); a replica that dies
 * after taking a request answers 502, because only the client may decide to repeat a non-idempotent call.
 */
export async function startReverseProxy(o: ReverseProxyOptions): Promise<RunningProxy> {
  const healthy = new Map(o.upstreams.map((u) => [u.name, true]));
  const served = new Map(o.upstreams.map((u) => [u.name, 0]));
  let retried = 0;
  let failed = 0;
  let next = 0;
  const limit = o.retryBodyLimit ?? 16 * 1024 * 1024;

  const order = (): Upstream[] => {
    const up = o.upstreams.filter((u) => healthy.get(u.name));
    const pool = up.length ? up : o.upstreams;
    const start = next++ % pool.length;
    return [...pool.slice(start), ...pool.slice(0, start)];
  };

  const check = async (u: Upstream) => {
    try {
      const res = await fetch(`http://${u.host}:${u.port}${o.healthPath}`, { signal: AbortSignal.timeout(1500) });
      await res.arrayBuffer();
      healthy.set(u.name, res.status === 200);
    } catch {
      healthy.set(u.name, false);
    }
  };
  const timer = setInterval(() => o.upstreams.forEach((u) => void check(u)), o.healthEveryMs ?? 1000);
  timer.unref();

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer | null, candidates: Upstream[]) => {
    const u = candidates[0]!;
    const up = request(
      // A fresh connection each time (agent: false): a pooled one to a replica that died since would fail after the
      // request was written, where it can no longer be told apart from a replica that took it.
      { host: u.host, port: u.port, method: req.method, path: req.url, headers: forwardHeaders(req), agent: false },
      (upRes) => {
        served.set(u.name, (served.get(u.name) ?? 0) + 1);
        const headers: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(upRes.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(res);
        upRes.on('error', () => res.destroy());
      },
    );
    up.on('error', (err: NodeJS.ErrnoException) => {
      if (neverReached(err)) healthy.set(u.name, false);
      if (neverReached(err) && body !== null && candidates.length > 1 && !res.headersSent) {
        retried++;
        forward(req, res, body, candidates.slice(1));
        return;
      }
      failed++;
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad_gateway', message: 'the API replica did not answer; try again' }));
      } else res.destroy();
    });
    if (body !== null) up.end(body);
    else req.pipe(up);
  };

  const server: Server = createServer((req, res) => {
    const candidates = order();
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > limit || (req.headers['transfer-encoding'] && !req.headers['content-length'])) {
      forward(req, res, null, candidates);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), candidates));
    req.on('error', () => res.destroy());
  });
  // WebSocket and other upgrades: a raw pipe to one healthy replica.
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const u = order()[0]!;
    const up = connect(u.port, u.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) up.write(head);
      up.pipe(socket).pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  await Promise.all(o.upstreams.map(check));
  return {
    url: `http://${o.host}:${o.port}`,
    health: () => Object.fromEntries(healthy),
    stats: () => ({ served: Object.fromEntries(served), retried, failed }),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
