import { parseRetryAfter } from '../../connectors/http/retry-after';

/**
 * How long a vendor asks us to wait, in ms, from the headers of a 429 or 5xx; undefined when it says nothing (the
 * gateway then uses its own backoff). Standard first, then the vendors' own headers:
 * - `retry-after-ms` (OpenAI, Anthropic send it beside Retry-After; more precise)
 * - `Retry-After`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3)
 * - OpenAI `x-ratelimit-reset-requests|tokens`: Go-style durations ("1s", "6m0s", "20ms")
 * - Anthropic `anthropic-ratelimit-*-reset`: RFC 3339 instants
 * - OpenRouter `x-ratelimit-reset`: epoch milliseconds
 */
export function retryAfterMsFrom(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const ra = headers.get('retry-after');
  if (ra?.trim()) return parseRetryAfter(ra, now) * 1000;
  const openAi = exhaustedFirst(headers, ['requests', 'tokens'], (k) => `x-ratelimit-remaining-${k}`)
    .map((k) => parseGoDuration(headers.get(`x-ratelimit-reset-${k}`)))
    .find((v) => v !== undefined);
  if (openAi !== undefined) return openAi;
  const anthropic = exhaustedFirst(
    headers,
    ['requests', 'tokens', 'input-tokens', 'output-tokens'],
    (k) => `anthropic-ratelimit-${k}-remaining`,
  )
    .map((k) => untilInstant(headers.get(`anthropic-ratelimit-${k}-reset`), now))
    .find((v) => v !== undefined);
  if (anthropic !== undefined) return anthropic;
  const epochMs = headers.get('x-ratelimit-reset')?.trim();
  if (epochMs && /^\d{12,}$/.test(epochMs)) return Math.max(0, Number(epochMs) - now);
  return undefined;
}

/** The limit that ran out is the one to wait for: kinds whose "remaining" header says 0 come first. */
function exhaustedFirst(headers: Headers, kinds: string[], remaining: (k: string) => string): string[] {
  const spent = (k: string) => headers.get(remaining(k))?.trim() === '0';
  return [...kinds.filter(spent), ...kinds.filter((k) => !spent(k))];
}

/** "1h2m3.5s", "6m0s", "20ms" → ms; anything else undefined. */
export function parseGoDuration(value: string | null | undefined): number | undefined {
  const v = value?.trim();
  if (!v || !/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(v)) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) total += Number(m[1]) * (unit[m[2] ?? 's'] ?? 0);
  return Math.ceil(total);
}

function untilInstant(value: string | null | undefined, now: number): number | undefined {
  const v = value?.trim();
  if (!v || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
