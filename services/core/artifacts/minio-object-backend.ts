import { ArtifactRejectedError } from './artifact.errors';
import { parseArtifactKey } from './artifact-key';
import type { ObjectBackend } from './object-backend';
import type { S3Client } from './s3-client';

/** Objects in a private MinIO (or any S3-compatible) bucket; downloads by presigned GET with Raize's own expiry. */
export class MinioObjectBackend implements ObjectBackend {
  readonly name = 'minio' as const;
  private bucketReady?: Promise<void>;

  constructor(private readonly s3: S3Client) {}

  async write(key: string, bytes: Buffer, checksum: string, contentType: string): Promise<void> {
    parseArtifactKey(key);
    await this.ready();
    const head = await this.s3.headObject(key);
    if (head && head.size === bytes.length && head.sha256 === checksum) return;
    await this.s3.putObject(key, bytes, checksum, contentType);
  }

  async read(key: string, maxBytes: number): Promise<Buffer | undefined> {
    parseArtifactKey(key);
    await this.ready();
    return this.s3.getObject(key, maxBytes + 1);
  }

  /**
   * MinIO serves the bytes itself, so the object is checked before a URL for it is handed out: it must still have the
   * recorded size and, where the server kept a sha256 for it, the recorded checksum.
   */
  async presignGet(key: string, expiresSeconds: number, expected: { size: number; checksum: string }): Promise<string> {
    parseArtifactKey(key);
    await this.ready();
    const head = await this.s3.headObject(key);
    if (!head) throw new ArtifactRejectedError('not_found', 'the artifact is missing from the store');
    if (head.size !== expected.size || (head.sha256 !== undefined && head.sha256 !== expected.checksum))
      throw new ArtifactRejectedError('checksum_mismatch', 'the stored object does not match its recorded checksum');
    return this.s3.presignGet(key, expiresSeconds);
  }

  private ready(): Promise<void> {
    this.bucketReady ??= this.s3.ensureBucket().catch((err: unknown) => {
      this.bucketReady = undefined;
      throw err;
    });
    return this.bucketReady;
  }
}
