import type { ArtifactRejection } from '../../../core/artifacts/artifact.errors';

/**
 * The HTTP status of each refusal. A forged or expired link is 403 (C-46); a key of another client answers like one
 * that does not exist (C-02); a tampered object is a server-side fault the caller cannot fix.
 */
export const REJECTION_STATUS: Record<ArtifactRejection, number> = {
  bad_signature: 403,
  expired: 403,
  bad_key: 404,
  not_found: 404,
  type_mismatch: 415,
  unknown_type: 415,
  too_large: 413,
  checksum_mismatch: 502,
};

/** A refusal as the JSON body the routes answer with: the reason code and a sentence, nothing else. */
export function rejectionBody(
  reason: ArtifactRejection,
  message: string,
): { error: ArtifactRejection; message: string } {
  return { error: reason, message };
}
