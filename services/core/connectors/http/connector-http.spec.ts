import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { TracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { ConnectorError } from '../connector.errors';
import { addLogSink, setLogLevel } from '../../telemetry/logger';
import type { ConnectorCall, ConnectorHttpConfig } from './connector-http';
import { connectorRequest } from './connector-http';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  closedEarly: boolean;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-plain', ...headers });
  res.end(JSON.stringify(body));
};

const ROUTES: Record<string, Route> = {
  '/ok': (_req, res) => json(res, 200, { hello: 'world' }, { 'x-platform-trace': 'trace-7' }),
  '/empty': (_req, res) => {
    res.writeHead(204);
    res.end();
  },
  '/echo': (req, res) => json(res, 200, { headers: req.headers }),
  '/hang': () => undefined,
  '/500': (_req, res) => json(res, 500, { error: 'boom' }, { 'x-request-id': 'req-500' }),
  '/503-retry': (_req, res) => json(res, 503, {}, { 'retry-after': '12' }),
  '/429-delta': (_req, res) => json(res, 429, {}, { 'retry-after': '7' }),
  '/429-date': (_req, res) => json(res, 429, {}, { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }),
  '/429-junk': (_req, res) => json(res, 429, {}, { 'retry-after': 'soon-ish' }),
  '/401': (_req, res) => json(res, 401, {}, { 'x-request-id': 'req-401' }),
  '/403': (_req, res) => json(res, 403, {}),
  '/404': (_req, res) => json(res, 404, {}),
  '/422': (_req, res) => json(res, 422, {}),
  '/junk': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>proxy</html>');
  },
};

describe('connectorRequest against a real local HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Seen[] = [];
  const config = (over: Partial<ConnectorHttpConfig> = {}): ConnectorHttpConfig => ({
    platform: 'sandbox',
    baseUrl,
    timeoutMs: 2000,
    ...over,
  });
  const call = (path: string, over: Partial<ConnectorCall> = {}): ConnectorCall => ({
    method: 'GET',
    path,
    route: path.split('?')[0],
    ...over,
  });
  const failure = async (p: Promise<unknown>): Promise<ConnectorError> => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const entry: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: '',
        closedEarly: false,
      };
      seen.push(entry);
      res.on('close', () => (entry.closedEarly = !res.writableFinished));
      req.setEncoding('utf8');
      req.on('data', (c: string) => (entry.body += c));
      req.on('end', () =>
        (ROUTES[(req.url ?? '').split('?')[0].replace(/\/sbx_[^/]+$/, '')] ?? ROUTES['/404'])(req, res),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });
  beforeEach(() => (seen.length = 0));

  it('answers a 2xx with the parsed body and the platform request id, from a configurable header', async () => {
    const a = await connectorRequest(config(), call('/ok'));
    expect(a).toMatchObject({ status: 200, body: { hello: 'world' }, requestId: 'req-plain' });
    const b = await connectorRequest(config({ requestIdHeader: 'x-platform-trace' }), call('/ok'));
    expect(b.requestId).toBe('trace-7');
    expect((await connectorRequest(config(), call('/empty'))).body).toBeNull();
  });

  it('sends the bearer token, the platform version headers and a JSON or form body', async () => {
    const a = await connectorRequest(
      config({ versionHeaders: { 'x-api-version': '2026-01' } }),
      call('/echo', { method: 'POST', token: 'tok-1', json: { text: 'hi' }, headers: { 'idempotency-key': 'k-1' } }),
    );
    const sent = (a.body as { headers: Record<string, string> }).headers;
    expect(sent).toMatchObject({
      authorization: 'Bearer tok-1',
      'x-api-version': '2026-01',
      'idempotency-key': 'k-1',
      'content-type': 'application/json',
    });
    expect(seen[0].body).toBe('{"text":"hi"}');
    await connectorRequest(
      config(),
      call('/echo', { method: 'POST', form: { grant_type: 'refresh_token', refresh_token: 'r t' } }),
    );
    expect(seen[1].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[1].body).toBe('grant_type=refresh_token&refresh_token=r+t');
    expect(seen[1].headers.authorization).toBeUndefined();
  });

  it('a read that times out is transient', async () => {
    const err = await failure(connectorRequest(config({ timeoutMs: 150 }), call('/hang')));
    expect(err).toMatchObject({ kind: 'transient', details: { transport: 'timeout' } });
    expect(err.message).toMatch(/timed out after 150 ms/);
  });

  it('[C-22] a write that times out is an unknown outcome, never a plain failure', async () => {
    const err = await failure(
      connectorRequest(config({ timeoutMs: 150 }), call('/hang', { method: 'POST', json: { text: 'x' } })),
    );
    expect(err).toMatchObject({ kind: 'outcome_unknown', details: { transport: 'timeout' } });
    expect(err.message).toMatch(/may have applied it/);
  });

  it('the caller’s AbortSignal aborts the fetch, and the error says cancelled, not timed out', async () => {
    const caller = new AbortController();
    const started = Date.now();
    const pending = connectorRequest(
      config({ timeoutMs: 10_000 }),
      call('/hang', { method: 'POST', json: { text: 'x' }, signal: caller.signal }),
    );
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    caller.abort();
    const err = await failure(pending);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toMatchObject({ kind: 'outcome_unknown', details: { transport: 'cancelled' } });
    expect(err.message).toMatch(/cancelled/);
    expect(err.message).not.toMatch(/timed out/);
    for (let i = 0; i < 100 && !seen[0].closedEarly; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen[0].closedEarly).toBe(true);
  });

  it('an already aborted signal sends nothing', async () => {
    const err = await failure(
      connectorRequest(config(), call('/ok', { method: 'POST', json: {}, signal: AbortSignal.abort() })),
    );
    expect(err).toMatchObject({ kind: 'transient', details: { transport: 'cancelled' } });
    expect(seen).toHaveLength(0);
  });

  it('[C-22] a 5xx is transient on a read and an unknown outcome on a write; the request id is kept', async () => {
    expect(await failure(connectorRequest(config(), call('/500')))).toMatchObject({
      kind: 'transient',
      details: { status: 500, requestId: 'req-500' },
    });
    expect(await failure(connectorRequest(config(), call('/500', { method: 'POST', json: {} })))).toMatchObject({
      kind: 'outcome_unknown',
      details: { status: 500, requestId: 'req-500' },
    });
  });

  it('[C-52] a 5xx with Retry-After carries it (read or write); without the header there is none', async () => {
    expect(await failure(connectorRequest(config(), call('/503-retry')))).toMatchObject({
      kind: 'transient',
      details: { status: 503, retryAfterSeconds: 12 },
    });
    expect(await failure(connectorRequest(config(), call('/503-retry', { method: 'POST', json: {} })))).toMatchObject({
      kind: 'outcome_unknown',
      details: { status: 503, retryAfterSeconds: 12 },
    });
    expect((await failure(connectorRequest(config(), call('/500')))).details.retryAfterSeconds).toBeUndefined();
  });

  it('[C-22] a network failure is transient on a read and an unknown outcome on a write', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const gone = config({ baseUrl: `http://127.0.0.1:${port}` });
    expect(await failure(connectorRequest(gone, call('/ok')))).toMatchObject({
      kind: 'transient',
      details: { transport: 'network' },
    });
    expect(await failure(connectorRequest(gone, call('/ok', { method: 'POST', json: {} })))).toMatchObject({
      kind: 'outcome_unknown',
      details: { transport: 'network' },
    });
  });

  it('[C-52] a 429 carries Retry-After as delta-seconds or as an HTTP-date, 60 s when unreadable', async () => {
    expect(await failure(connectorRequest(config(), call('/429-delta')))).toMatchObject({
      kind: 'rate_limited',
      details: { status: 429, retryAfterSeconds: 7 },
    });
    const dated = await failure(connectorRequest(config(), call('/429-date')));
    expect(dated.kind).toBe('rate_limited');
    expect(dated.details.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(dated.details.retryAfterSeconds).toBeLessThanOrEqual(121);
    expect((await failure(connectorRequest(config(), call('/429-junk')))).details.retryAfterSeconds).toBe(60);
  });

  it('maps 401 and 403 to auth, 404 to not_found, other 4xx to permanent', async () => {
    expect(await failure(connectorRequest(config(), call('/401')))).toMatchObject({
      kind: 'auth',
      details: { status: 401, requestId: 'req-401' },
    });
    expect((await failure(connectorRequest(config(), call('/403')))).kind).toBe('auth');
    expect((await failure(connectorRequest(config(), call('/404')))).kind).toBe('not_found');
    expect((await failure(connectorRequest(config(), call('/422', { method: 'POST', json: {} })))).kind).toBe(
      'permanent',
    );
  });

  it('a 2xx body that is not JSON is a clear error: transient on a read, unknown outcome on a write', async () => {
    const read = await failure(connectorRequest(config(), call('/junk')));
    expect(read).toMatchObject({ kind: 'transient', details: { status: 200 } });
    expect(read.message).toMatch(/not JSON/);
    expect((await failure(connectorRequest(config(), call('/junk', { method: 'POST', json: {} })))).kind).toBe(
      'outcome_unknown',
    );
  });

  describe('redaction', () => {
    const exporter = new InMemorySpanExporter();
    const lines: string[] = [];
    let removeSink: () => void;
    beforeAll(() => {
      trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
      removeSink = addLogSink((l) => lines.push(l));
      setLogLevel('debug');
    });
    afterAll(() => {
      setLogLevel('warn');
      removeSink();
    });

    it('[C-13][C-49] logs, spans and errors name the route shape only: no token, id, query or body', async () => {
      const needles = ['tok-SECRET-93', 'sbx_p_4711', 'since=', '2031-01-01', 'secret caption', 'refresh-SECRET'];
      const errors: string[] = [];
      const routes = ['/ok', '/500', '/429-delta', '/401', '/junk', '/hang'];
      for (const r of routes) {
        for (const method of ['GET', 'POST'] as const) {
          await connectorRequest(config({ timeoutMs: 100 }), {
            method,
            path: `${r}/sbx_p_4711?since=2031-01-01`,
            route: `${r}/:id`,
            token: 'tok-SECRET-93',
            ...(method === 'POST' ? { json: { text: 'secret caption' } } : {}),
          }).catch((e: Error) => errors.push(`${e.message} ${JSON.stringify(e)}`));
        }
      }
      await connectorRequest(config(), call('/ok', { method: 'POST', form: { refresh_token: 'refresh-SECRET' } }));
      const spans = exporter.getFinishedSpans().map((s) => `${s.name} ${JSON.stringify(s.attributes)}`);
      expect(spans.length).toBeGreaterThanOrEqual(routes.length * 2);
      expect(spans).toContain(
        'connector.sandbox POST /500/:id {"http.method":"POST","http.route":"/500/:id","raize.platform":"sandbox","http.status_code":500,"raize.outcome":"outcome_unknown","error.kind":"outcome_unknown"}',
      );
      expect(lines.some((l) => l.includes('"raize.operation":"GET /ok/:id"'))).toBe(true);
      expect(errors.length).toBeGreaterThan(0);
      const everything = [...lines, ...spans, ...errors].join('\n');
      for (const needle of needles) expect(everything).not.toContain(needle);
    });
  });
});
