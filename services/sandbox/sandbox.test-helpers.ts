// Helpers shared by the sandbox specs (and usable by other packages' tests): boot a sandbox, call its API, and
// run a local webhook receiver that records raw bodies.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxAdminClient } from './sandbox-admin.client';
import { obtainTokensViaOAuth } from './sandbox-oauth.flow';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox.server';
import type { SandboxUser } from './sandbox.types';

export const TEST_ADMIN_TOKEN = 'test-admin-token';
export const TEST_REDIRECT_URI = 'http://127.0.0.1:9/callback';
export const TEST_CLIENT_ID = 'raize-test';

export interface TestSandbox {
  sandbox: RunningSandbox;
  admin: SandboxAdminClient;
}

export async function bootSandbox(opts: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    adminToken: TEST_ADMIN_TOKEN,
    webhookRetry: { baseDelayMs: 20 },
    ...opts,
  });
  return { sandbox, admin: new SandboxAdminClient(sandbox.url, opts.adminToken ?? TEST_ADMIN_TOKEN) };
}

/** Creates a user and a public OAuth client, then gets a token through the real login-form + PKCE flow. */
export async function userWithToken(
  t: TestSandbox,
  username = `user${Math.random().toString(36).slice(2, 8)}`,
): Promise<{ user: SandboxUser; token: string }> {
  const user = await t.admin.createUser({ username, password: 'pw-' + username });
  const clients = await t.admin.listOAuthClients();
  if (!clients.some((c) => c.clientId === TEST_CLIENT_ID)) {
    await t.admin.registerOAuthClient({ clientId: TEST_CLIENT_ID, redirectUris: [TEST_REDIRECT_URI] });
  }
  const tokens = await obtainTokensViaOAuth({
    baseUrl: t.sandbox.url,
    clientId: TEST_CLIENT_ID,
    redirectUri: TEST_REDIRECT_URI,
    username,
    password: 'pw-' + username,
  });
  return { user, token: tokens.access_token };
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** `T` is what the caller expects the body to be: a cast, not a check (specs assert the body themselves). */
export async function api<T = unknown>(
  baseUrl: string,
  path: string,
  opts: { method?: string; token?: string; json?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    redirect: 'manual',
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body parsed as JSON (null when it is not JSON): a webhook event, for the specs to narrow. */
  json: unknown;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status answered to the next deliveries (default 200). */
  respondWith: number[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const respondWith: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      let json: unknown = null;
      try {
        json = JSON.parse(rawBody.toString('utf8'));
      } catch {
        // keep null
      }
      received.push({ headers: req.headers, rawBody, json });
      res.statusCode = respondWith.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    respondWith,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook(s), got ${received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- web pages ------------------------------------------------------------------------------------------------

/** Submits an HTML form (urlencoded), optionally with a session cookie (`name=value`). */
export function submitForm(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  cookie?: string,
): Promise<ApiResult> {
  return api(baseUrl, path, {
    method: 'POST',
    rawBody: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  });
}

/** A signed-in browser session for the user, made by the admin API, as a `cookie` request header value. */
export async function sessionCookieFor(t: TestSandbox, userId: string): Promise<string> {
  const { cookie } = await t.admin.createSession({ userId });
  return `${cookie.name}=${cookie.value}`;
}

/** Every data-testid on a page, in document order. */
export function testIdsIn(page: string): string[] {
  return [...page.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]!);
}

/** The opening tags of the elements carrying this data-testid (to check their other attributes). */
export function tagsWithTestId(page: string, testId: string): string[] {
  return [...page.matchAll(/<[a-z][^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes(`data-testid="${testId}"`));
}

/** The text of the (first) element with this data-testid, when it has no child elements. */
export function textOfTestId(page: string, testId: string): string | undefined {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(page);
  return match?.[1]?.trim();
}
