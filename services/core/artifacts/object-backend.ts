/**
 * Where the bytes live. Keys reaching a backend have already passed parseArtifactKey, and bytes already match the
 * key's checksum; a backend still refuses to resolve a key outside its root (defence in depth, C-47).
 */
export interface ObjectBackend {
  readonly name: 'local' | 'minio';
  /** Writes the object unless an intact copy is already there (content-addressed: same key, same bytes). */
  write(key: string, bytes: Buffer, checksum: string, contentType: string): Promise<void>;
  /** The stored bytes, at most `maxBytes + 1` of them (a longer object is tampered with); undefined when absent. */
  read(key: string, maxBytes: number): Promise<Buffer | undefined>;
  /** A URL the backend serves itself, or undefined when the API serves this backend's objects. */
  presignGet?(key: string, expiresSeconds: number, expected: { size: number; checksum: string }): Promise<string>;
}
