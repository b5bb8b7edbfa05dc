import { ConnectorError } from '../connector.errors';
import type { CallOptions, PlatformPost } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { checkPlatformUrl } from '../platform-url';
import { fromLittleText } from './linkedin-little';
import type { LinkedInPost } from './linkedin-wire';
import { postSchema, postsPageSchema } from './linkedin-wire';

/** The author finder's largest page (Posts API, "Find Posts by Authors": count up to 100). */
const PAGE_SIZE = 100;
/** A walk that goes further than this is not looking for one recent post any more. */
const MAX_PAGES = 50;

/**
 * A post's page on LinkedIn, built by us (the API answers no link). The URN was checked by postUrnSchema: only
 * letters, digits, `:`, `_` and `-`, all safe in a path.
 */
export function postUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/** The media URNs a post carries, in order. */
export function mediaIdsOf(p: Pick<LinkedInPost, 'content'>): string[] {
  if (p.content?.multiImage) return p.content.multiImage.images.map((i) => i.id);
  if (p.content?.media) return [p.content.media.id];
  return [];
}

/** A post as the rest of Raize sees it: commentary read back as the text a member sees. */
export function toPlatformPost(p: LinkedInPost): PlatformPost {
  const link = checkPlatformUrl(postUrl(p.id));
  const createdAt = new Date(p.createdAt).toISOString();
  return {
    postId: p.id,
    url: link.url,
    ...(link.refused ? { urlRefused: link.refused } : {}),
    text: fromLittleText(p.commentary),
    authorExternalId: p.author,
    createdAt,
    // LinkedIn keeps no client request id on a post.
    requestKey: null,
    raw: {
      id: p.id,
      author: p.author,
      createdAt,
      lifecycleState: p.lifecycleState ?? null,
      visibility: p.visibility ?? null,
      media: mediaIdsOf(p).join(',') || null,
    },
  };
}

export async function readLinkedInPost(
  http: ConnectorHttpConfig,
  token: string,
  urn: string,
  opts: CallOptions = {},
): Promise<LinkedInPost | null> {
  const call = { method: 'GET', path: `/rest/posts/${encodeURIComponent(urn)}`, route: '/rest/posts/{urn}' } as const;
  try {
    return parseAnswer(postSchema, await connectorRequest(http, { ...call, token, signal: opts.signal }), call);
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'not_found') return null;
    throw err;
  }
}

/**
 * The author's posts, newest first by creation (sortBy=CREATED, so paging back in time is monotonic), down to and
 * including `since`.
 */
export async function* authorPostsSince(
  http: ConnectorHttpConfig,
  token: string,
  author: string,
  since: Date,
  opts: CallOptions = {},
): AsyncIterable<LinkedInPost> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({
      author,
      q: 'author',
      count: String(PAGE_SIZE),
      start: String(page * PAGE_SIZE),
      sortBy: 'CREATED',
    });
    const call = { method: 'GET', path: `/rest/posts?${query}`, route: '/rest/posts?q=author' } as const;
    const a = await connectorRequest(http, { ...call, token, signal: opts.signal });
    const { elements } = parseAnswer(postsPageSchema, a, call);
    opts.onProgress?.();
    for (const post of elements) {
      if (post.createdAt < since.getTime()) return;
      yield post;
    }
    if (elements.length < PAGE_SIZE) return;
  }
  throw new ConnectorError('permanent', `GET /rest/posts?q=author went past ${MAX_PAGES} pages without reaching since`);
}
