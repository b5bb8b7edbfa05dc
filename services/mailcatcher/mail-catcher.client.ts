import { z } from 'zod';
import type { MessageSummary, StoredMessage } from './mail-catcher.types';
import { messageListSchema, storedMessageSchema } from './mail-catcher.types';

const deletedSchema = z.object({ deleted: z.number().int().min(0) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads the catcher's JSON API (tests, the demo): every answer is checked against the API's schema. `url` is
 * RunningMailCatcher.url or the stack's mail catcher URL.
 */
export class MailCatcherClient {
  constructor(readonly url: string) {}

  async list(): Promise<MessageSummary[]> {
    return messageListSchema.parse(await this.json('/messages')).messages;
  }

  async get(id: string): Promise<StoredMessage> {
    return storedMessageSchema.parse(await this.json(`/messages/${encodeURIComponent(id)}`));
  }

  async attachment(id: string, n: number): Promise<{ contentType: string; content: Buffer }> {
    const res = await fetch(`${this.url}/messages/${encodeURIComponent(id)}/attachments/${n}`);
    if (!res.ok) throw new Error(`mail catcher: attachment ${n} of ${id}: HTTP ${res.status}`);
    return { contentType: res.headers.get('content-type') ?? '', content: Buffer.from(await res.arrayBuffer()) };
  }

  async clear(): Promise<number> {
    const res = await fetch(`${this.url}/messages`, { method: 'DELETE' });
    if (!res.ok) throw new Error(`mail catcher: DELETE /messages: HTTP ${res.status}`);
    return deletedSchema.parse(await res.json()).deleted;
  }

  /** The newest message that matches, waiting for it up to `timeoutMs` (mail is sent by workers, asynchronously). */
  async waitFor(match: (m: MessageSummary) => boolean, timeoutMs = 10_000): Promise<StoredMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.list()).find(match);
      if (found) return this.get(found.id);
      if (Date.now() > deadline) throw new Error(`mail catcher: no matching message within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  private async json(path: string): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`);
    if (!res.ok) throw new Error(`mail catcher: GET ${path}: HTTP ${res.status}`);
    return res.json();
  }
}
