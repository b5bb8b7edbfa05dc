import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { DataSource } from 'typeorm';
import type { SecretsPort } from '../secrets/secrets.port';
import { SecretNotFoundError } from '../secrets/secrets.port';
import { verifyActivityToken } from './activity-token';
import type { ActivityCaller } from './caller';
import { ACTIVITY_TOKEN_KEY_SECRET } from './gateway-keys';
import { createMcpToolClient } from './mcp-tool-client';
import type { ActivityIdentity } from './tool-client.port';

// A stand-in gateway speaking the wire shape of tool-client.port.ts over the SDK's real Streamable HTTP transport; the
// real gateway has its own suites (test/integration/gateway). The key exists already, so no database is touched.
const key = randomBytes(32);
const secrets: SecretsPort = {
  backend: 'keyring',
  get: async (name) => {
    if (name !== ACTIVITY_TOKEN_KEY_SECRET) throw new SecretNotFoundError(name);
    return JSON.stringify({ alg: 'HMAC-SHA256', key: key.toString('base64'), createdAt: new Date().toISOString() });
  },
  put: async () => undefined,
  delete: async () => undefined,
};
const noDatabase = {} as DataSource;

const who = (over: Partial<ActivityIdentity> = {}): ActivityIdentity => ({
  agencyId: randomUUID(),
  clientId: randomUUID(),
  taskClass: 'planning',
  role: 'planner',
  workflowId: 'plan-x',
  ...over,
});

function standIn() {
  const callers: { caller: ActivityCaller; tool?: string; args?: unknown }[] = [];
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const check = verifyActivityToken(key, token);
    if (!check.ok) {
      res.writeHead(401).end();
      return;
    }
    const caller = check.caller;
    const server = new Server({ name: 'stand-in', version: '1' }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, async () => ({
      tools: [{ name: 'brand_kit', inputSchema: { type: 'object' } }],
    }));
    server.setRequestHandler(CallToolRequestSchema, async (r) => {
      callers.push({ caller, tool: r.params.name, args: r.params.arguments });
      if (r.params.name === 'brand_kit')
        return {
          isError: false,
          structuredContent: { ok: true, result: { brand: { name: 'B' } }, summary: 'the kit' },
          content: [{ type: 'text', text: 'the kit' }],
        };
      return {
        isError: true,
        structuredContent: { ok: false, code: 'tool_not_allowed', message: 'not for this role' },
        content: [{ type: 'text', text: 'refused (tool_not_allowed): not for this role' }],
      };
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    void server.connect(transport).then(() => transport.handleRequest(req, res));
  });
  return {
    callers,
    listen: () =>
      new Promise<string>((ok) =>
        http.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`)),
      ),
    close: () => new Promise<void>((ok) => http.close(() => ok())),
  };
}

describe('createMcpToolClient', () => {
  it('calls a tool with a token naming the activity, and reads the result', async () => {
    const s = standIn();
    const client = createMcpToolClient({ url: await s.listen(), ds: noDatabase, secrets });
    try {
      const w = who();
      const r = await client.call(w, 'brand_kit', { limit: 3 });
      expect(r).toEqual({ ok: true, result: { brand: { name: 'B' } }, summary: 'the kit' });
      expect(s.callers[0]).toMatchObject({ caller: { kind: 'activity', ...w }, tool: 'brand_kit', args: { limit: 3 } });
      expect(await client.list(w)).toEqual(['brand_kit']);
    } finally {
      await client.close();
      await s.close();
    }
  });

  it('returns a refusal as an answer with its code, not a throw', async () => {
    const s = standIn();
    const client = createMcpToolClient({ url: await s.listen(), ds: noDatabase, secrets });
    try {
      expect(await client.call(who(), 'post_schedule', {})).toEqual({
        ok: false,
        code: 'tool_not_allowed',
        message: 'not for this role',
      });
    } finally {
      await client.close();
      await s.close();
    }
  });

  it('keeps one token per identity until a minute before it expires, then mints a fresh one', async () => {
    const s = standIn();
    let now = Date.now();
    const client = createMcpToolClient({ url: await s.listen(), ds: noDatabase, secrets, now: () => new Date(now) });
    try {
      const a = who();
      const b = who({ taskClass: 'creation', role: 'creator' });
      await client.call(a, 'brand_kit', {});
      await client.call(a, 'brand_kit', {});
      await client.call(b, 'brand_kit', {});
      const ids = s.callers.map((c) => c.caller.tokenId);
      expect(ids[0]).toBe(ids[1]);
      expect(ids[2]).not.toBe(ids[0]);
      expect(s.callers[2].caller).toMatchObject({ taskClass: 'creation', role: 'creator' });
      now += 9.5 * 60_000; // the token lives 10 minutes
      await client.call(a, 'brand_kit', {});
      expect(s.callers[3].caller.tokenId).not.toBe(ids[0]);
    } finally {
      await client.close();
      await s.close();
    }
  });

  it('throws when the gateway cannot be reached (the activity retries)', async () => {
    const s = standIn();
    const url = await s.listen();
    await s.close();
    const client = createMcpToolClient({ url, ds: noDatabase, secrets });
    await expect(client.call(who(), 'brand_kit', {})).rejects.toThrow();
    await client.close();
  });
});
