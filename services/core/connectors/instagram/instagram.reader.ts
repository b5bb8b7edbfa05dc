import { ConnectorError } from '../connector.errors';
import type {
  AccountStanding,
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  MentionReader,
  PlatformIdentity,
  PlatformPost,
  PlatformSettings,
} from '../connector.types';
import { InstagramGraph } from './instagram-graph';
import { instagramMentions } from './instagram-mention.reader';
import { instagramMetrics } from './instagram-metrics.reader';
import { igInsightsSchema } from './instagram-metrics.wire';
import { missingInsightsWords } from '../metrics-figures';
import type { MetricsReader } from '../connector-metrics.types';
import { publishingMeter, readPublishingQuota, windowRollsAt } from './instagram-quota';
import { IG_MEDIA_FIELDS, igMediaPageSchema, igMediaSchema, toPlatformPost } from './instagram-wire';

/** The largest page the media edge serves: fewer calls per reconciliation. */
const PAGE_SIZE = 100;

class InstagramReader implements ConnectorReader {
  readonly platform = 'instagram' as const;
  readonly mentions: MentionReader;
  readonly metrics: MetricsReader;
  constructor(private readonly graph: InstagramGraph) {
    this.mentions = instagramMentions(graph);
    this.metrics = instagramMetrics(graph);
  }

  /** The IG professional account id (`user_id`), not the app-scoped `id`: the one the fingerprint compares (C-19). */
  async identity(cred: ConnectorCredential, opts: CallOptions = {}): Promise<PlatformIdentity> {
    const me = await this.graph.me(cred, opts);
    return { externalAccountId: me.userId, handle: `@${me.username}`, ...(me.name ? { displayName: me.name } : {}) };
  }

  async readPost(cred: ConnectorCredential, postId: string, opts: CallOptions = {}): Promise<PlatformPost | null> {
    const call = {
      path: `/${encodeURIComponent(postId)}`,
      route: '/{ig-media-id}',
      query: { fields: IG_MEDIA_FIELDS },
    };
    try {
      const m = await this.graph.get(igMediaSchema, cred, call, opts);
      // `owner` comes back only to the app that created the media; without it the post is not provably ours.
      return toPlatformPost(m, m.owner?.id ?? '', this.graph.allowLoopbackHttpLinks);
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  async *ownPostsSince(cred: ConnectorCredential, since: Date, opts: CallOptions = {}): AsyncIterable<PlatformPost> {
    const me = await this.graph.me(cred, opts);
    const sinceSecond = Math.floor(since.getTime() / 1000) * 1000;
    const cursors = new Set<string>();
    let after: string | undefined;
    do {
      const query: Record<string, string> = {
        fields: IG_MEDIA_FIELDS,
        limit: String(PAGE_SIZE),
        since: String(sinceSecond / 1000),
      };
      if (after) query.after = after;
      const call = { path: `/${me.userId}/media`, route: '/{ig-user-id}/media', query };
      const page = await this.graph.get(igMediaPageSchema, cred, call, opts);
      opts.onProgress?.();
      for (const m of page.data) {
        const post = toPlatformPost(m, me.userId, this.graph.allowLoopbackHttpLinks);
        // The edge filters by `since` already; this keeps the walk bounded if it ever stops doing so. Graph's
        // timestamps are whole seconds, so `since` is compared at that precision.
        if (Date.parse(post.createdAt) < sinceSecond) return;
        yield post;
      }
      // `next` is absent on the last page even when a cursor is.
      after = page.paging?.next ? page.paging.cursors?.after : undefined;
      if (after && cursors.has(after))
        throw new ConnectorError('permanent', 'GET /{ig-user-id}/media handed out the same cursor twice');
      if (after) cursors.add(after);
    } while (after);
  }

  /**
   * The rolling publishing quota as a meter; the permissions the token lacks, in an operator's words. Instagram Login
   * has no token introspection, so each permission is found by asking: the publishing quota (content_publish) and a
   * one-metric insights read (manage_insights, which connections made before Raize asked for it lack).
   */
  async standing(cred: ConnectorCredential, opts: CallOptions = {}): Promise<AccountStanding> {
    const me = await this.graph.me(cred, opts);
    const missing: string[] = [];
    let quotas: AccountStanding['quotas'] = [];
    let restrictions: AccountStanding['restrictions'] = [];
    const lacks = await permissionRefused(async () => {
      const q = await readPublishingQuota(this.graph, cred, me.userId, opts);
      const resetsAt =
        q.used >= q.total ? await windowRollsAt(this.graph, cred, me.userId, q.windowSeconds, opts) : undefined;
      quotas = [publishingMeter(q, resetsAt)];
      if (q.used >= q.total)
        restrictions = [
          {
            code: 'daily_limit' as const,
            message: `The account published ${q.used} of ${q.total} posts allowed in 24 hours; publishing resumes when the oldest ages out.`,
          },
        ];
    });
    if (lacks) missing.push('the instagram_business_content_publish permission (publish content)');
    const probe = {
      path: `/${encodeURIComponent(me.userId)}/insights`,
      route: '/{ig-user-id}/insights',
      query: { metric: 'reach', period: 'day', metric_type: 'total_value' },
    };
    if (await permissionRefused(() => this.graph.get(igInsightsSchema, cred, probe, opts)))
      missing.push(missingInsightsWords('instagram_business_manage_insights'));
    return { quotas, restrictions, missing };
  }
}

/** Whether `read` was refused for a missing permission; every other failure is the caller's. */
async function permissionRefused(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return false;
  } catch (err) {
    if (err instanceof ConnectorError && err.details.health === 'missing_permissions') return true;
    throw err;
  }
}

export function createInstagramReader(settings: PlatformSettings, version: string): ConnectorReader {
  return new InstagramReader(InstagramGraph.from(settings, version));
}
