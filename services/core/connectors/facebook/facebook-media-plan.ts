import { ConnectorError } from '../connector.errors';
import type { PublishContent, PublishMedia } from '../connector.types';

/** Facebook's `attached_media` takes the photos of one multi-photo post; we hold it to the mediaRules count. */
export const FACEBOOK_MAX_PHOTOS = 10;

/**
 * Which of the Pages API's publishing shapes a post takes (https://developers.facebook.com/documentation/pages-api/posts):
 * text or a link on /feed, one photo on /photos, several photos uploaded unpublished then attached to one /feed
 * post, or one video on /videos.
 */
export type FacebookPlan =
  | { kind: 'text'; message: string; link?: string }
  | { kind: 'photo'; message: string; photo: PublishMedia }
  | { kind: 'photos'; message: string; photos: PublishMedia[] }
  | { kind: 'video'; message: string; video: PublishMedia };

/** Refuses, before any call, what Facebook cannot post as one Page post (a permanent error: retrying cannot help). */
export function planFacebookPost(content: PublishContent): FacebookPlan {
  const images = content.media.filter((m) => m.kind === 'image');
  const videos = content.media.filter((m) => m.kind === 'video');
  const message = content.text;
  if (content.media.length && content.link)
    throw refuse('Facebook attaches a link only to a text post; put the link in the text or post it without media');
  if (videos.length > 1 || (videos.length && images.length))
    throw refuse('Facebook posts one video on its own, without other media');
  if (videos.length === 1) return { kind: 'video', message, video: videos[0]! };
  if (images.length > FACEBOOK_MAX_PHOTOS)
    throw refuse(`Facebook takes at most ${FACEBOOK_MAX_PHOTOS} photos in one post`);
  if (images.length === 1) return { kind: 'photo', message, photo: images[0]! };
  if (images.length > 1) return { kind: 'photos', message, photos: images };
  if (!message.trim() && !content.link) throw refuse('a Facebook post needs text, a link or media');
  return { kind: 'text', message, ...(content.link ? { link: content.link } : {}) };
}

function refuse(why: string): ConnectorError {
  return new ConnectorError('permanent', `POST /{page-id}/feed not sent: ${why}`);
}
