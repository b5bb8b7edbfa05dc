import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** A local webhook receiver: records every request; each path answers from its queue of statuses, then 204. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, number[]>();
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({
          path,
          headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        const status = this.answers.get(path)?.shift() ?? 204;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status >= 400 ? `receiver says ${status}` : '');
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  answer(path: string, statuses: number[]): void {
    this.answers.set(path, [...statuses]);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }
}

/**
 * An independent Standard Webhooks verifier (written from the specification, sharing no code with the sender):
 * the key is the base64 after `whsec_`, the signed content `${id}.${timestamp}.${body}`, the header a
 * space-separated list of `v1,<base64>`; the timestamp must be within five minutes.
 */
export function verifyStandardWebhook(
  secret: string,
  r: Pick<Received, 'headers' | 'body'>,
  now = Date.now(),
): boolean {
  const id = r.headers['webhook-id'];
  const ts = r.headers['webhook-timestamp'];
  const sigs = r.headers['webhook-signature'];
  if (!id || !ts || !sigs) return false;
  if (Math.abs(now / 1000 - Number(ts)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${r.body}`).digest();
  return sigs.split(' ').some((s) => {
    const [version, b64] = s.split(',');
    if (version !== 'v1' || !b64) return false;
    const got = Buffer.from(b64, 'base64');
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
