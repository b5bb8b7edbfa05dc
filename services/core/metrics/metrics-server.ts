import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { RaizeEnv } from '../config/app-config';
import { logger } from '../telemetry/logger';
import { scrapeAccess } from './scrape-access';

export interface MetricsServerOptions {
  host: string;
  port: number;
  env: RaizeEnv;
  token?: string;
  /** the exposition's parts, concatenated in order; a part that fails is left out (and said so in a comment) */
  sources: { name: string; read: () => Promise<string> }[];
}

/** A process's own scrape endpoint (the worker's): `GET /metrics`, behind the same access rule as the API's. */
export async function startMetricsServer(o: MetricsServerOptions): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const access = scrapeAccess(o, req.headers.authorization);
    if (access !== 'allow') {
      res.writeHead(
        access === 'disabled' ? 404 : 401,
        access === 'unauthorized' ? { 'www-authenticate': 'Bearer' } : {},
      );
      res.end();
      return;
    }
    void Promise.all(
      o.sources.map((s) =>
        s.read().catch((err: Error) => {
          logger.warn(
            { 'raize.operation': `metrics.${s.name}`, 'error.kind': err?.name ?? 'Error' },
            'metrics part unavailable',
          );
          return `# ${s.name}: unavailable\n`;
        }),
      ),
    ).then((parts) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join(''));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : o.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
