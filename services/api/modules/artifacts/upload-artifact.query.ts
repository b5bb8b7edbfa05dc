import { z } from 'zod';
import { ARTIFACT_KINDS } from '../../../core/artifacts/artifact-store.port';

/** The upload route's query string; the claimed type comes in a header because the body's own type is octet-stream. */
export const uploadArtifactQuery = z.strictObject({
  clientId: z.string().uuid(),
  // A report's PDF is rendered by Raize itself (services/core/reports), never uploaded in its place.
  kind: z.enum(ARTIFACT_KINDS).exclude(['report']),
});
export type UploadArtifactQuery = z.infer<typeof uploadArtifactQuery>;

/** Where an uploader states what the bytes are; checked against what they are (C-47). */
export const CLAIMED_TYPE_HEADER = 'x-artifact-content-type';
