import { FetchBlockedError, guardedFetch, type GuardedFetchOptions } from '../net/guarded-fetch';
import type { MediaCheck } from './import-plan';
import { rowError } from './import-row-errors';

// Enough to learn that the address passes every check and what type the server announces, not to download it.
const PROBE_BYTES = 64 * 1024;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * The dry run's check of a media URL (C-35): the guarded fetcher's scheme, address and redirect checks, with a
 * small byte cap, so a URL pointing at a private or metadata address is refused before anything is created. A
 * body over the probe cap is not an error here (the import fetches it whole, under the media limit). The error
 * names the reason, never the URL: its query may carry a token.
 */
export async function probeMediaUrl(
  url: string,
  opts: Pick<GuardedFetchOptions, 'allowHttp' | 'allowPrivate' | 'resolver'>,
): Promise<MediaCheck> {
  try {
    const res = await guardedFetch(url, { ...opts, maxBytes: PROBE_BYTES, timeoutMs: PROBE_TIMEOUT_MS });
    if (res.status >= 400)
      return { error: rowError('media_refused', `the media URL answered HTTP ${res.status}`, 'media_urls') };
    return { contentType: res.contentType?.split(';')[0].trim().toLowerCase() };
  } catch (err) {
    if (err instanceof FetchBlockedError) {
      if (err.reason === 'too_large') return {};
      return { error: rowError('media_refused', `media URL refused: ${err.message}`, 'media_urls') };
    }
    return { error: rowError('media_refused', 'the media URL could not be reached', 'media_urls') };
  }
}
