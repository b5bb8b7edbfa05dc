import { ConnectorError } from '../connector.errors';
import type { CallOptions, PlatformSettings, PublishMedia } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, sameOrigin } from '../http/connector-http';
import type { ChunkPlan } from './tiktok-chunks';

/** Where TikTok's upload_url points (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide). */
export const TIKTOK_UPLOAD_ORIGIN = 'https://open-upload.tiktokapis.com';

export const UPLOAD_ROUTE = '{upload_url}';

/**
 * PUTs the chunks in order to the upload_url init handed out. The URL carries its own upload token, so no bearer
 * token goes with it; the video still goes only to TikTok's upload host (or the configured API/upload host).
 * A chunk before the last that got no answer changed nothing visible: without its last bytes TikTok publishes nothing.
 * The last chunk is different: once it arrived the post is on its way, so a lost answer there stays an unknown outcome.
 */
export async function uploadChunks(p: {
  settings: PlatformSettings;
  http: ConnectorHttpConfig;
  uploadUrl: string;
  media: PublishMedia;
  plan: ChunkPlan;
  opts: CallOptions;
}): Promise<void> {
  const { media, plan, opts } = p;
  if (!sameOrigin(p.uploadUrl, p.settings.baseUrl, p.settings.uploadBaseUrl, TIKTOK_UPLOAD_ORIGIN))
    throw new ConnectorError(
      'permanent',
      `PUT ${UPLOAD_ROUTE} not sent: TikTok handed out an upload URL on a host that is not TikTok's`,
    );
  for (const [i, r] of plan.ranges.entries()) {
    const last = i === plan.ranges.length - 1;
    let status: number;
    try {
      const answer = await connectorRequest(p.http, {
        method: 'PUT',
        path: '',
        route: UPLOAD_ROUTE,
        url: p.uploadUrl,
        bytes: { data: media.bytes.subarray(r.first, r.last + 1), contentType: media.contentType },
        headers: { 'content-range': `bytes ${r.first}-${r.last}/${media.size}` },
        signal: opts.signal,
      });
      status = answer.status;
    } catch (err) {
      if (!last && err instanceof ConnectorError && err.kind === 'outcome_unknown')
        throw new ConnectorError(
          'transient',
          `PUT ${UPLOAD_ROUTE} lost chunk ${i + 1} of ${plan.totalChunks}; nothing is published without the rest`,
          err.details,
        );
      throw err;
    }
    opts.onProgress?.();
    // 206 Partial Content: more expected; 201 Created: the whole video arrived.
    if (last && status !== 201)
      throw new ConnectorError(
        'outcome_unknown',
        `PUT ${UPLOAD_ROUTE} answered ${status} to the last chunk instead of 201`,
        { status },
      );
  }
}
