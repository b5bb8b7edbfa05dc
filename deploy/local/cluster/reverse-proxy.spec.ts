import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { freePort } from '../free-port';
import type { RunningProxy } from './reverse-proxy';
import { startReverseProxy } from './reverse-proxy';

function replica(name: string, port: number, seen: string[]): Promise<Server> {
  const s = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/health') {
        res.writeHead(200).end('ok');
        return;
      }
      seen.push(`${name}:${req.method}:${body}`);
      res.writeHead(200, { 'content-type': 'application/json', 'x-replica': name });
      res.end(JSON.stringify({ replica: name, forwardedFor: req.headers['x-forwarded-for'] }));
    });
  });
  return new Promise((resolve) => s.listen(port, '127.0.0.1', () => resolve(s)));
}

const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));

describe('the API replicas proxy', () => {
  let proxy: RunningProxy | undefined;
  const servers: Server[] = [];
  afterEach(async () => {
    await proxy?.close();
    await Promise.all(servers.splice(0).map((s) => (s.listening ? close(s) : undefined)));
  });

  it('spreads requests over the replicas in turn', async () => {
    const [a, b, p] = [await freePort(), await freePort(), await freePort()];
    const seen: string[] = [];
    servers.push(await replica('a', a, seen), await replica('b', b, seen));
    proxy = await startReverseProxy({
      host: '127.0.0.1',
      port: p,
      healthPath: '/health',
      upstreams: [
        { name: 'a', host: '127.0.0.1', port: a },
        { name: 'b', host: '127.0.0.1', port: b },
      ],
    });
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/graphql`, { method: 'POST', body: `q${i}` });
      names.push(((await res.json()) as { replica: string }).replica);
    }
    expect(names.sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(seen.sort()).toEqual(['a:POST:q0', 'a:POST:q2', 'b:POST:q1', 'b:POST:q3'].sort());
  });

  it('moves a request that a dead replica refused to a live one, and runs it once', async () => {
    const [a, b, p] = [await freePort(), await freePort(), await freePort()];
    const seen: string[] = [];
    servers.push(await replica('a', a, seen));
    const deadB = await replica('b', b, seen);
    proxy = await startReverseProxy({
      host: '127.0.0.1',
      port: p,
      healthPath: '/health',
      healthEveryMs: 60_000,
      upstreams: [
        { name: 'a', host: '127.0.0.1', port: a },
        { name: 'b', host: '127.0.0.1', port: b },
      ],
    });
    await close(deadB); // dies after the last health check: the proxy still thinks it is up
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/graphql`, { method: 'POST', body: `m${i}` });
      expect(res.status).toBe(200);
    }
    expect(seen.sort()).toEqual(['a:POST:m0', 'a:POST:m1', 'a:POST:m2', 'a:POST:m3']);
    expect(proxy.health()).toEqual({ a: true, b: false });
    expect(proxy.stats().retried).toBeGreaterThanOrEqual(1);
  });

  it('answers 502 with a clear message when no replica is there', async () => {
    const [a, p] = [await freePort(), await freePort()];
    proxy = await startReverseProxy({
      host: '127.0.0.1',
      port: p,
      healthPath: '/health',
      upstreams: [{ name: 'a', host: '127.0.0.1', port: a }],
    });
    const res = await fetch(`${proxy.url}/graphql`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'bad_gateway', message: 'the API replica did not answer; try again' });
  });
});
