import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { AttachmentInfo, MessageSummary, StoredMessage } from './mail-catcher.types';
import { MESSAGE_ID, storedMessageSchema } from './mail-catcher.types';

export interface MessageStoreOptions {
  /** one folder per message: message.eml (as received), message.json (as parsed), attachment-<n> */
  dir: string;
  /** the oldest messages go once there are more */
  maxMessages: number;
}

export interface Envelope {
  from: string;
  to: string[];
}

const META = 'message.json';
const RAW = 'message.eml';
const attachmentFile = (n: number) => `attachment-${n}`;

/**
 * The caught mail on disk, so it survives a restart of the stack. An index of summaries (newest first) lives in
 * memory; bodies and attachments are read from disk when asked for.
 */
export class MessageStore {
  private index: MessageSummary[] = [];
  private seq = 0;

  private constructor(private readonly o: MessageStoreOptions) {}

  static async open(o: MessageStoreOptions): Promise<MessageStore> {
    const store = new MessageStore(o);
    await mkdir(o.dir, { recursive: true });
    for (const name of await readdir(o.dir)) {
      if (!MESSAGE_ID.test(name)) continue;
      const m = await store.get(name);
      if (m) store.index.push(summary(m));
    }
    store.index.sort(newestFirst);
    await store.prune();
    return store;
  }

  list(): MessageSummary[] {
    return [...this.index];
  }

  /** Parses and stores one received message; the metadata is written last, so a half-written one is never listed. */
  async add(raw: Buffer, envelope: Envelope): Promise<StoredMessage> {
    const id = this.nextId();
    const parsed = await simpleParser(raw, {
      // Only the message's own parts: no generated HTML, no links rewritten, cid: references left alone.
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      keepCidLinks: true,
    });
    const folder = join(this.o.dir, id);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, RAW), raw);
    const attachments: AttachmentInfo[] = [];
    for (const [n, a] of parsed.attachments.entries()) {
      await writeFile(join(folder, attachmentFile(n)), a.content);
      attachments.push({
        n,
        filename: a.filename ?? `attachment-${n}`,
        contentType: a.contentType,
        size: a.content.length,
      });
    }
    const message: StoredMessage = {
      id,
      to: envelope.to,
      from: envelope.from,
      subject: parsed.subject ?? '',
      date: new Date().toISOString(),
      messageId: parsed.messageId ?? null,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      attachments,
    };
    const tmp = join(folder, `${META}.tmp`);
    await writeFile(tmp, JSON.stringify(message));
    await rename(tmp, join(folder, META));
    this.index.unshift(summary(message));
    this.index.sort(newestFirst);
    await this.prune();
    return message;
  }

  async get(id: string): Promise<StoredMessage | undefined> {
    if (!MESSAGE_ID.test(id)) return undefined;
    try {
      const parsed = storedMessageSchema.safeParse(JSON.parse(await readFile(join(this.o.dir, id, META), 'utf8')));
      return parsed.success && parsed.data.id === id ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async attachment(id: string, n: number): Promise<{ info: AttachmentInfo; content: Buffer } | undefined> {
    const m = await this.get(id);
    const info = m?.attachments.find((a) => a.n === n);
    if (!info) return undefined;
    return { info, content: await readFile(join(this.o.dir, id, attachmentFile(n))) };
  }

  async raw(id: string): Promise<Buffer | undefined> {
    if (!(await this.get(id))) return undefined;
    return readFile(join(this.o.dir, id, RAW));
  }

  /** Deletes every message (only folders named like a message: the directory may hold other things). */
  async clear(): Promise<number> {
    const ids = this.index.map((m) => m.id);
    this.index = [];
    await Promise.all(ids.map((id) => rm(join(this.o.dir, id), { recursive: true, force: true })));
    return ids.length;
  }

  private async prune(): Promise<void> {
    const gone = this.index.splice(this.o.maxMessages);
    await Promise.all(gone.map((m) => rm(join(this.o.dir, m.id), { recursive: true, force: true })));
  }

  private nextId(): string {
    this.seq = (this.seq + 1) % 36 ** 4;
    return `m${Date.now().toString(36).padStart(9, '0')}${this.seq.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
  }
}

function summary(m: StoredMessage): MessageSummary {
  return { id: m.id, to: m.to, from: m.from, subject: m.subject, date: m.date };
}

function newestFirst(a: MessageSummary, b: MessageSummary): number {
  return a.date === b.date ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.date < b.date ? 1 : -1;
}
