import { randomBytes } from 'node:crypto';
import type { CodecKey, CodecKeyCacheOptions, CodecKeySource, CodecKeyStore } from './codec-key-source';
import { UnknownCodecKeyError } from './codec-key-source';

// Ids are ours; one read from a payload's metadata must never address an entry outside the store's keys.
const KEY_ID = /^[0-9a-f]{16}$/;

/**
 * Keys are kept in memory once read (the codec asks once per payload batch); the current id is re-read
 * after `currentTtlMs`. The first key is created on first use.
 */
export class CachedCodecKeySource implements CodecKeySource {
  private readonly byId = new Map<string, Buffer>();
  private current?: { key: CodecKey; readAt: number };
  private loading?: Promise<CodecKey>;

  constructor(
    private readonly store: CodecKeyStore,
    private readonly opts: CodecKeyCacheOptions = {},
  ) {}

  async currentKey(): Promise<CodecKey> {
    if (this.current && this.now() - this.current.readAt < (this.opts.currentTtlMs ?? 60_000)) return this.current.key;
    this.loading ??= this.loadCurrent().finally(() => (this.loading = undefined));
    return this.loading;
  }

  async keyById(id: string): Promise<Buffer> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    if (!KEY_ID.test(id)) throw new UnknownCodecKeyError(id);
    const key = await this.store.readKey(id);
    if (!key) throw new UnknownCodecKeyError(id);
    if (key.length !== 32) throw new Error(`codec key ${id} is not 32 bytes`);
    this.byId.set(id, key);
    return key;
  }

  async rotate(): Promise<{ id: string }> {
    const previous = await this.store.readCurrentId();
    await this.store.beforeRotate?.();
    const key = await this.createCurrent();
    // This process uses the new key at once; others switch within their cache time.
    this.current = { key, readAt: this.now() };
    await this.opts.audit?.append({
      agencyId: null,
      clientId: null,
      actor: this.opts.actor ?? 'system:codec',
      action: 'codec.key_rotated',
      subjectType: 'codec_key',
      subjectId: key.id,
      data: { previousKeyId: previous ?? null, ...this.store.auditDetail },
    });
    return { id: key.id };
  }

  private async loadCurrent(): Promise<CodecKey> {
    // Two processes may create the first key at once: whoever wrote the pointer last wins, and both read it
    // back before using any key, so nothing is ever sealed under a key that is not stored.
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = await this.store.readCurrentId();
      if (id) {
        const key = await this.keyById(id).catch((err: unknown) => {
          if (err instanceof UnknownCodecKeyError) return undefined;
          throw err;
        });
        if (key) {
          this.current = { key: { id, key }, readAt: this.now() };
          return this.current.key;
        }
      }
      await this.createCurrent();
    }
    throw new Error('the payload codec could not establish a current key in its key store');
  }

  private async createCurrent(): Promise<CodecKey> {
    const key = { id: randomBytes(8).toString('hex'), key: randomBytes(32) };
    // Stored before it is named current, so no payload is ever sealed under a key that is not kept.
    await this.store.writeKey(key.id, key.key);
    await this.store.writeCurrentId(key.id);
    this.byId.set(key.id, key.key);
    return key;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }
}
