/**
 * Google's JSON error bodies as the YouTube Data API sends them, with the reasons its reference documents:
 * - https://developers.google.com/youtube/v3/docs/errors (core: forbidden, quotaExceeded; common request errors;
 *   per-resource errors such as videoNotFound, playlistNotFound)
 * - https://developers.google.com/youtube/v3/docs/videos/insert#errors (invalidTitle, invalidDescription,
 *   invalidCategoryId, mediaBodyRequired, uploadLimitExceeded, forbidden)
 * - https://developers.google.com/youtube/v3/docs/thumbnails/set#errors (invalidImage, mediaBodyRequired, forbidden,
 *   uploadRateLimitExceeded)
 * - https://cloud.google.com/apis/design/errors (the `{ error: { code, message, errors[], status } }` envelope)
 */
export interface GoogleErrorSpec {
  status: number;
  domain: string;
  message: string;
}

export const DOCUMENTED_ERRORS = {
  authError: { status: 401, domain: 'global', message: 'Invalid Credentials' },
  insufficientPermissions: { status: 403, domain: 'global', message: 'Insufficient Permission' },
  forbidden: {
    status: 403,
    domain: 'youtube.video',
    message: 'Access forbidden. The request may not be properly authorized.',
  },
  quotaExceeded: {
    status: 403,
    domain: 'youtube.quota',
    message: 'The request cannot be completed because you have exceeded your quota.',
  },
  rateLimitExceeded: { status: 403, domain: 'usageLimits', message: 'Rate Limit Exceeded' },
  userRateLimitExceeded: { status: 403, domain: 'usageLimits', message: 'User Rate Limit Exceeded' },
  uploadLimitExceeded: {
    status: 400,
    domain: 'youtube.video',
    message: 'The user has exceeded the number of videos they may upload.',
  },
  invalidTitle: {
    status: 400,
    domain: 'youtube.video',
    message: 'The request metadata specifies an invalid or empty video title.',
  },
  invalidDescription: {
    status: 400,
    domain: 'youtube.video',
    message: 'The request metadata specifies an invalid video description.',
  },
  invalidCategoryId: {
    status: 400,
    domain: 'youtube.video',
    message: 'The snippet.categoryId property specifies an invalid category ID.',
  },
  invalidVideoMetadata: { status: 400, domain: 'youtube.video', message: 'The request metadata is invalid.' },
  mediaBodyRequired: {
    status: 400,
    domain: 'youtube.video',
    message: 'The request does not include the video content.',
  },
  missingRequiredParameter: { status: 400, domain: 'youtube.parameter', message: 'No filter selected.' },
  invalidPageToken: {
    status: 400,
    domain: 'youtube.parameter',
    message: 'The request specifies an invalid page token.',
  },
  badContent: { status: 400, domain: 'global', message: 'Media type is not supported.' },
  badRequest: { status: 400, domain: 'global', message: 'Bad Request' },
  invalidImage: { status: 400, domain: 'youtube.thumbnail', message: 'The provided image content is invalid.' },
  uploadTooLarge: { status: 413, domain: 'global', message: 'Media larger than the allowed size.' },
  uploadRateLimitExceeded: {
    status: 429,
    domain: 'youtube.thumbnail',
    message: 'The channel has uploaded too many thumbnails recently.',
  },
  videoNotFound: {
    status: 404,
    domain: 'youtube.video',
    message: 'The video identified by the videoId parameter cannot be found.',
  },
  playlistNotFound: {
    status: 404,
    domain: 'youtube.playlistItem',
    message: 'The playlist identified with the request playlistId parameter cannot be found.',
  },
  notFound: { status: 404, domain: 'global', message: 'Not Found' },
  backendError: { status: 503, domain: 'global', message: 'Backend Error' },
  // Modelled on the v2 retirement (HTTP 410 for every call); v3 has no announced date.
  deprecated: { status: 410, domain: 'global', message: 'The YouTube Data API version in this request is retired.' },
} satisfies Record<string, GoogleErrorSpec>;

export type DocumentedReason = keyof typeof DOCUMENTED_ERRORS;

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  410: 'NOT_FOUND',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function googleErrorBody(status: number, reason: string, domain: string, message: string) {
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain, reason }],
      ...(STATUS_NAMES[status] ? { status: STATUS_NAMES[status] } : {}),
    },
  };
}

/** A documented error as the reply the API sends. */
export function documented(reason: DocumentedReason, headers?: Record<string, string>) {
  const spec: GoogleErrorSpec = DOCUMENTED_ERRORS[reason];
  return { status: spec.status, headers, json: googleErrorBody(spec.status, reason, spec.domain, spec.message) };
}

/** The body for a bare status (injected `status` faults, unknown routes). */
export function errorForStatus(status: number, message: string): unknown {
  if (status === 401) return googleErrorBody(401, 'authError', 'global', 'Invalid Credentials');
  if (status === 403) return googleErrorBody(403, 'forbidden', 'global', message);
  if (status === 404) return googleErrorBody(404, 'notFound', 'global', message);
  if (status === 429) return googleErrorBody(429, 'rateLimitExceeded', 'usageLimits', 'Rate Limit Exceeded');
  if (status >= 500) return googleErrorBody(status, 'backendError', 'global', 'Backend Error');
  return googleErrorBody(status, 'badRequest', 'global', message);
}
