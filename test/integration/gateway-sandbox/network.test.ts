import type { CountingServer } from './sandbox-probe';
import { countingServer, probe, processGone, resultOf } from './sandbox-probe';

/** Tries the three ways Node reaches a socket and says what each did. */
const DIRECT = (port: number) => `
  const http = require('node:http'), net = require('node:net');
  const tries = {};
  try { const r = await fetch('http://127.0.0.1:${port}/'); tries.fetch = 'reached ' + r.status; } catch (e) { tries.fetch = 'failed ' + (e.cause?.code ?? e.message); }
  tries.http = await new Promise((done) => {
    const req = http.get('http://127.0.0.1:${port}/', (res) => { res.resume(); done('reached ' + res.statusCode); });
    req.on('error', (e) => done('failed ' + e.code));
  });
  tries.net = await new Promise((done) => {
    const s = net.connect(${port}, '127.0.0.1', () => { s.destroy(); done('reached'); });
    s.on('error', (e) => done('failed ' + e.code));
  });
  return tries;`;

describe('script sandbox: network (C-38)', () => {
  let server: CountingServer;
  beforeAll(async () => {
    server = await countingServer('hello from the allowlisted host');
  });
  afterAll(() => server.close());

  it('[C-38] the given fetch reaches an allowlisted host (through the guarded fetcher, loopback allowed for the test)', async () => {
    const { outcome, pid } = await probe(
      `const r = await fetch(${JSON.stringify(server.url)}); return { status: r.status, ok: r.ok, text: r.text };`,
      { domains: ['127.0.0.1'], loopback: true },
    );
    expect(resultOf(outcome)).toEqual({ status: 200, ok: true, text: 'hello from the allowlisted host' });
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] the given fetch refuses a host that is not allowlisted, and nothing reaches it', async () => {
    const before = server.hits();
    const { outcome } = await probe(
      `const out = [];
       for (const url of [${JSON.stringify(server.url)}, 'http://localhost:${server.port}/', 'http://127.0.0.1.nip.io:${server.port}/']) {
         try { await fetch(url); out.push('reached'); } catch (e) { out.push(e.message); }
       }
       return out;`,
      { domains: ['example.com', 'api.example.org'], loopback: true },
    );
    expect(resultOf(outcome)).toEqual([
      'fetch refused: 127.0.0.1 is not an allowed domain',
      'fetch refused: localhost is not an allowed domain',
      'fetch refused: 127.0.0.1.nip.io is not an allowed domain',
    ]);
    expect(server.hits()).toBe(before);
  });

  it('[C-38] an allowlisted host still goes through the guarded fetcher: no loopback without the allowance', async () => {
    const before = server.hits();
    const { outcome } = await probe(
      `try { await fetch(${JSON.stringify(server.url.replace('http:', 'https:'))}); return 'reached' } catch (e) { return e.message }`,
      { domains: ['127.0.0.1'] },
    );
    expect(resultOf(outcome)).toBe('fetch refused: private_address');
    expect(server.hits()).toBe(before);
  });

  it('[C-38] a script has no network of its own: no require, process, XMLHttpRequest or WebSocket', async () => {
    const { outcome } = await probe(
      `return [typeof require, typeof process, typeof globalThis.process, typeof module, typeof XMLHttpRequest, typeof WebSocket];`,
    );
    expect(resultOf(outcome)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('[C-38] the network namespace alone stops fetch, http and net, even for a script holding require', async () => {
    const before = server.hits();
    const { outcome, pid } = await probe(DIRECT(server.port), { hostRealm: true, only: { network: true } });
    const tries = resultOf(outcome) as Record<string, string>;
    expect(Object.keys(tries)).toEqual(['fetch', 'http', 'net']);
    for (const got of Object.values(tries)) expect(got).toMatch(/^failed /);
    expect(server.hits()).toBe(before);
    expect(processGone(pid)).toBe(true);
  });

  it('[C-38] control: without the network namespace the same script reaches the server (the test above bites)', async () => {
    const before = server.hits();
    const { outcome } = await probe(DIRECT(server.port), { hostRealm: true, only: {} });
    expect(resultOf(outcome)).toEqual({ fetch: 'reached 200', http: 'reached 200', net: 'reached' });
    expect(server.hits()).toBeGreaterThan(before);
  });
});
