/**
 * The AES-256 data keys of the Temporal payload codec, whichever backend holds them (C-13, C-16). It has
 * the shape of the codec's CodecKeySource plus `rotate`, so either implementation plugs into the codec.
 * Implementations: SecretsDataKeyProvider (keys as secrets in any SecretsPort) and TransitDataKeyProvider
 * (keys wrapped by Vault Transit, the wrapped blobs in KV).
 */
export interface DataKeyProvider {
  /** The key new payloads are encrypted with; created on first use. */
  currentKey(): Promise<{ id: string; key: Buffer }>;
  /** Any key that was ever current, also after rotations. Throws when the id is unknown. */
  keyById(id: string): Promise<Buffer>;
  /** Makes a fresh key current; every earlier key stays readable by its id. */
  rotate(): Promise<{ id: string }>;
}
