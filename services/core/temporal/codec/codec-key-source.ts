/** One data-encryption key of the payload codec: its id travels in every payload's metadata. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

/**
 * Where the payload codec gets its AES-256 keys (C-13, C-16). Implementations: the secrets port
 * (local keyring or any SecretsPort), Vault Transit. They cache: the codec asks once per payload batch.
 */
export interface CodecKeySource {
  /** The key new payloads are encrypted with. */
  currentKey(): Promise<CodecKey>;
  /** Any key that was ever current, so payloads written before a rotation still decrypt. Throws when unknown. */
  keyById(id: string): Promise<Buffer>;
}
