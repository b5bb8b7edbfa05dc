import { ApiError, csrfToken } from '../api/api-client';

export type MediaKind = 'image' | 'video';

/** What the artifact store kept: the key createAsset takes, and the type it read from the bytes themselves. */
export interface UploadedMedia {
  key: string;
  kind: MediaKind;
  /** the sniffed type, not the one the browser guessed from the file name */
  contentType: string;
  size: number;
  checksum: string;
}

// The API's header for the claimed type (services/api/modules/artifacts/upload-artifact.query.ts): the body itself
// travels as octet-stream, and the store refuses bytes that are not what this header says (C-47).
const CLAIMED_TYPE_HEADER = 'x-artifact-content-type';

export function mediaKindOf(file: File): MediaKind {
  return file.type.startsWith('video/') ? 'video' : 'image';
}

/**
 * Sends one file to `POST /artifacts/upload` with the session cookie and the CSRF header, streamed from disk by the
 * browser. Refusals arrive as ApiError: MEDIA_TOO_LARGE (413), MEDIA_TYPE (415), or the API's own codes.
 */
export async function uploadArtifact(clientId: string, file: File, signal?: AbortSignal): Promise<UploadedMedia> {
  const kind = mediaKindOf(file);
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    accept: 'application/json',
    [CLAIMED_TYPE_HEADER]: file.type || 'application/octet-stream',
  };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const query = new URLSearchParams({ clientId, kind });
  let res: Response;
  try {
    res = await fetch(`/artifacts/upload?${query.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: file,
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('NETWORK', 'the upload did not reach Raize');
  }
  // A proxy in front of the API may answer a refusal of its own in HTML: the status still says what happened.
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 201) {
    const media = uploadedOf(body, kind);
    if (!media) throw new ApiError('INTERNAL_SERVER_ERROR', 'the upload answered without the key of the file');
    return media;
  }
  throw refusalOf(res.status, body);
}

function uploadedOf(body: unknown, kind: MediaKind): UploadedMedia | null {
  if (!isRecord(body)) return null;
  const { key, contentType, size, checksum } = body;
  if (typeof key !== 'string' || typeof contentType !== 'string' || typeof checksum !== 'string') return null;
  if (typeof size !== 'number' || !Number.isFinite(size)) return null;
  return { key, kind, contentType, size, checksum };
}

/** The route answers `{error: reason, message}` for store refusals and `{error: {code, message}}` for the rest. */
function refusalOf(status: number, body: unknown): ApiError {
  const inner = isRecord(body) && isRecord(body.error) ? body.error : body;
  const message = isRecord(inner) && typeof inner.message === 'string' ? inner.message : null;
  const apiCode = isRecord(inner) && typeof inner.code === 'string' ? inner.code : null;
  if (status === 413) return new ApiError('MEDIA_TOO_LARGE', message ?? 'the file is larger than Raize accepts');
  if (status === 415) return new ApiError('MEDIA_TYPE', message ?? 'Raize does not take this type of file');
  return new ApiError(
    apiCode ?? (status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`),
    message ?? `the upload answered HTTP ${status}`,
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
