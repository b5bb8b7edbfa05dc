/**
 * How a platform emulator downloads media it was given a URL for (Instagram containers, Facebook `url` uploads,
 * TikTok PULL_FROM_URL), as the real platforms do: a GET with a deadline and a size cap. The outcome is what the
 * platform would report: the bytes, a download timeout (Instagram 2207003), a failed download or a file too large.
 */
export type FetchedMedia =
  | { ok: true; bytes: Buffer; contentType: string }
  | { ok: false; problem: 'timeout' | 'http_error' | 'too_large' | 'unreachable'; status?: number };

export async function fetchMedia(url: string, opts: { maxBytes: number; timeoutMs: number }): Promise<FetchedMedia> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'follow' });
  } catch (err) {
    return {
      ok: false,
      problem: (err as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timeout' : 'unreachable',
    };
  }
  if (!res.ok) {
    await res.arrayBuffer().catch(() => undefined);
    return { ok: false, problem: 'http_error', status: res.status };
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, problem: 'too_large' };
  }
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    return {
      ok: false,
      problem: (err as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timeout' : 'unreachable',
    };
  }
  if (bytes.length > opts.maxBytes) return { ok: false, problem: 'too_large' };
  return { ok: true, bytes, contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
}
