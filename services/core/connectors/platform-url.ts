/** A platform's link after checkPlatformUrl: kept as a normalised URL, or dropped with the reason why. */
export type CheckedPlatformUrl = { url: string; refused?: undefined } | { url: ''; refused: string };

const MAX_URL_LENGTH = 2048;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A URL a platform hands back is data from across a trust boundary that the admin app renders as a link (C-15):
 * `javascript:`, `data:` or a plain-http link to anywhere must never reach an operator's browser. https only;
 * http to this machine only where the caller allows it (the sandbox outside production). The reason names the
 * rule, never the URL itself.
 */
export function checkPlatformUrl(raw: string, opts: { allowLoopbackHttp?: boolean } = {}): CheckedPlatformUrl {
  if (raw.length > MAX_URL_LENGTH) return { url: '', refused: `the platform's link is longer than ${MAX_URL_LENGTH}` };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { url: '', refused: "the platform's link is not a URL" };
  }
  if (u.username || u.password) return { url: '', refused: "the platform's link carries credentials" };
  if (u.protocol === 'https:') return { url: u.href };
  if (u.protocol === 'http:' && opts.allowLoopbackHttp && LOOPBACK_HOSTS.has(u.hostname)) return { url: u.href };
  const scheme = u.protocol.replace(/[^a-z0-9+.-]/gi, '').slice(0, 20);
  return {
    url: '',
    refused:
      u.protocol === 'http:'
        ? "the platform's link is plain http (only https, or this machine's sandbox outside production)"
        : `the platform's link is not https (scheme ${scheme})`,
  };
}
