import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AuditInput } from '../../audit/audit.service';
import { UnknownCodecKeyError } from '../../temporal/codec/secrets-key-source';
import { DataKeyProvider } from '../contract/data-key-provider';
import { SecretNotFoundError, SecretsPort } from '../secrets.port';
import { TransitKeyProvider } from './vault-transit';

export const TRANSIT_CODEC_CURRENT_SECRET = 'codec/transit/current';
export const transitCodecKeySecret = (id: string) => `codec/transit/keys/${id}`;

// Ids arrive in payload metadata: one must never address a secret outside codec/transit/keys/.
const KEY_ID = /^[0-9a-f]{16}$/;
const storedSchema = z.object({
  alg: z.literal('AES-256-GCM'),
  wrapped: z.string().regex(/^vault:v\d+:/),
  kek: z.string().min(1),
  createdAt: z.string(),
});

export interface TransitDataKeyProviderOptions {
  transit: TransitKeyProvider;
  /** where the wrapped keys are kept: VaultSecrets (KV v2) in production */
  kv: SecretsPort;
  /** the Transit key that wraps the data keys (default `raize-codec`) */
  wrappingKey?: string;
  /**
   * Create the wrapping key when missing and rotate it on every rotate() (default true). Set false when the
   * token may only encrypt and decrypt with a key that operators manage.
   */
  manageWrappingKey?: boolean;
  /** how long the current key id is trusted before KV is asked again (default 60 s) */
  currentTtlMs?: number;
  now?: () => number;
  audit?: { append(input: AuditInput): Promise<unknown> };
  actor?: string;
}

/**
 * Envelope encryption for the payload codec: each data key is generated here, wrapped by Vault Transit
 * (bound to its id as associated data, so a blob copied under another id does not unwrap) and the wrapped
 * blob stored in KV. A dump of KV alone reveals no key; Transit alone holds no data key. Unwrapped keys are
 * cached in memory, so Transit is asked once per key per process.
 */
export class TransitDataKeyProvider implements DataKeyProvider {
  private readonly byId = new Map<string, Buffer>();
  private current?: { id: string; key: Buffer; readAt: number };
  private loading?: Promise<{ id: string; key: Buffer }>;
  private ensured?: Promise<void>;
  private readonly kek: string;

  constructor(private readonly o: TransitDataKeyProviderOptions) {
    this.kek = o.wrappingKey ?? 'raize-codec';
  }

  async currentKey(): Promise<{ id: string; key: Buffer }> {
    if (this.current && this.now() - this.current.readAt < (this.o.currentTtlMs ?? 60_000)) return { id: this.current.id, key: this.current.key };
    this.loading ??= this.loadCurrent().finally(() => (this.loading = undefined));
    return this.loading;
  }

  async keyById(id: string): Promise<Buffer> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    if (!KEY_ID.test(id)) throw new UnknownCodecKeyError(id);
    let raw: string;
    try {
      raw = await this.o.kv.get(transitCodecKeySecret(id));
    } catch (err) {
      if (err instanceof SecretNotFoundError) throw new UnknownCodecKeyError(id);
      throw err;
    }
    const stored = storedSchema.parse(JSON.parse(raw));
    const key = await this.o.transit.decrypt(stored.kek, stored.wrapped, wrapContext(id));
    if (key.length !== 32) throw new Error(`codec key ${id} is not 32 bytes`);
    this.byId.set(id, key);
    return key;
  }

  async rotate(): Promise<{ id: string }> {
    const previous = await readOptional(this.o.kv, TRANSIT_CODEC_CURRENT_SECRET);
    if (this.o.manageWrappingKey ?? true) {
      await this.ensureWrappingKey();
      await this.o.transit.rotate(this.kek);
    }
    const id = await this.createCurrent();
    this.current = { id, key: await this.keyById(id), readAt: this.now() };
    await this.o.audit?.append({
      agencyId: null, clientId: null, actor: this.o.actor ?? 'system:codec', action: 'codec.key_rotated',
      subjectType: 'codec_key', subjectId: id, data: { previousKeyId: previous ?? null, wrappedBy: `transit:${this.kek}` },
    });
    return { id };
  }

  private async loadCurrent(): Promise<{ id: string; key: Buffer }> {
    // Two processes may create the first key at once: whoever wrote the pointer last wins, and both read it
    // back before using a key, so nothing is ever sealed under a key that is not stored.
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = await readOptional(this.o.kv, TRANSIT_CODEC_CURRENT_SECRET);
      if (id) {
        const key = await this.keyById(id).catch((err: unknown) => {
          if (err instanceof UnknownCodecKeyError) return undefined;
          throw err;
        });
        if (key) {
          this.current = { id, key, readAt: this.now() };
          return { id, key };
        }
      }
      await this.createCurrent();
    }
    throw new Error('the payload codec could not establish a current Transit-wrapped key');
  }

  private async createCurrent(): Promise<string> {
    if (this.o.manageWrappingKey ?? true) await this.ensureWrappingKey();
    const id = randomBytes(8).toString('hex');
    const key = randomBytes(32);
    const wrapped = await this.o.transit.encrypt(this.kek, key, wrapContext(id));
    const stored = { alg: 'AES-256-GCM' as const, wrapped, kek: this.kek, createdAt: new Date().toISOString() };
    // Stored before it is named current, so no payload is ever sealed under a key that is not kept.
    await this.o.kv.put(transitCodecKeySecret(id), JSON.stringify(stored));
    await this.o.kv.put(TRANSIT_CODEC_CURRENT_SECRET, id);
    this.byId.set(id, key);
    return id;
  }

  private ensureWrappingKey(): Promise<void> {
    this.ensured ??= this.o.transit.ensureKey(this.kek).catch((err: unknown) => {
      this.ensured = undefined;
      throw err;
    });
    return this.ensured;
  }

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }
}

const wrapContext = (id: string) => `raize-codec-key:${id}`;

async function readOptional(secrets: SecretsPort, key: string): Promise<string | undefined> {
  try {
    return (await secrets.get(key)).trim() || undefined;
  } catch (err) {
    if (err instanceof SecretNotFoundError) return undefined;
    throw err;
  }
}
