import type { ArtifactKind } from './artifact-store.port';
import { ArtifactRejectedError } from './artifact.errors';
import type { ArtifactContentType } from './content-types';
import { KIND_TYPES, normaliseClaimedType, TEXT_TYPES } from './content-types';
import { isJsonText, sniffContentType } from './sniff-content-type';

/**
 * The type an upload is stored as: what its bytes are (sniffed), which must agree with what the uploader claimed and
 * with what the kind may hold (C-47). A text claim may narrow sniffed text to CSV or JSON (JSON must parse); no
 * claim can turn bytes into something they are not.
 */
export function classifyUpload(kind: ArtifactKind, bytes: Buffer, claimed?: string): ArtifactContentType {
  if (bytes.length === 0) throw new ArtifactRejectedError('unknown_type', 'the content is empty');
  const sniffed = sniffContentType(bytes);
  if (!sniffed) throw new ArtifactRejectedError('unknown_type', 'the content is not of a type the store accepts');
  let type: ArtifactContentType = sniffed;
  if (claimed !== undefined) {
    const claim = normaliseClaimedType(claimed);
    const narrowsText = sniffed === 'text/plain' && (TEXT_TYPES as readonly string[]).includes(claim);
    if (claim !== sniffed && !narrowsText)
      throw new ArtifactRejectedError('type_mismatch', `claimed ${printable(claim)} but the content is ${sniffed}`);
    type = claim as ArtifactContentType;
    if (type === 'application/json' && !isJsonText(bytes))
      throw new ArtifactRejectedError('type_mismatch', 'claimed application/json but the content is not valid JSON');
  }
  if (!KIND_TYPES[kind].includes(type))
    throw new ArtifactRejectedError('type_mismatch', `a ${kind} artifact cannot hold ${type}`);
  return type;
}

/** A claim echoed in an error: bounded and without control characters, since it came from outside. */
function printable(s: string): string {
  return JSON.stringify(s.slice(0, 80).replace(/[^\x20-\x7e]/g, '?'));
}
