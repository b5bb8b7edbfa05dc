/** Why the artifact store refused something (C-46, C-47); one list, shown to operators and mapped to HTTP. */
export const ARTIFACT_REJECTIONS = [
  'type_mismatch',
  'unknown_type',
  'too_large',
  'bad_key',
  'not_found',
  'checksum_mismatch',
  'expired',
  'bad_signature',
] as const;
export type ArtifactRejection = (typeof ARTIFACT_REJECTIONS)[number];

/**
 * A refused upload, download or key. The message is meant for an operator or a log line: it names the reason and
 * the types or sizes involved, never a key's bytes, a signature, a signing key or an access key.
 */
export class ArtifactRejectedError extends Error {
  constructor(
    readonly reason: ArtifactRejection,
    message: string,
  ) {
    super(message);
    this.name = 'ArtifactRejectedError';
  }
}

export function isArtifactRejection(err: unknown): err is ArtifactRejectedError {
  return err instanceof ArtifactRejectedError;
}

/** The store cannot run as configured (production without a signing key, MinIO without credentials). */
export class ArtifactConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`artifact store configuration: ${problems.join('; ')}`);
    this.name = 'ArtifactConfigError';
  }
}
