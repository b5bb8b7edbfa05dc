import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { TOOL_NAMES, type ToolName } from '../../../workflows/contracts/vocabulary/gateway';
import type { SecretsPort } from '../secrets/secrets.port';
import { mintActivityToken } from './activity-token';
import { ACTIVITY_TOKEN_KEY_SECRET, ensureGatewayKey } from './gateway-keys';
import type { ActivityIdentity, ToolCallResult, ToolClient } from './tool-client.port';

export interface McpToolClientOptions {
  /** the gateway's MCP endpoint, e.g. http://127.0.0.1:4050/mcp (RAIZE_GATEWAY_URL) */
  url: string;
  /** for the activity token key: created under an advisory lock when the installation has none yet */
  ds: DataSource;
  secrets: SecretsPort;
  /** how long one tool call may take; a generated image or a long text needs minutes, not the SDK's 60 s */
  callTimeoutMs?: number;
  now?: () => Date;
}

/** A token is replaced this long before it expires, so a call never reaches the gateway with a dying one. */
const RENEW_BEFORE_MS = 60_000;
const DEFAULT_CALL_TIMEOUT_MS = 5 * 60_000;
/** Identities are per workflow: bound the cache so a long-lived worker does not keep every one it ever saw. */
const MAX_CACHED = 200;

const wireSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    result: z.unknown().nullable(),
    summary: z.string(),
    artifactKey: z.string().optional(),
  }),
  z.object({ ok: z.literal(false), code: z.string().min(1), message: z.string() }),
]);

interface Session {
  client: Client;
  expiresAt: number;
}

/**
 * The activities' MCP client of the gateway (issue #16): one connection per activity identity, carrying a token
 * minted for that identity. A transport or protocol failure throws (the activity's retry policy decides); a refusal
 * by the gateway is an answer, `{ ok: false, code }`, never a throw, so the caller can park on it.
 */
export function createMcpToolClient(o: McpToolClientOptions): ToolClient {
  const sessions = new Map<string, Promise<Session>>();
  const now = () => (o.now ?? (() => new Date()))().getTime();
  let key: Promise<Buffer> | undefined;

  async function open(who: ActivityIdentity): Promise<Session> {
    key ??= ensureGatewayKey(o.ds, o.secrets, ACTIVITY_TOKEN_KEY_SECRET).catch((err: Error) => {
      key = undefined;
      throw err;
    });
    const { token, expiresAt } = mintActivityToken(await key, { ...who, now: new Date(now()) });
    const client = new Client({ name: 'raize-worker', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(o.url), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    });
    await client.connect(transport);
    return { client, expiresAt: expiresAt.getTime() };
  }

  async function session(who: ActivityIdentity): Promise<Session> {
    const id = identityKey(who);
    const cached = sessions.get(id);
    if (cached) {
      const s = await cached.catch(() => undefined);
      if (s && s.expiresAt - RENEW_BEFORE_MS > now()) return s;
      drop(id, cached);
    }
    if (sessions.size >= MAX_CACHED) {
      const [oldest] = sessions.keys();
      drop(oldest, sessions.get(oldest)!);
    }
    const opening = open(who);
    sessions.set(id, opening);
    opening.catch(() => sessions.get(id) === opening && sessions.delete(id));
    return opening;
  }

  function drop(id: string, s: Promise<Session>): void {
    if (sessions.get(id) === s) sessions.delete(id);
    void s.then((x) => x.client.close()).catch(() => undefined);
  }

  /** A failed request may have left the connection unusable: the next call opens a fresh one. */
  async function withSession<T>(who: ActivityIdentity, run: (c: Client) => Promise<T>): Promise<T> {
    const s = await session(who);
    try {
      return await run(s.client);
    } catch (err) {
      const id = identityKey(who);
      const current = sessions.get(id);
      if (current) drop(id, current);
      throw err;
    }
  }

  return {
    async call<T>(who: ActivityIdentity, tool: ToolName, input: Record<string, unknown>): Promise<ToolCallResult<T>> {
      const res = await withSession(who, (c) =>
        c.callTool({ name: tool, arguments: input }, undefined, {
          timeout: o.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
        }),
      );
      const parsed = wireSchema.safeParse(res.structuredContent);
      // Not the gateway's wire shape: something else answered at that URL, or a protocol change. Thrown, not parked.
      if (!parsed.success) throw new Error(`the tool gateway answered ${tool} without a result the worker can read`);
      if (!parsed.data.ok) return parsed.data;
      const { result, summary, artifactKey } = parsed.data;
      return { ok: true, result: (result ?? null) as T | null, summary, ...(artifactKey ? { artifactKey } : {}) };
    },

    async list(who: ActivityIdentity): Promise<ToolName[]> {
      const res = await withSession(who, (c) => c.listTools());
      const known: readonly string[] = TOOL_NAMES;
      return res.tools.map((t) => t.name).filter((n): n is ToolName => known.includes(n));
    },

    async close(): Promise<void> {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(all.map((s) => s.then((x) => x.client.close()).catch(() => undefined)));
    },
  };
}

function identityKey(w: ActivityIdentity): string {
  return [w.agencyId, w.clientId, w.taskClass, w.role, w.workflowId].join('|');
}
