import { ConnectorError } from '../connector.errors';
import type { CallOptions, ConnectorCredential, QuotaMeter } from '../connector.types';
import { PUBLISHING_WINDOW_SECONDS } from './instagram-errors';
import type { InstagramGraph } from './instagram-graph';
import { graphTime, igMediaPageSchema, igPublishingLimitSchema } from './instagram-wire';

/** The account's content publishing quota as Instagram reports it (pages say 25, 50 or 100: never a constant). */
export interface PublishingQuota {
  used: number;
  total: number;
  windowSeconds: number;
}

export const PUBLISHING_METER_ID = 'instagram.publishing_24h';

/** Pages of own media read to find when the oldest post of the window ages out (100 a page). */
const WINDOW_PAGES = 3;

export async function readPublishingQuota(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  igUserId: string,
  opts: CallOptions = {},
): Promise<PublishingQuota> {
  const call = {
    path: `/${igUserId}/content_publishing_limit`,
    route: '/{ig-user-id}/content_publishing_limit',
    query: { fields: 'quota_usage,config' },
  };
  const row = (await graph.get(igPublishingLimitSchema, cred, call, opts)).data[0]!;
  return {
    used: row.quota_usage,
    // Without config the page's current figure; the answer normally carries it.
    total: row.config?.quota_total ?? 100,
    windowSeconds: row.config?.quota_duration ?? PUBLISHING_WINDOW_SECONDS,
  };
}

/**
 * When the rolling window frees a slot: the oldest post still inside it, plus the window. Instagram does not say,
 * so this reads the account's own media; a post made outside the API counts too, which errs towards waiting.
 */
export async function windowRollsAt(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  igUserId: string,
  windowSeconds: number,
  opts: CallOptions = {},
): Promise<string> {
  const now = Date.now();
  const since = Math.floor(now / 1000) - windowSeconds;
  let oldest: number | undefined;
  let after: string | undefined;
  for (let page = 0; page < WINDOW_PAGES; page++) {
    const query: Record<string, string> = { fields: 'id,timestamp', limit: '100', since: String(since) };
    if (after) query.after = after;
    const call = { path: `/${igUserId}/media`, route: '/{ig-user-id}/media', query };
    const answer = await graph.get(igMediaPageSchema, cred, call, opts);
    opts.onProgress?.();
    for (const m of answer.data) {
      const at = Date.parse(graphTime(m.timestamp));
      if (at >= (since - 1) * 1000) oldest = oldest === undefined ? at : Math.min(oldest, at);
    }
    after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return new Date((oldest ?? now) + windowSeconds * 1000).toISOString();
}

/** At the limit: rate_limited with the daily-limit signal, and no container is created (2207042 would follow). */
export async function assertQuotaLeft(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  igUserId: string,
  opts: CallOptions = {},
): Promise<void> {
  const q = await readPublishingQuota(graph, cred, igUserId, opts);
  if (q.used < q.total) return;
  throw await dailyLimitError(graph, cred, igUserId, q.windowSeconds, opts);
}

export async function dailyLimitError(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  igUserId: string,
  windowSeconds: number,
  opts: CallOptions = {},
  platformCode?: string,
): Promise<ConnectorError> {
  const retryAt = await windowRollsAt(graph, cred, igUserId, windowSeconds, opts);
  return new ConnectorError(
    'rate_limited',
    'GET /{ig-user-id}/content_publishing_limit: the account used its publishing quota for the rolling 24 hours',
    {
      health: 'daily_limit',
      retryAt,
      retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(retryAt) - Date.now()) / 1000)),
      ...(platformCode ? { platformCode } : {}),
    },
  );
}

export function publishingMeter(q: PublishingQuota, resetsAt?: string): QuotaMeter {
  return {
    id: PUBLISHING_METER_ID,
    label: 'Posts published through the API in the last 24 hours',
    used: q.used,
    limit: q.total,
    unit: 'posts',
    ...(resetsAt ? { resetsAt } : {}),
  };
}
