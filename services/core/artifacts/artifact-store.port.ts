/**
 * The artifact store (C-46, C-47): generated media, imported media, provider outputs and proof live here, never in
 * workflow state or the database. Keys are tenant-scoped (`<agencyId>/<clientId>/<kind>/<sha256>.<ext>`), every
 * object's checksum is recorded, and reading one from outside a process goes only through a signed URL whose expiry
 * Raize sets itself. Backends: a local directory (default) and MinIO (S3-compatible).
 */

export const ARTIFACT_KINDS = ['image', 'video', 'text', 'import', 'provider-output', 'proof', 'report'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** What workflow state and rows carry instead of bytes. */
export interface ArtifactRef {
  /** tenant-scoped object key; never built from user input other than ids Raize issued */
  key: string;
  agencyId: string;
  clientId: string;
  kind: ArtifactKind;
  /** sha256 hex of the bytes */
  checksum: string;
  size: number;
  /** the sniffed type, not the claimed one */
  contentType: string;
}

export interface PutArtifactInput {
  agencyId: string;
  clientId: string;
  kind: ArtifactKind;
  bytes: Buffer;
  /** what the uploader claimed; must agree with the sniffed type or the put is refused */
  claimedContentType?: string;
}

export interface SignedUrlOptions {
  /** seconds until the URL stops working; capped by the store's maximum (default 300) */
  expiresInSeconds?: number;
}

export interface ArtifactStore {
  readonly backend: 'local' | 'minio';
  /** sniffs the type, checks size limits, writes (idempotent by checksum) and records the row */
  put(input: PutArtifactInput): Promise<ArtifactRef>;
  /** bytes of an object, refused unless it belongs to `clientId`; checksum verified on read */
  get(ref: Pick<ArtifactRef, 'key' | 'clientId'>): Promise<Buffer>;
  /** a URL a platform or a browser can fetch for a short time; access is logged */
  signedUrl(ref: Pick<ArtifactRef, 'key' | 'clientId'>, opts?: SignedUrlOptions): Promise<string>;
}
