import { ConnectorError } from '../connector.errors';
import type {
  AccountStanding,
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  EngagementReader,
  PlatformIdentity,
  PlatformPost,
  PlatformSettings,
} from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import type { MetricsReader } from '../connector-metrics.types';
import { sandboxEngagementReader } from './sandbox-engagement.reader';
import { sandboxHttp } from './sandbox-http.config';
import { sandboxMetricsReader } from './sandbox-metrics.reader';
import { sandboxMeSchema, sandboxPostSchema, sandboxPostsPageSchema, toPlatformPost } from './sandbox-wire';

/** The sandbox's largest page: fewer calls per reconciliation. */
const PAGE_SIZE = 100;

class SandboxReader implements ConnectorReader {
  readonly platform = 'sandbox' as const;
  readonly engagement: EngagementReader;
  readonly metrics: MetricsReader;
  constructor(
    private readonly http: ConnectorHttpConfig,
    private readonly allowLoopbackHttpLinks: boolean,
  ) {
    this.engagement = sandboxEngagementReader(http);
    this.metrics = sandboxMetricsReader(http);
  }

  async identity(cred: ConnectorCredential, opts: CallOptions = {}): Promise<PlatformIdentity> {
    const call = { method: 'GET', path: '/me', route: '/me' } as const;
    const a = await connectorRequest(this.http, { ...call, token: cred.accessToken, signal: opts.signal });
    const me = parseAnswer(sandboxMeSchema, a, call);
    return { externalAccountId: me.id, handle: me.handle, displayName: me.displayName };
  }

  /** The sandbox meters nothing and restricts nothing; the scopes are what the token answer said at connect time. */
  standing(): Promise<AccountStanding> {
    return Promise.resolve({ quotas: [], restrictions: [], missing: [] });
  }

  async readPost(cred: ConnectorCredential, postId: string, opts: CallOptions = {}): Promise<PlatformPost | null> {
    const call = { method: 'GET', path: `/posts/${encodeURIComponent(postId)}`, route: '/posts/:id' } as const;
    try {
      const a = await connectorRequest(this.http, { ...call, token: cred.accessToken, signal: opts.signal });
      return toPlatformPost(parseAnswer(sandboxPostSchema, a, call), this.allowLoopbackHttpLinks);
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  async *ownPostsSince(cred: ConnectorCredential, since: Date, opts: CallOptions = {}): AsyncIterable<PlatformPost> {
    const cursors = new Set<string>();
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), since: since.toISOString() });
      if (cursor) query.set('cursor', cursor);
      const call = { method: 'GET', path: `/me/posts?${query}`, route: '/me/posts' } as const;
      const page = parseAnswer(
        sandboxPostsPageSchema,
        await connectorRequest(this.http, { ...call, token: cred.accessToken, signal: opts.signal }),
        call,
      );
      opts.onProgress?.();
      for (const raw of page.data) {
        const post = toPlatformPost(raw, this.allowLoopbackHttpLinks);
        // The platform filters by `since` already; this keeps the walk bounded if it ever stops doing so.
        if (Date.parse(post.createdAt) < since.getTime()) return;
        yield post;
      }
      cursor = page.next_cursor ?? null;
      if (cursor && cursors.has(cursor))
        throw new ConnectorError('permanent', 'GET /me/posts handed out the same cursor twice');
      if (cursor) cursors.add(cursor);
    } while (cursor);
  }
}

export function createSandboxReader(settings: PlatformSettings): ConnectorReader {
  return new SandboxReader(sandboxHttp(settings), settings.allowLoopbackHttpLinks === true);
}
