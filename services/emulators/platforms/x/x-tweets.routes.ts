/**
 * Posts and users, emulated. Sources:
 * - https://docs.x.com/x-api/posts/create-or-edit-post (POST /2/tweets {text, media.media_ids}; 201 {data:{id,text}})
 * - https://docs.x.com/x-api/posts/get-post-by-id and https://docs.x.com/x-api/fundamentals/data-dictionary
 *   (tweet.fields; a missing post answers 200 with an `errors` entry of type resource-not-found)
 * - https://docs.x.com/x-api/users/get-posts and https://docs.x.com/x-api/posts/timelines/integrate (max_results
 *   5..100, start_time YYYY-MM-DDTHH:mm:ssZ inclusive, meta.next_token / pagination_token, newest first)
 * - https://docs.x.com/x-api/users/get-my-user (GET /2/users/me)
 * - https://docs.x.com/x-api/fundamentals/rate-limits (x-rate-limit-* headers; POST /2/tweets also answers
 *   x-user-limit-24hour-* and x-app-limit-24hour-*)
 * - https://docs.x.com/x-api/fundamentals/response-codes-and-errors (403 duplicate content, 429, problem bodies)
 * - https://docs.x.com/x-api/media/quickstart/best-practices (4 photos, or 1 GIF, or 1 video per post)
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import type { XEmulatorState, XStoredTweet, XUpload } from './x-emulator-state';
import { DAY_MS } from './x-emulator-state';
import { shortenForPost, weightedLength } from './x-emulator-text';
import { tweetPublicMetrics, userMetricFields, X_METRIC_TWEET_FIELDS } from './x-metrics';
import { invalidRequest, problem, X_PROBLEM_BASE } from './x-problems';
import type { XCaller } from './x-session';
import { guarded } from './x-session';

const READ = ['tweet.read', 'users.read'];
const TWEET_FIELDS = new Set([
  'created_at',
  'author_id',
  'entities',
  'attachments',
  'edit_history_tweet_ids',
  ...X_METRIC_TWEET_FIELDS,
]);
const START_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function xTweetRoutes(state: XEmulatorState, tokens: TokenBook): EmulatorRoute[] {
  const pages = new Map<string, { userId: string; offset: number; query: string }>();
  return [
    {
      method: 'GET',
      path: '/2/users/me',
      handle: guarded(tokens, state, 'GET /2/users/me', READ, (req, c) => {
        const a = state.account(c.accountId)!;
        const metrics = userMetricFields(state, a.id, req);
        return { status: 200, json: { data: { id: a.id, name: a.displayName, username: a.handle, ...metrics } } };
      }),
    },
    {
      method: 'GET',
      path: /^\/2\/tweets\/(?<id>[^/]+)$/,
      handle: guarded(tokens, state, 'GET /2/tweets/:id', READ, (req) => {
        const id = req.params.id ?? '';
        if (!/^[0-9]{1,19}$/.test(id)) return invalidRequest('The `id` query parameter value is not valid');
        const fields = requestedFields(req);
        if (typeof fields === 'string') return invalidRequest(fields);
        const t = state.tweets.find((x) => x.id === id);
        if (!t) return { status: 200, json: { errors: [notFound('tweet', id)] } };
        return { status: 200, json: { data: view(t, fields, state) } };
      }),
    },
    {
      method: 'GET',
      path: /^\/2\/users\/(?<id>[^/]+)\/tweets$/,
      handle: guarded(tokens, state, 'GET /2/users/:id/tweets', READ, (req) => timeline(state, pages, req)),
    },
    {
      method: 'POST',
      path: '/2/tweets',
      handle: guarded(tokens, state, 'POST /2/tweets', ['tweet.read', 'tweet.write', 'users.read'], (req, c) =>
        createTweet(state, req, c),
      ),
    },
  ];
}

function timeline(
  state: XEmulatorState,
  pages: Map<string, { userId: string; offset: number; query: string }>,
  req: EmulatorRequest,
): EmulatorReply {
  const userId = req.params.id ?? '';
  if (!state.account(userId)) return { status: 200, json: { errors: [notFound('user', userId)] } };
  const max = Number(req.query.get('max_results') ?? '10');
  if (!Number.isInteger(max) || max < 5 || max > 100) return invalidRequest('max_results must be 5..100');
  const start = req.query.get('start_time');
  if (start !== null && !START_TIME.test(start)) return invalidRequest('start_time must be YYYY-MM-DDTHH:mm:ssZ');
  const fields = requestedFields(req);
  if (typeof fields === 'string') return invalidRequest(fields);
  // A pagination token belongs to the query that handed it out.
  const query = `${userId} ${start ?? ''} ${max}`;
  const token = req.query.get('pagination_token');
  const page = token ? pages.get(token) : { userId, offset: 0, query };
  if (!page || page.query !== query) return invalidRequest('The `pagination_token` query parameter value is not valid');
  const since = start ? Date.parse(start) : -Infinity;
  const all = state.tweets
    .filter((t) => t.accountId === userId && t.createdAt >= since)
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  const slice = all.slice(page.offset, page.offset + max);
  if (!slice.length) return { status: 200, json: { meta: { result_count: 0 } } };
  let next: string | undefined;
  if (page.offset + max < all.length) {
    next = Math.random().toString(36).slice(2) + Date.now().toString(36);
    pages.set(next, { userId, offset: page.offset + max, query });
  }
  return {
    status: 200,
    json: {
      data: slice.map((t) => view(t, fields, state)),
      meta: {
        result_count: slice.length,
        newest_id: slice[0]!.id,
        oldest_id: slice[slice.length - 1]!.id,
        ...(next ? { next_token: next } : {}),
      },
    },
  };
}

async function createTweet(state: XEmulatorState, req: EmulatorRequest, c: XCaller): Promise<EmulatorReply> {
  if (req.jsonError || typeof req.json !== 'object' || req.json === null)
    return invalidRequest('The request body is not valid JSON');
  const body = req.json as { text?: unknown; media?: { media_ids?: unknown } };
  const text = typeof body.text === 'string' ? body.text : '';
  const ids = Array.isArray(body.media?.media_ids) ? (body.media.media_ids as unknown[]) : [];
  if (!text && !ids.length) return invalidRequest('The `text` field is required when no media is attached');
  if (weightedLength(text) > 280) return invalidRequest('text: Your Tweet text is too long');
  const media: XUpload[] = [];
  for (const id of ids) {
    const u = typeof id === 'string' ? state.uploads.get(id) : undefined;
    const ready = u?.finalized && (u.state === undefined || u.state === 'succeeded');
    if (!u || u.accountId !== c.accountId || !ready || state.clock.now() > u.expiresAt)
      return invalidRequest('Your media IDs are invalid.');
    media.push(u);
  }
  const alone = media.filter((m) => m.category !== 'tweet_image');
  if (media.length > 4 || (alone.length && media.length > 1))
    return invalidRequest('media: attach up to 4 photos, or 1 GIF, or 1 video');

  const day = state.postsInDay(c.accountId);
  const dayHeaders = {
    'x-user-limit-24hour-limit': String(state.userDailyLimit),
    'x-user-limit-24hour-remaining': String(Math.max(0, state.userDailyLimit - day.count - 1)),
    'x-user-limit-24hour-reset': String(Math.ceil(day.resetsAt / 1000)),
  };
  if (day.count >= state.userDailyLimit)
    return problem(429, 'Too Many Requests', undefined, { ...dayHeaders, 'x-user-limit-24hour-remaining': '0' });
  const recent = state.clock.now() - DAY_MS;
  if (state.tweets.some((t) => t.accountId === c.accountId && t.sentText === text && t.createdAt > recent))
    return problem(403, 'You are not allowed to create a Tweet with duplicate content.');

  const id = state.nextId();
  const author = state.account(c.accountId)!;
  const shown = shortenForPost(
    text,
    media.map((m) => ({ mediaKey: m.mediaKey, kind: m.category === 'tweet_image' ? 'photo' : 'video' })),
    (n, kind) => `https://x.com/${author.handle}/status/${id}/${kind}/${n}`,
  );
  state.tweets.push({
    id,
    accountId: c.accountId,
    sentText: text,
    shownText: shown.text,
    urls: shown.urls,
    media,
    createdAt: state.nowSeconds(),
  });
  // The post exists; the answer never leaves (a lost answer after the write, for unknown-outcome tests).
  if (req.fault?.kind === 'custom' && req.fault.name === 'lose_answer') return new Promise<EmulatorReply>(() => {});
  return {
    status: 201,
    headers: { ...dayHeaders, 'x-app-limit-24hour-limit': '10000', 'x-app-limit-24hour-remaining': '9999' },
    json: { data: { id, text: shown.text, edit_history_tweet_ids: [id] } },
  };
}

function requestedFields(req: EmulatorRequest): Set<string> | string {
  const asked = (req.query.get('tweet.fields') ?? '').split(',').filter(Boolean);
  const unknown = asked.find((f) => !TWEET_FIELDS.has(f));
  if (unknown)
    return `The query parameter [tweet.fields] has a value [${unknown}] that is not one of the allowed values`;
  return new Set(asked);
}

/** A post with the default fields and those asked for; X leaves out what is empty. */
function view(t: XStoredTweet, fields: Set<string>, state: XEmulatorState): Record<string, unknown> {
  return {
    id: t.id,
    text: t.shownText,
    edit_history_tweet_ids: [t.id],
    ...(fields.has('created_at') ? { created_at: new Date(t.createdAt).toISOString() } : {}),
    ...(fields.has('author_id') ? { author_id: t.accountId } : {}),
    ...(fields.has('entities') && t.urls.length ? { entities: { urls: t.urls } } : {}),
    ...(fields.has('attachments') && t.media.length
      ? { attachments: { media_keys: t.media.map((m) => m.mediaKey) } }
      : {}),
    ...(fields.has('public_metrics') ? { public_metrics: tweetPublicMetrics(state, t) } : {}),
  };
}

function notFound(resource: 'tweet' | 'user', id: string): Record<string, unknown> {
  return {
    value: id,
    detail: `Could not find ${resource} with id: [${id}].`,
    title: 'Not Found Error',
    resource_type: resource,
    parameter: 'id',
    resource_id: id,
    type: `${X_PROBLEM_BASE}/resource-not-found`,
  };
}
