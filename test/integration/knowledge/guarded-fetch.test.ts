import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { GuardedFetchOptions, ResolvedAddress } from '../../../services/core/net/guarded-fetch';
import { FetchBlockedError, FetchNetworkError, guardedFetch } from '../../../services/core/net/guarded-fetch';
import { addLogSink } from '../../../services/core/telemetry/logger';
import type { FetchTarget } from './fetch-target';
import { startFetchTarget } from './fetch-target';

/** A resolver that answers `address` for every name, and counts how often it was asked. */
function resolverAnswering(...answers: string[][]): { resolver: GuardedFetchOptions['resolver']; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    resolver: (hostname: string) => {
      calls.push(hostname);
      const list = answers[Math.min(calls.length - 1, answers.length - 1)];
      return Promise.resolve(
        list.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
    },
  };
}

async function blockedReason(url: string, opts: GuardedFetchOptions): Promise<string> {
  try {
    const res = await guardedFetch(url, opts);
    return `fetched: ${res.status}`;
  } catch (err) {
    return err instanceof FetchBlockedError
      ? err.reason
      : `other error: ${(err as Error).name} ${(err as Error).message}`;
  }
}

const BIG = 2 * 1024 * 1024;
const MB = 1024 * 1024;

describe('guarded fetcher (C-35)', () => {
  let target: FetchTarget;
  let local: GuardedFetchOptions;
  const stalled: ServerResponse[] = [];

  beforeAll(async () => {
    target = await startFetchTarget((req, res, t) => {
      const path = req.url ?? '/';
      const redirect = (location: string) => res.writeHead(302, { location }).end();
      if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      if (path === '/echo')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers));
      if (path === '/gzip')
        return res
          .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
          .end(gzipSync('zipped hello'));
      if (path === '/bomb')
        return res
          .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(5 * MB)));
      if (path === '/big') return res.writeHead(200, { 'content-length': String(BIG) }).end(Buffer.alloc(BIG, 97));
      if (path === '/big-chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 32; i++) res.write(Buffer.alloc(BIG / 32, 98));
        return res.end();
      }
      if (path === '/slow-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a');
        return void stalled.push(res);
      }
      if (path === '/slow-headers') return void stalled.push(res);
      if (path === '/to-metadata') return redirect('http://169.254.169.254/latest/meta-data/iam/security-credentials/');
      if (path === '/to-mapped') return redirect(`http://[::ffff:127.0.0.1]:${t.port}/ok`);
      if (path === '/to-mapped-hex') return redirect(`http://[::ffff:7f00:1]:${t.port}/ok`);
      if (path === '/to-decimal') return redirect(`http://2130706433:${t.port}/ok`);
      if (path === '/to-internal-name') return redirect(`http://internal.test:${t.port}/ok`);
      if (path === '/to-file') return redirect('file:///etc/passwd');
      if (path === '/cross') return redirect(`http://other.test:${t.port}/echo`);
      const loop = /^\/loop\/(\d+)$/.exec(path);
      if (loop) return redirect(`/loop/${Number(loop[1]) + 1}`);
      const chain = /^\/chain\/(\d+)$/.exec(path);
      if (chain) return Number(chain[1]) < 5 ? redirect(`/chain/${Number(chain[1]) + 1}`) : redirect('/ok');
      return res.writeHead(404).end();
    });
    local = { allowHttp: true, allowPrivate: ['127.0.0.1/32'], timeoutMs: 5000 };
  });

  afterAll(async () => {
    for (const r of stalled) r.destroy();
    await target.close();
  });

  beforeEach(() => {
    target.seen.length = 0;
  });

  describe('addresses, with no private range allowed', () => {
    // A removed check would let these through: the loopback ones reach the local server, the others time out.
    const p = () => target.port;
    const corpus: [string, () => string][] = [
      ['loopback', () => `http://127.0.0.1:${p()}/ok`],
      ['loopback, short form', () => `http://127.1:${p()}/ok`],
      ['loopback, decimal', () => `http://2130706433:${p()}/ok`],
      ['loopback, octal', () => `http://0177.0.0.1:${p()}/ok`],
      ['loopback, hex', () => `http://0x7f.1:${p()}/ok`],
      ['loopback, one hex number', () => `http://0x7f000001:${p()}/ok`],
      ['loopback, zero-padded', () => `http://127.000.000.001:${p()}/ok`],
      ['loopback, other address', () => `http://127.0.0.2:${p()}/ok`],
      ['this network', () => `http://0.0.0.0:${p()}/ok`],
      ['this network, as 0', () => `http://0:${p()}/ok`],
      ['private 10/8', () => 'http://10.0.0.1/'],
      ['private 172.16/12', () => 'http://172.16.0.1/'],
      ['private 172.16/12, top', () => 'http://172.31.255.255/'],
      ['private 192.168/16', () => 'http://192.168.0.1/'],
      ['CGNAT 100.64/10', () => 'http://100.64.0.1/'],
      ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
      ['link-local', () => 'http://169.254.1.1/'],
      ['multicast', () => 'http://224.0.0.1/'],
      ['broadcast', () => 'http://255.255.255.255/'],
      ['benchmark', () => 'http://198.18.0.1/'],
      ['IPv6 loopback', () => `http://[::1]:${p()}/ok`],
      ['IPv6 unspecified', () => `http://[::]:${p()}/ok`],
      ['IPv6 unique local', () => 'http://[fc00::1]/'],
      ['IPv6 unique local (AWS metadata)', () => 'http://[fd00:ec2::254]/'],
      ['IPv6 link-local', () => 'http://[fe80::1]/'],
      ['IPv6 multicast', () => 'http://[ff02::1]/'],
      ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${p()}/ok`],
      ['IPv4-mapped loopback, hex', () => `http://[::ffff:7f00:1]:${p()}/ok`],
      ['IPv4-mapped metadata', () => 'http://[::ffff:169.254.169.254]/'],
      ['IPv4-mapped private', () => 'http://[::ffff:10.0.0.1]/'],
      ['IPv4-compatible loopback', () => `http://[::127.0.0.1]:${p()}/ok`],
      ['NAT64 loopback', () => `http://[64:ff9b::7f00:1]:${p()}/ok`],
      ['NAT64 private', () => 'http://[64:ff9b::10.0.0.1]/'],
      ['6to4 loopback', () => `http://[2002:7f00:1::1]:${p()}/ok`],
      ['6to4 metadata', () => 'http://[2002:a9fe:a9fe::1]/'],
    ];
    it.each(corpus)('[C-35] refuses %s', async (_name, url) => {
      expect(await blockedReason(url(), { allowHttp: true, timeoutMs: 1500 })).toBe('private_address');
      expect(target.seen).toEqual([]);
    });

    const resolved: [string, string[]][] = [
      ['loopback', ['127.0.0.1']],
      ['metadata', ['169.254.169.254']],
      ['private', ['192.168.1.10']],
      ['IPv6 loopback', ['::1']],
      ['IPv4-mapped loopback', ['::ffff:127.0.0.1']],
      ['NAT64 metadata', ['64:ff9b::a9fe:a9fe']],
      ['a public and a private answer', ['93.184.215.14', '10.0.0.1']],
      ['a private answer after a public one, IPv6', ['2606:4700::1111', 'fd00::1']],
    ];
    it.each(resolved)('[C-35] refuses a name that resolves to %s', async (_name, answers) => {
      const { resolver, calls } = resolverAnswering(answers);
      expect(
        await blockedReason(`http://brand.test:${target.port}/ok`, { allowHttp: true, resolver, timeoutMs: 1500 }),
      ).toBe('private_address');
      expect(calls).toEqual(['brand.test']);
      expect(target.seen).toEqual([]);
    });

    it('[C-35] refuses localhost through the system resolver', async () => {
      expect(await blockedReason(`http://localhost:${target.port}/ok`, { allowHttp: true })).toBe('private_address');
      expect(target.seen).toEqual([]);
    });
  });

  it.each([
    ['file:///etc/passwd', 'scheme'],
    ['ftp://example.com/file', 'scheme'],
    ['gopher://127.0.0.1:6379/_INFO', 'scheme'],
    ['data:text/plain,hello', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://alice:hunter2@example.com/', 'credentials_in_url'],
    ['https://alice@example.com/', 'credentials_in_url'],
    ['not a url', 'bad_url'],
    ['https://', 'bad_url'],
    ['https://[::1/', 'bad_url'],
  ])('[C-35] refuses %s (%s)', async (url, reason) => {
    expect(await blockedReason(url, { allowHttp: true })).toBe(reason);
  });

  it('[C-35] refuses plain http unless the deployment allows it', async () => {
    expect(await blockedReason(`${target.url}/ok`, { allowPrivate: ['127.0.0.1/32'] })).toBe('scheme');
    expect(target.seen).toEqual([]);
  });

  it('[C-35] a name that does not resolve, or resolves to nothing readable, is a dns refusal', async () => {
    const failing: GuardedFetchOptions['resolver'] = () =>
      Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' }));
    expect(await blockedReason('https://nowhere.test/', { resolver: failing })).toBe('dns');
    expect(await blockedReason('https://empty.test/', resolverAnswering([]))).toBe('dns');
    expect(await blockedReason('https://odd.test/', resolverAnswering(['0177.0.0.1']))).toBe('dns');
  });

  describe('redirects', () => {
    it('[C-35] re-checks a redirect to the metadata service', async () => {
      expect(await blockedReason(`${target.url}/to-metadata`, local)).toBe('private_address');
      expect(target.seen.map((s) => s.path)).toEqual(['/to-metadata']);
    });

    it.each(['/to-mapped', '/to-mapped-hex'])(
      '[C-35] re-checks a redirect to the IPv4-mapped spelling of an allowed address (%s)',
      async (path) => {
        expect(await blockedReason(`${target.url}${path}`, local)).toBe('private_address');
        expect(target.seen.map((s) => s.path)).toEqual([path]);
      },
    );

    it('[C-35] re-checks a redirect to a name that resolves privately, and to another scheme', async () => {
      const { resolver, calls } = resolverAnswering(['10.0.0.7']);
      expect(await blockedReason(`${target.url}/to-internal-name`, { ...local, resolver })).toBe('private_address');
      expect(calls).toEqual(['internal.test']);
      expect(await blockedReason(`${target.url}/to-file`, local)).toBe('scheme');
    });

    it('[C-35] stops after 5 redirects', async () => {
      expect(await blockedReason(`${target.url}/loop/0`, local)).toBe('too_many_redirects');
      expect(target.seen.map((s) => s.path)).toEqual([
        '/loop/0',
        '/loop/1',
        '/loop/2',
        '/loop/3',
        '/loop/4',
        '/loop/5',
      ]);
    });

    it('follows up to 5 redirects and reports the final URL', async () => {
      const res = await guardedFetch(`${target.url}/chain/1`, local);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe('hello');
      expect(res.url).toBe(`${target.url}/ok`);
    });

    it('follows an allowed redirect (the decimal spelling of an allowed address, normalised by the URL parser)', async () => {
      const res = await guardedFetch(`${target.url}/to-decimal`, local);
      expect(res.body.toString()).toBe('hello');
    });

    it('drops credentials when a redirect leaves the origin', async () => {
      const { resolver } = resolverAnswering(['127.0.0.1']);
      const res = await guardedFetch(`${target.url}/cross`, {
        ...local,
        resolver,
        headers: { authorization: 'Bearer origin-only', 'x-kept': 'yes' },
      });
      const echoed = JSON.parse(res.body.toString()) as Record<string, string>;
      expect(target.seen[0].headers.authorization).toBe('Bearer origin-only');
      expect(echoed.authorization).toBeUndefined();
      expect(echoed['x-kept']).toBe('yes');
      expect(echoed.host).toBe(`other.test:${target.port}`);
    });
  });

  describe('DNS rebinding', () => {
    it('[C-35] resolves once and connects to the address it checked, not to a second answer', async () => {
      // Two servers on one port: 127.0.0.2 stands for the public answer, 127.0.0.1 for the rebound one. Both are
      // allowed here, so only pinning (not a second check) keeps the socket on the first answer.
      const first = await startFetchTarget((_q, res) => res.writeHead(200).end('first'), '127.0.0.2');
      const rebound = await startFetchTarget((_q, res) => res.writeHead(200).end('rebound'), '127.0.0.1', first.port);
      try {
        const { resolver, calls } = resolverAnswering(['127.0.0.2'], ['127.0.0.1']);
        const res = await guardedFetch(`http://rebind.test:${first.port}/x`, {
          allowHttp: true,
          allowPrivate: ['127.0.0.2/32', '127.0.0.1/32'],
          resolver,
        });
        expect(calls).toEqual(['rebind.test']);
        expect(res.body.toString()).toBe('first');
        expect(res.remoteAddress).toBe('127.0.0.2');
        expect(first.seen.map((s) => s.headers.host)).toEqual([`rebind.test:${first.port}`]);
        expect(rebound.seen).toEqual([]);
      } finally {
        await first.close();
        await rebound.close();
      }
    });

    it('[C-35] a public first answer and 127.0.0.1 the second time: the second is never asked for or reached', async () => {
      const { resolver, calls } = resolverAnswering(['93.184.215.14'], ['127.0.0.1']);
      const err = await guardedFetch(`http://rebind.test:${target.port}/ok`, {
        ...local,
        resolver,
        timeoutMs: 1000,
      }).catch((e: unknown) => e);
      expect(calls).toEqual(['rebind.test']);
      expect(target.seen).toEqual([]);
      // Offline the public address is unreachable: a network error naming it, or the time cap.
      if (err instanceof FetchNetworkError) expect(err.address).toBe('93.184.215.14');
      else expect(err).toMatchObject({ name: 'FetchBlockedError', reason: 'timeout' });
    });
  });

  describe('size and time', () => {
    it('[C-35] refuses a body over the cap announced by Content-Length', async () => {
      expect(await blockedReason(`${target.url}/big`, { ...local, maxBytes: MB })).toBe('too_large');
    });

    it('[C-35] stops a chunked body once it passes the cap', async () => {
      expect(await blockedReason(`${target.url}/big-chunked`, { ...local, maxBytes: MB })).toBe('too_large');
      const whole = await guardedFetch(`${target.url}/big-chunked`, { ...local, maxBytes: 3 * MB });
      expect(whole.body.length).toBe(BIG);
    });

    it('[C-35] counts a compressed body after decompression (a gzip bomb)', async () => {
      expect(await blockedReason(`${target.url}/bomb`, { ...local, maxBytes: MB })).toBe('too_large');
      const res = await guardedFetch(`${target.url}/gzip`, local);
      expect(res.body.toString()).toBe('zipped hello');
    });

    it('[C-35] caps the time of a body that trickles, and of an answer that never comes', async () => {
      expect(await blockedReason(`${target.url}/slow-body`, { ...local, timeoutMs: 500 })).toBe('timeout');
      expect(await blockedReason(`${target.url}/slow-headers`, { ...local, timeoutMs: 500 })).toBe('timeout');
    });
  });

  it('fetches an allowed address and returns status, headers, type, body and the pinned address', async () => {
    const res = await guardedFetch(`${target.url}/ok`, local);
    expect(res).toMatchObject({
      status: 200,
      url: `${target.url}/ok`,
      contentType: 'text/plain',
      remoteAddress: '127.0.0.1',
    });
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.body.toString()).toBe('hello');
    const missing = await guardedFetch(`${target.url}/nothing`, local);
    expect(missing.status).toBe(404);
  });

  it('[C-35] logs a blocked attempt with its host and reason, never its path, query or userinfo', async () => {
    const lines: string[] = [];
    const stop = addLogSink((l) => lines.push(l));
    try {
      const e1 = await guardedFetch(`http://127.0.0.1:${target.port}/private/path?token=SECRET-TOKEN`, {
        allowHttp: true,
      }).catch((e: Error) => e);
      const e2 = await guardedFetch('https://alice:hunter2@example.com/x?sig=abc123', {}).catch((e: Error) => e);
      for (const e of [e1, e2]) expect(e).toBeInstanceOf(FetchBlockedError);
      const text = lines.join('\n');
      expect(text).toContain('guarded fetch blocked (private_address) for host 127.0.0.1');
      expect(text).toContain('guarded fetch blocked (credentials_in_url) for host example.com');
      const leaked = [`${String(e1)}${String(e2)}`, text].filter((t) =>
        /SECRET-TOKEN|private\/path|hunter2|alice|sig=abc123/.test(t),
      );
      expect(leaked).toEqual([]);
    } finally {
      stop();
    }
  });
});
