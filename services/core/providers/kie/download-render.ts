import { providerRequest } from '../http/provider-http';
import type { MediaBytes, ProviderCallContext, ProviderId } from '../provider.types';
import { ProviderError } from '../provider.types';

/**
 * Fetches a finished render from the URL the vendor answered (Kie `resultUrls`, HeyGen `video_url`): signed CDN links
 * that need no credential, so the key is never sent there, another host. The type is sniffed from the bytes, not
 * taken from the CDN's header. https only, unless the vendor itself is reached through an overridden base URL
 * (emulators, self-hosted gateways).
 */
export async function downloadRender(provider: ProviderId, ctx: ProviderCallContext, url: string): Promise<MediaBytes> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProviderError(provider, 'bad_request', `${provider} answered a render URL that is not a URL`);
  }
  const allowed = ctx.baseUrl ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(parsed.protocol) || parsed.username || parsed.password) {
    throw new ProviderError(provider, 'bad_request', `${provider} answered a render URL Raize does not fetch`);
  }
  const answer = await providerRequest(provider, ctx, {
    method: 'GET',
    url: parsed.toString(),
    route: `GET ${provider} render file`,
    expect: 'bytes',
  });
  const bytes = answer.bytes ?? Buffer.alloc(0);
  const contentType = sniffVideo(bytes);
  if (!contentType)
    throw new ProviderError(provider, 'bad_request', `${provider} render file is not an MP4 or WebM video`);
  return { bytes, contentType };
}

/** ISO BMFF (`ftyp` box at offset 4) is MP4; the EBML magic is WebM. */
export function sniffVideo(bytes: Buffer): string | undefined {
  if (bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'video/webm';
  return undefined;
}
