import { ConnectorError } from '../connector.errors';
import type { MediaKind, MediaRules, PublishContent } from '../connector.types';

/** One container to create: what Instagram fetches and how it is declared. */
export interface IgItem {
  kind: MediaKind;
  url: string;
}

/** A single image, a reel (single feed videos are published as reels since July 2023), or a carousel. */
export type IgPostPlan =
  | { shape: 'image'; caption: string; item: IgItem }
  | { shape: 'reel'; caption: string; item: IgItem }
  | { shape: 'carousel'; caption: string; items: IgItem[] };

export const MEDIA_URL_REQUIRED =
  'Instagram fetches media from a URL: configure the public artifact URL (a signed URL Instagram can reach)';

/**
 * What the writer will ask Instagram for, or a permanent error before any call: the shape problems a retry cannot
 * fix. Type, size and aspect are checked at schedule time against the media rules, and by the platform itself.
 */
export function planInstagramPost(
  content: PublishContent,
  rules: Pick<MediaRules, 'maxTextLength' | 'maxMediaCount'>,
): IgPostPlan {
  const refuse = (why: string, media = false) =>
    new ConnectorError('permanent', `POST /{ig-user-id}/media refused before sending: ${why}`, {
      ...(media ? { health: 'media_rejected' as const } : {}),
    });
  if (content.media.length === 0) throw refuse('an Instagram post needs an image or a video');
  if (content.media.length > rules.maxMediaCount)
    throw refuse(`a carousel takes at most ${rules.maxMediaCount} items`, true);
  // Characters as Instagram counts them: code points, not UTF-16 units.
  if ([...content.text].length > rules.maxTextLength)
    throw refuse(`the caption is longer than ${rules.maxTextLength} characters`);
  const items = content.media.map((m): IgItem => {
    if (!m.url) throw new ConnectorError('permanent', MEDIA_URL_REQUIRED);
    return { kind: m.kind, url: m.url };
  });
  const caption = content.text;
  if (items.length === 1) {
    const item = items[0]!;
    return item.kind === 'video' ? { shape: 'reel', caption, item } : { shape: 'image', caption, item };
  }
  return { shape: 'carousel', caption, items };
}
