import { FetchBlockedError, guardedFetch } from '../../core/net/guarded-fetch';
import type { GuardedFetchOptions } from '../../core/net/guarded-fetch';
import { hostAllowed } from './domain-allowlist';

/** What a script's `fetch(url)` resolves to. */
export interface ScriptFetchAnswer {
  status: number;
  text: string;
}

/** The fetcher behind the allowlist: the guarded fetcher unless a caller injects one. */
export type ScriptFetcher = (url: string, signal: AbortSignal) => Promise<ScriptFetchAnswer>;

/** A script's fetches are small and quick: it runs for seconds and its output is capped at kilobytes. */
export const SCRIPT_FETCH_MAX_BYTES = 1024 * 1024;
export const SCRIPT_FETCH_TIMEOUT_MS = 4_000;

/** A refusal the script sees as its fetch's rejection: a fixed text, never the host's error. */
export class ScriptFetchRefused extends Error {}

/**
 * The guarded fetcher (C-35) with the deployment's options. No redirects: a redirect from an allowlisted domain to
 * another host would step around the allowlist, so the script sees an error and may fetch the new URL itself (which
 * is checked again).
 */
export function guardedScriptFetcher(
  opts: Pick<GuardedFetchOptions, 'allowHttp' | 'allowPrivate' | 'resolver'> = {},
): ScriptFetcher {
  return async (url, signal) => {
    const res = await guardedFetch(url, {
      ...opts,
      signal,
      maxRedirects: 0,
      maxBytes: SCRIPT_FETCH_MAX_BYTES,
      timeoutMs: SCRIPT_FETCH_TIMEOUT_MS,
    });
    return { status: res.status, text: res.body.toString('utf8') };
  };
}

/** One fetch a script asked for: the allowlist first, then the fetcher; every failure becomes a short fixed text. */
export async function fetchForScript(
  url: string,
  domains: readonly string[],
  fetcher: ScriptFetcher,
  signal: AbortSignal,
): Promise<ScriptFetchAnswer> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new ScriptFetchRefused('fetch refused: not a URL');
  }
  if (!hostAllowed(host, domains)) throw new ScriptFetchRefused(`fetch refused: ${host} is not an allowed domain`);
  try {
    return await fetcher(url, signal);
  } catch (err) {
    if (err instanceof FetchBlockedError) throw new ScriptFetchRefused(`fetch refused: ${err.reason}`);
    throw new ScriptFetchRefused('fetch failed');
  }
}
