import { FetchBlockedError, FetchNetworkError, guardedFetch, type GuardedFetchOptions } from '../net/guarded-fetch';

export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  /** null when the receiver answered 2xx; else `http_<code>`, `blocked:<reason>` or `network:<code>` */
  errorClass: string | null;
  /** at most SNIPPET characters of the answer, printable only: enough to see "502 Bad Gateway", never a page */
  snippet: string | null;
}

const SNIPPET = 200;
/** The answer is read only for its snippet; a receiver sending megabytes back is cut off. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One POST of a signed message to a subscription's target through the guarded fetcher (C-35): the address is
 * resolved once, checked, and the socket pinned to it, so a target that now resolves to a private address is
 * refused here even though it passed when saved. No redirects: a redirect would carry the body and signature
 * elsewhere.
 */
export async function sendWebhook(o: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  fetchOptions: GuardedFetchOptions;
}): Promise<SendResult> {
  const started = Date.now();
  try {
    const res = await guardedFetch(o.url, {
      ...o.fetchOptions,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Raize-Webhooks/1.0', ...o.headers },
      body: Buffer.from(o.body),
      timeoutMs: o.timeoutMs,
      maxRedirects: 0,
      maxBytes: MAX_ANSWER_BYTES,
    });
    const ok = res.status >= 200 && res.status < 300;
    return {
      statusCode: res.status,
      durationMs: Date.now() - started,
      errorClass: ok ? null : `http_${res.status}`,
      snippet: snippetOf(res.body),
    };
  } catch (err) {
    return { statusCode: null, durationMs: Date.now() - started, errorClass: errorClassOf(err), snippet: null };
  }
}

function errorClassOf(err: unknown): string {
  if (err instanceof FetchBlockedError) return `blocked:${err.reason}`;
  if (err instanceof FetchNetworkError) return `network:${err.code}`;
  return 'error';
}

function snippetOf(body: Buffer): string | null {
  if (!body.length) return null;
  const text = body
    .subarray(0, SNIPPET * 4)
    .toString('utf8')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim();
  return text ? text.slice(0, SNIPPET) : null;
}
