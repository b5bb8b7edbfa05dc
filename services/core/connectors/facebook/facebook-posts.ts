import type { PlatformPost } from '../connector.types';
import { checkPlatformUrl } from '../platform-url';
import { graphTime } from './facebook-graph';
import type { GraphPost } from './facebook-wire';

/** The fields every post read asks for: what verification and reconciliation compare, nothing more. */
export const POST_FIELDS = 'id,message,created_time,permalink_url,from';

/**
 * A Page post as the rest of Raize sees it. The text is `message` (a photo's caption, a video's description), so it
 * hashes like the text we sent; the author is `from`, or the Page whose id prefixes the post id when Facebook
 * leaves `from` out. Facebook's links are https; anything else is dropped with its reason (C-15).
 */
export function toPlatformPost(p: GraphPost): PlatformPost {
  const link = checkPlatformUrl(p.permalink_url ?? '');
  const authorExternalId = p.from?.id ?? p.id.split('_')[0]!;
  const createdAt = graphTime(p.created_time);
  return {
    postId: p.id,
    url: link.url,
    ...(link.refused ? { urlRefused: link.refused } : {}),
    text: p.message ?? '',
    authorExternalId,
    createdAt,
    // The Graph API keeps no request id of ours on a post: reconciliation matches by content and time.
    requestKey: null,
    raw: { id: p.id, url: link.url, authorId: authorExternalId, createdAt },
  };
}
