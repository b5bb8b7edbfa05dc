import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AuditInput } from '../../audit/audit.service';
import { SecretNotFoundError, SecretsPort } from '../../secrets/secrets.port';
import { CodecKey, CodecKeySource } from './codec-key-source';

export const CODEC_CURRENT_SECRET = 'codec/current';
export const codecKeySecret = (id: string) => `codec/keys/${id}`;

// Ids are ours; one read from a payload's metadata must never address a secret outside codec/keys/.
const KEY_ID = /^[0-9a-f]{16}$/;
const storedKeySchema = z.object({ alg: z.literal('AES-256-GCM'), key: z.string().min(1), createdAt: z.string() });

export class UnknownCodecKeyError extends Error {
  constructor(id: string) {
    super(`no payload codec key with id ${id}`);
    this.name = 'UnknownCodecKeyError';
  }
}

export interface SecretsKeySourceOptions {
  /**
   * How long the current key id is trusted before the secrets backend is asked again: a rotation done by
   * another process is picked up within this time, with no restart (C-16).
   */
  currentTtlMs?: number;
  now?: () => number;
}

/**
 * Payload codec keys kept in the secrets backend (keyring or Vault KV), wrapped by its master key:
 * `codec/keys/<id>` holds each key, `codec/current` the id new payloads use. Keys are cached in memory;
 * the first key is created on first use.
 */
export class SecretsCodecKeySource implements CodecKeySource {
  private readonly byId = new Map<string, Buffer>();
  private current?: { key: CodecKey; readAt: number };
  private loading?: Promise<CodecKey>;

  constructor(private readonly secrets: SecretsPort, private readonly opts: SecretsKeySourceOptions = {}) {}

  async currentKey(): Promise<CodecKey> {
    const now = this.opts.now?.() ?? Date.now();
    if (this.current && now - this.current.readAt < (this.opts.currentTtlMs ?? 60_000)) return this.current.key;
    this.loading ??= this.loadCurrent().finally(() => (this.loading = undefined));
    return this.loading;
  }

  async keyById(id: string): Promise<Buffer> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    if (!KEY_ID.test(id)) throw new UnknownCodecKeyError(id);
    let raw: string;
    try {
      raw = await this.secrets.get(codecKeySecret(id));
    } catch (err) {
      if (err instanceof SecretNotFoundError) throw new UnknownCodecKeyError(id);
      throw err;
    }
    const key = Buffer.from(storedKeySchema.parse(JSON.parse(raw)).key, 'base64');
    if (key.length !== 32) throw new Error(`codec key ${id} is not 32 bytes`);
    this.byId.set(id, key);
    return key;
  }

  private async loadCurrent(): Promise<CodecKey> {
    // Two processes may create the first key at once: whoever wrote codec/current last wins, and both read
    // it back before using any key, so they never encrypt under a key that is not stored.
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = await readOptional(this.secrets, CODEC_CURRENT_SECRET);
      if (id) {
        const key = await this.keyById(id).catch((err: unknown) => {
          if (err instanceof UnknownCodecKeyError) return undefined;
          throw err;
        });
        if (key) {
          this.current = { key: { id, key }, readAt: this.opts.now?.() ?? Date.now() };
          return this.current.key;
        }
      }
      await createCurrentKey(this.secrets);
    }
    throw new Error('the payload codec could not establish a current key in the secrets backend');
  }
}

/**
 * Makes a new key current (C-16). Payloads sealed under older keys keep decrypting by their key id; other
 * processes switch to the new key within their cache time. Audited when given an audit sink.
 */
export async function rotateCodecKey(
  secrets: SecretsPort,
  opts: { audit?: { append(input: AuditInput): Promise<unknown> }; actor?: string } = {},
): Promise<string> {
  const previous = await readOptional(secrets, CODEC_CURRENT_SECRET);
  const id = await createCurrentKey(secrets);
  await opts.audit?.append({
    agencyId: null, clientId: null, actor: opts.actor ?? 'system:codec', action: 'codec.key_rotated',
    subjectType: 'codec_key', subjectId: id, data: { previousKeyId: previous ?? null },
  });
  return id;
}

async function createCurrentKey(secrets: SecretsPort): Promise<string> {
  const id = randomBytes(8).toString('hex');
  const stored = { alg: 'AES-256-GCM' as const, key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() };
  // The key is stored before it is named current, so no payload is ever sealed under a key that is not kept.
  await secrets.put(codecKeySecret(id), JSON.stringify(stored));
  await secrets.put(CODEC_CURRENT_SECRET, id);
  return id;
}

async function readOptional(secrets: SecretsPort, key: string): Promise<string | undefined> {
  try {
    return (await secrets.get(key)).trim() || undefined;
  } catch (err) {
    if (err instanceof SecretNotFoundError) return undefined;
    throw err;
  }
}
