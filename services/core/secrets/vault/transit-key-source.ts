import { z } from 'zod';
import { CachedCodecKeySource } from '../../temporal/codec/cached-codec-key-source';
import type { CodecKeyCacheOptions, CodecKeyStore } from '../../temporal/codec/codec-key-source';
import type { SecretsPort } from '../secrets.port';
import { readOptionalSecret } from '../secrets.port';
import type { TransitKeyProvider } from './vault-transit';

export const TRANSIT_CODEC_CURRENT_SECRET = 'codec/transit/current';
export const transitCodecKeySecret = (id: string): string => `codec/transit/keys/${id}`;

const storedSchema = z.object({
  alg: z.literal('AES-256-GCM'),
  wrapped: z.string().regex(/^vault:v\d+:/),
  kek: z.string().min(1),
  createdAt: z.string(),
});

export interface TransitCodecKeySourceOptions extends CodecKeyCacheOptions {
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
}

// The id is bound as associated data, so a wrapped blob copied under another id does not unwrap.
const wrapContext = (id: string): string => `raize-codec-key:${id}`;

class TransitCodecKeyStore implements CodecKeyStore {
  readonly auditDetail: Record<string, string>;
  private readonly kek: string;
  private readonly manage: boolean;
  private ensured?: Promise<void>;

  constructor(private readonly o: TransitCodecKeySourceOptions) {
    this.kek = o.wrappingKey ?? 'raize-codec';
    this.manage = o.manageWrappingKey ?? true;
    this.auditDetail = { wrappedBy: `transit:${this.kek}` };
  }

  async readCurrentId(): Promise<string | undefined> {
    return (await readOptionalSecret(this.o.kv, TRANSIT_CODEC_CURRENT_SECRET))?.trim() || undefined;
  }

  async readKey(id: string): Promise<Buffer | undefined> {
    const raw = await readOptionalSecret(this.o.kv, transitCodecKeySecret(id));
    if (raw === undefined) return undefined;
    const stored = storedSchema.parse(JSON.parse(raw));
    return this.o.transit.decrypt(stored.kek, stored.wrapped, wrapContext(id));
  }

  async writeKey(id: string, key: Buffer): Promise<void> {
    if (this.manage) await this.ensureWrappingKey();
    const wrapped = await this.o.transit.encrypt(this.kek, key, wrapContext(id));
    const stored = { alg: 'AES-256-GCM' as const, wrapped, kek: this.kek, createdAt: new Date().toISOString() };
    await this.o.kv.put(transitCodecKeySecret(id), JSON.stringify(stored));
  }

  async writeCurrentId(id: string): Promise<void> {
    await this.o.kv.put(TRANSIT_CODEC_CURRENT_SECRET, id);
  }

  async beforeRotate(): Promise<void> {
    if (!this.manage) return;
    await this.ensureWrappingKey();
    await this.o.transit.rotate(this.kek);
  }

  private ensureWrappingKey(): Promise<void> {
    this.ensured ??= this.o.transit.ensureKey(this.kek).catch((err: unknown) => {
      this.ensured = undefined;
      throw err;
    });
    return this.ensured;
  }
}

/**
 * Envelope encryption for the payload codec: each data key is generated here, wrapped by Vault Transit and
 * the wrapped blob stored in KV. A dump of KV alone reveals no key; Transit alone holds no data key.
 * Unwrapped keys are cached, so Transit is asked once per key per process.
 */
export class TransitCodecKeySource extends CachedCodecKeySource {
  constructor(o: TransitCodecKeySourceOptions) {
    super(new TransitCodecKeyStore(o), o);
  }
}
