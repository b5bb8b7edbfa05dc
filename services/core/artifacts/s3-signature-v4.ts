import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 for S3, as documented at
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (headers) and
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (presigned URLs).
// Written here rather than taken from an SDK so that every presigned URL's expiry is one Raize chose: the MinIO
// client's presignedGetObject defaults to 7 days when the argument is left out.

export interface S3Credentials {
  accessKey: string;
  secretKey: string;
  region: string;
}

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** S3 refuses presigned URLs valid for longer than a week. */
export const S3_MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function uriEncode(s: string, keepSlash = false): string {
  const out = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? out.replace(/%2F/g, '/') : out;
}

function amzDate(now: Date): { stamp: string; day: string } {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { stamp, day: stamp.slice(0, 8) };
}

function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .map((k) => [uriEncode(k), uriEncode(params[k])] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function signature(
  creds: S3Credentials,
  day: string,
  stamp: string,
  canonicalRequest: string,
): { signature: string; scope: string } {
  const scope = `${day}/${creds.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${creds.secretKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, creds.region), 's3'), 'aws4_request');
  return { signature: hmac(kSigning, stringToSign).toString('hex'), scope };
}

/** Headers for one request, Authorization included; `payloadHash` is the body's sha256 hex (S3 verifies it). */
export function signS3Request(o: {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  payloadHash: string;
  creds: S3Credentials;
  now?: Date;
}): Record<string, string> {
  const { stamp, day } = amzDate(o.now ?? new Date());
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(o.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: o.url.host,
    'x-amz-date': stamp,
    'x-amz-content-sha256': o.payloadHash,
  };
  const names = Object.keys(headers).sort();
  const query = Object.fromEntries(o.url.searchParams.entries());
  const canonicalRequest = [
    o.method,
    uriEncode(decodeURIComponent(o.url.pathname), true),
    canonicalQuery(query),
    names.map((n) => `${n}:${headers[n]}\n`).join(''),
    names.join(';'),
    o.payloadHash,
  ].join('\n');
  const s = signature(o.creds, day, stamp, canonicalRequest);
  const { host: _host, ...rest } = headers;
  return {
    ...rest,
    authorization: `AWS4-HMAC-SHA256 Credential=${o.creds.accessKey}/${s.scope}, SignedHeaders=${names.join(';')}, Signature=${s.signature}`,
  };
}

/** A presigned GET URL valid for exactly `expiresSeconds` (1 s to 7 days); only the host header is signed. */
export function presignS3Get(o: { url: URL; expiresSeconds: number; creds: S3Credentials; now?: Date }): string {
  if (!Number.isInteger(o.expiresSeconds) || o.expiresSeconds < 1 || o.expiresSeconds > S3_MAX_PRESIGN_SECONDS)
    throw new RangeError(`a presigned URL lives 1 to ${S3_MAX_PRESIGN_SECONDS} seconds`);
  const { stamp, day } = amzDate(o.now ?? new Date());
  const params: Record<string, string> = {
    ...Object.fromEntries(o.url.searchParams.entries()),
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${o.creds.accessKey}/${day}/${o.creds.region}/s3/aws4_request`,
    'X-Amz-Date': stamp,
    'X-Amz-Expires': String(o.expiresSeconds),
    'X-Amz-SignedHeaders': 'host',
  };
  const path = uriEncode(decodeURIComponent(o.url.pathname), true);
  const canonicalRequest = ['GET', path, canonicalQuery(params), `host:${o.url.host}\n`, 'host', UNSIGNED_PAYLOAD].join(
    '\n',
  );
  const s = signature(o.creds, day, stamp, canonicalRequest);
  return `${o.url.protocol}//${o.url.host}${path}?${canonicalQuery(params)}&X-Amz-Signature=${s.signature}`;
}
