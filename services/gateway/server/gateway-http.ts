import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { logger } from '../../core/telemetry/logger';
import type { Authenticator } from '../auth/authenticate';
import type { McpSessionDeps } from './mcp-session';
import { mcpServerFor } from './mcp-session';
import { BodyTooLargeError, readBody } from './read-body';

// JSON-RPC error codes: the spec's parse error, and the implementation-defined range for the HTTP-level refusals.
const PARSE_ERROR = -32700;
const UNAUTHENTICATED = -32001;
const SERVER_ERROR = -32603;

export interface GatewayHttpDeps extends McpSessionDeps {
  auth: Authenticator;
}

/**
 * The gateway's one HTTP handler: `POST /mcp` (MCP Streamable HTTP, stateless, JSON responses) after the bearer
 * token is checked, `GET /healthz`; everything else 404/405. No answer ever carries a stack trace or a token.
 */
export function gatewayRequestHandler(d: GatewayHttpDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(d, req, res).catch((err: unknown) => {
      logger.error(
        { 'raize.operation': 'gateway.http', 'error.kind': err instanceof Error ? err.name : typeof err },
        'gateway request failed',
      );
      if (!res.headersSent) rpcError(res, 500, SERVER_ERROR, 'internal error');
      else res.end();
    });
  };
}

async function handle(d: GatewayHttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') {
    if (req.method !== 'GET') return plain(res, 405, { error: 'method not allowed' }, { Allow: 'GET' });
    return plain(res, 200, { ok: true, tools: d.registry.tools.size, refused: d.registry.refused.length });
  }
  if (path !== '/mcp') return plain(res, 404, { error: 'not found' });
  // Stateless: no server-to-client stream (GET) and no session to end (DELETE).
  if (req.method !== 'POST') return rpcError(res, 405, SERVER_ERROR, 'method not allowed', { Allow: 'POST' });

  const auth = await d.auth.authenticate({
    authorization: header(req, 'authorization'),
    ip: req.socket.remoteAddress ?? '',
    userAgent: header(req, 'user-agent')?.slice(0, 300) ?? null,
  });
  if (!auth.ok) {
    logger.warn(
      { 'raize.operation': 'gateway.auth', 'raize.outcome': 'unauthenticated', 'raize.reasons': [auth.reason] },
      'gateway request refused: not authenticated',
    );
    return rpcError(res, 401, UNAUTHENTICATED, 'unauthenticated: send a valid bearer token', {
      'WWW-Authenticate': 'Bearer realm="raize-gateway"',
    });
  }

  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8'));
  } catch (err) {
    if (err instanceof BodyTooLargeError) return rpcError(res, 413, SERVER_ERROR, err.message, { Connection: 'close' });
    return rpcError(res, 400, PARSE_ERROR, 'parse error: the body is not JSON');
  }

  const server = mcpServerFor(d, auth.caller);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function plain(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function rpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  plain(res, status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}
