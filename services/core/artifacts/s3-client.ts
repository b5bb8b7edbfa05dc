import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { S3Credentials } from './s3-signature-v4';
import { presignS3Get, sha256Hex, signS3Request } from './s3-signature-v4';
import { readAtMost } from './read-limited';

/** An S3 answer Raize did not expect; carries the status and S3's error code, never a credential or a URL query. */
export class S3RequestError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly s3Code: string | undefined,
  ) {
    super(`object storage ${operation} failed: HTTP ${status}${s3Code ? ` ${s3Code}` : ''}`);
    this.name = 'S3RequestError';
  }
}

export interface S3ClientSettings {
  endpoint: string;
  /** the origin presigned URLs name (the host is part of what is signed) */
  publicEndpoint: string;
  bucket: string;
  creds: S3Credentials;
  timeoutMs?: number;
}

/**
 * The few S3 calls the artifact store needs (path-style, SigV4), against MinIO or any S3-compatible service:
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html, API_GetObject.html, API_HeadObject.html,
 * API_HeadBucket.html, API_CreateBucket.html.
 */
export class S3Client {
  constructor(private readonly s: S3ClientSettings) {}

  async ensureBucket(): Promise<void> {
    const head = await this.send('HeadBucket', 'HEAD', '');
    if (head.ok) return;
    if (head.status !== 404) throw await failure('HeadBucket', head);
    const made = await this.send('CreateBucket', 'PUT', '');
    // Another process may have created it between the two calls.
    if (!made.ok && made.status !== 409) throw await failure('CreateBucket', made);
    await made.arrayBuffer();
  }

  async putObject(key: string, body: Buffer, checksumHex: string, contentType: string): Promise<void> {
    const res = await this.send('PutObject', 'PUT', key, {
      body,
      payloadHash: checksumHex,
      headers: {
        'content-type': contentType,
        'content-length': String(body.length),
        // Asks the server to compute and keep the object's sha256 (S3 additional checksums), so a later HEAD can
        // tell whether the object is still the one recorded.
        'x-amz-checksum-sha256': Buffer.from(checksumHex, 'hex').toString('base64'),
      },
    });
    if (!res.ok) throw await failure('PutObject', res);
    await res.arrayBuffer();
  }

  /** size and (when the server keeps one) sha256 hex, or undefined when there is no such object */
  async headObject(key: string): Promise<{ size: number; sha256?: string } | undefined> {
    const res = await this.send('HeadObject', 'HEAD', key, { headers: { 'x-amz-checksum-mode': 'ENABLED' } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw await failure('HeadObject', res);
    const b64 = res.headers.get('x-amz-checksum-sha256');
    return {
      size: Number(res.headers.get('content-length') ?? NaN),
      sha256: b64 ? Buffer.from(b64, 'base64').toString('hex') : undefined,
    };
  }

  /** At most `limit` bytes of the object; undefined when it does not exist. */
  async getObject(key: string, limit: number): Promise<Buffer | undefined> {
    const res = await this.send('GetObject', 'GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return undefined;
    }
    if (!res.ok || !res.body) throw await failure('GetObject', res);
    const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
    try {
      return await readAtMost(body, limit);
    } finally {
      body.destroy();
    }
  }

  presignGet(key: string, expiresSeconds: number): string {
    return presignS3Get({ url: this.url(key, this.s.publicEndpoint), expiresSeconds, creds: this.s.creds });
  }

  private url(key: string, origin = this.s.endpoint): URL {
    return new URL(`${origin}/${this.s.bucket}${key ? `/${key}` : ''}`);
  }

  private send(
    operation: string,
    method: string,
    key: string,
    o: { body?: Buffer; payloadHash?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const url = this.url(key);
    const headers = signS3Request({
      method,
      url,
      headers: o.headers,
      payloadHash: o.payloadHash ?? sha256Hex(''),
      creds: this.s.creds,
    });
    return fetch(url, {
      method,
      headers,
      body: o.body,
      signal: AbortSignal.timeout(this.s.timeoutMs ?? 120_000),
    }).catch((err: unknown) => {
      // fetch's own error names the URL; say only what failed and why.
      throw new S3RequestError(`${operation} (${(err as Error).name}: cannot reach the server)`, 0, undefined);
    });
  }
}

async function failure(operation: string, res: Response): Promise<S3RequestError> {
  const text = await res.text().catch(() => '');
  const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1];
  return new S3RequestError(operation, res.status, code);
}
