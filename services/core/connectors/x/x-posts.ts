import { ConnectorError } from '../connector.errors';
import type { CallOptions, PlatformPost } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { checkPlatformUrl } from '../platform-url';
import { X_WEB_BASE_URL } from './x-http.config';
import { restoreXText } from './x-text';
import type { XTweet } from './x-wire';
import { xMeSchema, xTimelineSchema, xTweetLookupSchema } from './x-wire';

/** Fields beyond id and text that verification and reconciliation need (https://docs.x.com/x-api/fundamentals/fields). */
export const X_TWEET_FIELDS = 'created_at,author_id,entities,attachments';
/** The timeline's largest page (https://docs.x.com/x-api/users/get-posts: max_results 5..100). */
const PAGE_SIZE = 100;
/** The oldest start_time the timeline accepts. */
const EARLIEST_START = Date.parse('2010-11-06T00:00:01Z');

export interface XMe {
  id: string;
  username: string;
  name?: string;
}

/** GET /2/users/me: whose token this is, right now. */
export async function getMe(http: ConnectorHttpConfig, token: string, opts: CallOptions = {}): Promise<XMe> {
  const call = { method: 'GET', path: '/2/users/me', route: '/2/users/me' } as const;
  return parseAnswer(xMeSchema, await connectorRequest(http, { ...call, token, signal: opts.signal }), call).data;
}

/** GET /2/tweets/:id; null when X says there is no such post (it answers 200 with an error entry then). */
export async function lookupTweet(
  http: ConnectorHttpConfig,
  token: string,
  id: string,
  opts: CallOptions = {},
): Promise<XTweet | null> {
  const query = new URLSearchParams({ 'tweet.fields': X_TWEET_FIELDS });
  const call = { method: 'GET', path: `/2/tweets/${encodeURIComponent(id)}?${query}`, route: '/2/tweets/:id' } as const;
  let answer;
  try {
    answer = parseAnswer(
      xTweetLookupSchema,
      await connectorRequest(http, { ...call, token, signal: opts.signal }),
      call,
    );
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'not_found') return null;
    throw err;
  }
  if (answer.data) return answer.data;
  if (answer.errors?.some((e) => e.type?.endsWith('/resource-not-found') || e.resource_type === 'tweet')) return null;
  throw new ConnectorError('permanent', 'GET /2/tweets/:id answered neither the post nor why');
}

/**
 * GET /2/users/:id/tweets, newest first, page after page, down to `since` (start_time is inclusive and has
 * second granularity, so the second `since` falls in is included).
 */
export async function* userTweetsSince(
  http: ConnectorHttpConfig,
  token: string,
  userId: string,
  since: Date,
  opts: CallOptions = {},
): AsyncIterable<XTweet> {
  const startTime = new Date(Math.max(since.getTime(), EARLIEST_START)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const seen = new Set<string>();
  let next: string | undefined;
  do {
    const query = new URLSearchParams({
      max_results: String(PAGE_SIZE),
      start_time: startTime,
      'tweet.fields': X_TWEET_FIELDS,
    });
    if (next) query.set('pagination_token', next);
    const call = {
      method: 'GET',
      path: `/2/users/${encodeURIComponent(userId)}/tweets?${query}`,
      route: '/2/users/:id/tweets',
    } as const;
    const page = parseAnswer(
      xTimelineSchema,
      await connectorRequest(http, { ...call, token, signal: opts.signal }),
      call,
    );
    opts.onProgress?.();
    for (const t of page.data ?? []) {
      // X filters by start_time already; this keeps the walk bounded if it ever stops doing so.
      if (Date.parse(t.created_at) < since.getTime() - 999) return;
      yield t;
    }
    next = page.meta.next_token;
    if (next && seen.has(next))
      throw new ConnectorError('permanent', 'GET /2/users/:id/tweets handed out the same pagination token twice');
    if (next) seen.add(next);
  } while (next);
}

/** A post as the rest of Raize sees it: the text as we sent it, the link checked (C-15). */
export function toPlatformPost(t: XTweet): PlatformPost {
  const link = checkPlatformUrl(`${X_WEB_BASE_URL}/i/web/status/${t.id}`);
  const mediaKeys = t.attachments?.media_keys?.join(',') ?? null;
  return {
    postId: t.id,
    url: link.url,
    ...(link.refused ? { urlRefused: link.refused } : {}),
    text: restoreXText(t.text, t.entities?.urls),
    authorExternalId: t.author_id,
    createdAt: t.created_at,
    // X keeps no request key on a post: reconciliation matches by content, time and media keys.
    requestKey: null,
    raw: { id: t.id, url: link.url, authorId: t.author_id, createdAt: t.created_at, mediaKeys },
  };
}
