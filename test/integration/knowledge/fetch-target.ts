import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FetchTarget {
  /** `http://<host>:<port>` */
  url: string;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, target: FetchTarget) => void;

/** A local HTTP server that records every request it gets, for the fetcher to be pointed at. */
export async function startFetchTarget(handler: Handler, host = '127.0.0.1', port = 0): Promise<FetchTarget> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let target!: FetchTarget;
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    handler(req, res, target);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as AddressInfo).port;
  target = {
    url: `http://${host}:${bound}`,
    port: bound,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return target;
}
