import type { PublishMedia } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest } from '../http/connector-http';

const ROUTE = '/upload/youtube/v3/thumbnails/set';

/** Sets the video's custom thumbnail (a simple media upload). Setting the same image twice is harmless. */
export async function setThumbnail(
  http: ConnectorHttpConfig,
  token: string,
  videoId: string,
  image: PublishMedia,
  signal?: AbortSignal,
): Promise<void> {
  await connectorRequest(http, {
    method: 'POST',
    path: `${ROUTE}?${new URLSearchParams({ videoId, uploadType: 'media' })}`,
    route: ROUTE,
    token,
    bytes: { data: image.bytes, contentType: image.contentType },
    signal,
  });
}
