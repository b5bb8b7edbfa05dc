import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import { freePort } from '../free-port';
import type { TemporalWebFront } from './temporal-web-front';
import { startTemporalWebFront, withCodecCredentials } from './temporal-web-front';

/** Stands in for the dev server's UI: its settings, and an echo of whatever else reaches it. */
function fakeUi(codecEndpoint: string): Server {
  return createServer((req: IncomingMessage, res) => {
    if (req.url === '/api/v1/settings') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Version: '2.42.1', Codec: { Endpoint: codecEndpoint, IncludeCredentials: false } }));
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(207, { 'content-type': 'application/json', 'set-cookie': '_csrf=abc; Path=/' });
      res.end(JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, body }));
    });
  });
}

describe('the local Temporal Web front', () => {
  let ui: Server;
  let front: TemporalWebFront;
  beforeAll(async () => {
    ui = fakeUi('http://127.0.0.1:4000/codec');
    await new Promise<void>((r) => ui.listen(0, '127.0.0.1', () => r()));
    const upstream = `http://127.0.0.1:${(ui.address() as { port: number }).port}`;
    front = await startTemporalWebFront({ host: '127.0.0.1', port: await freePort(), upstream });
  });
  afterAll(async () => {
    await front.close();
    await new Promise<void>((r) => ui.close(() => r()));
  });

  it('tells the UI to send credentials to the codec endpoint the server names, and nothing else changes', async () => {
    const res = await fetch(`${front.url}/api/v1/settings`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      Version: '2.42.1',
      Codec: { Endpoint: 'http://127.0.0.1:4000/codec', IncludeCredentials: true },
    });
  });

  it('passes every other request through with its method, path, body, Host, status and headers', async () => {
    const res = await fetch(`${front.url}/api/v1/namespaces/raize/workflows?query=x`, {
      method: 'POST',
      body: '{"a":1}',
    });
    expect(res.status).toBe(207);
    expect(res.headers.get('set-cookie')).toBe('_csrf=abc; Path=/');
    expect(await res.json()).toEqual({
      method: 'POST',
      url: '/api/v1/namespaces/raize/workflows?query=x',
      host: new URL(front.url).host,
      body: '{"a":1}',
    });
  });

  it('leaves settings without a codec endpoint as they are', () => {
    const none = { Codec: { Endpoint: '', IncludeCredentials: false } };
    expect(withCodecCredentials(none)).toBe(none);
  });
});
