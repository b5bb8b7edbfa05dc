import type { AuditInput } from '../../audit/audit.service';

/** One data-encryption key of the payload codec: its id travels in every payload's metadata. */
export interface CodecKey {
  id: string;
  key: Buffer;
}

/**
 * Where the payload codec gets its AES-256 keys (C-13, C-16), whichever backend keeps them: keys as secrets
 * in any SecretsPort (SecretsCodecKeySource) or Transit-wrapped keys in Vault KV (TransitCodecKeySource).
 * Both are a CachedCodecKeySource over a CodecKeyStore, so caching and rotation behave the same.
 */
export interface CodecKeySource {
  /** The key new payloads are encrypted with; created on first use. */
  currentKey(): Promise<CodecKey>;
  /** Any key that was ever current, so payloads written before a rotation still decrypt. Throws when unknown. */
  keyById(id: string): Promise<Buffer>;
  /** Makes a fresh key current; every earlier key stays readable by its id. */
  rotate(): Promise<{ id: string }>;
}

/**
 * The storage below the cache: a pointer to the current key id and one entry per key. SecretsPort has no
 * compare-and-set, so the cache writes a key before it names it current and reads the pointer back.
 */
export interface CodecKeyStore {
  readCurrentId(): Promise<string | undefined>;
  /** The key stored under `id`, or undefined when there is none. */
  readKey(id: string): Promise<Buffer | undefined>;
  writeKey(id: string, key: Buffer): Promise<void>;
  writeCurrentId(id: string): Promise<void>;
  /** Runs before a rotation writes its new key (Transit rotates its wrapping key here). */
  beforeRotate?(): Promise<void>;
  /** What a rotation's audit record says about where the keys are kept. */
  readonly auditDetail?: Record<string, string>;
}

export interface CodecKeyCacheOptions {
  /**
   * How long the current key id is trusted before the store is asked again: a rotation done by another
   * process is picked up within this time, with no restart (C-16). Default 60 s.
   */
  currentTtlMs?: number;
  now?: () => number;
  /** Where rotations are recorded. */
  audit?: { append(input: AuditInput): Promise<unknown> };
  actor?: string;
}

export class UnknownCodecKeyError extends Error {
  constructor(id: string) {
    super(`no payload codec key with id ${id}`);
    this.name = 'UnknownCodecKeyError';
  }
}
