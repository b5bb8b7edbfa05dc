import { ConnectorError } from '../connector.errors';
import type { MetricsReader } from '../connector-metrics.types';
import type {
  AccountStanding,
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  PlatformIdentity,
  PlatformPost,
  PlatformSettings,
  QuotaMeter,
} from '../connector.types';
import type { ConnectorAnswer } from '../http/connector-http';
import { parseAnswer } from '../http/connector-http';
import { bucUsage } from './facebook-errors';
import type { GraphClient } from './facebook-graph';
import { graphClient, graphNext, graphRequest } from './facebook-graph';
import { facebookMetricsReader } from './facebook-metrics.reader';
import { missingPermissions } from './facebook-permissions';
import { POST_FIELDS, toPlatformPost } from './facebook-posts';
import { graphDebugTokenSchema, graphMeSchema, graphPostSchema, graphPostsPageSchema } from './facebook-wire';

/** The largest page /{page-id}/posts serves: fewer calls per reconciliation. */
const PAGE_SIZE = 100;

class FacebookReader implements ConnectorReader {
  readonly platform = 'facebook' as const;
  readonly metrics: MetricsReader;
  constructor(
    private readonly graph: GraphClient,
    private readonly appToken: string | undefined,
  ) {
    this.metrics = facebookMetricsReader(graph);
  }

  /** The Page behind the Page token: the id the account fingerprint compares (C-19). */
  async identity(cred: ConnectorCredential, opts: CallOptions = {}): Promise<PlatformIdentity> {
    const me = await this.me(cred, opts);
    return { externalAccountId: me.id, handle: me.username ?? me.id, displayName: me.name };
  }

  async readPost(cred: ConnectorCredential, postId: string, opts: CallOptions = {}): Promise<PlatformPost | null> {
    const call = { method: 'GET', route: '/{post-id}' } as const;
    try {
      const a = await graphRequest(this.graph, {
        ...call,
        path: `/${encodeURIComponent(postId)}`,
        query: { fields: POST_FIELDS },
        token: cred.accessToken,
        signal: opts.signal,
      });
      return toPlatformPost(parseAnswer(graphPostSchema, a, call));
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  async *ownPostsSince(cred: ConnectorCredential, since: Date, opts: CallOptions = {}): AsyncIterable<PlatformPost> {
    const me = await this.me(cred, opts);
    const call = { method: 'GET', route: '/{page-id}/posts' } as const;
    const seen = new Set<string>();
    let answer: ConnectorAnswer = await graphRequest(this.graph, {
      ...call,
      path: `/${me.id}/posts`,
      query: { fields: POST_FIELDS, since: String(Math.floor(since.getTime() / 1000)), limit: String(PAGE_SIZE) },
      token: cred.accessToken,
      signal: opts.signal,
    });
    for (;;) {
      const page = parseAnswer(graphPostsPageSchema, answer, call);
      opts.onProgress?.();
      for (const raw of page.data) {
        const post = toPlatformPost(raw);
        // Graph filters by `since` already; this keeps the walk bounded if it ever stops doing so.
        if (Date.parse(post.createdAt) < since.getTime()) return;
        yield post;
      }
      const next = page.data.length ? page.paging?.next : undefined;
      if (!next) return;
      if (seen.has(next)) throw new ConnectorError('permanent', 'GET /{page-id}/posts handed out the same page twice');
      seen.add(next);
      answer = await graphNext(this.graph, next, { ...call, token: cred.accessToken, signal: opts.signal });
    }
  }

  /**
   * Permissions from debug_token, which answers for a Page token (GET /me/permissions needs the user's token, which
   * readers never hold). Page tasks are not readable with a Page token: they are checked where the user token is
   * at hand (connect and every refresh, through /me/accounts), and a publish without CREATE_CONTENT answers code
   * 200, mapped to missing_permissions.
   */
  async standing(cred: ConnectorCredential, opts: CallOptions = {}): Promise<AccountStanding> {
    const meCall = { method: 'GET', route: '/me' } as const;
    const meAnswer = await graphRequest(this.graph, {
      ...meCall,
      path: '/me',
      query: { fields: 'id' },
      token: cred.accessToken,
      signal: opts.signal,
    });
    const pageId = parseAnswer(graphMeSchema, meAnswer, meCall).id;
    const call = { method: 'GET', route: '/debug_token' } as const;
    const a = await graphRequest(this.graph, {
      ...call,
      path: '/debug_token',
      query: { input_token: cred.accessToken },
      // An app token ({app-id}|{app-secret}) inspects any token of the app; without the secret a token inspects itself.
      token: this.appToken ?? cred.accessToken,
      signal: opts.signal,
    });
    const info = parseAnswer(graphDebugTokenSchema, a, call).data;
    const missing = missingPermissions({ scopes: info.scopes, granular: info.granular_scopes }, pageId);
    if (info.type !== undefined && info.type !== 'PAGE') missing.unshift('a Page access token (this one is not)');
    return { quotas: pageCallMeter(meAnswer.headers), restrictions: [], missing, scopes: info.scopes };
  }

  private async me(cred: ConnectorCredential, opts: CallOptions) {
    const call = { method: 'GET', route: '/me' } as const;
    const a = await graphRequest(this.graph, {
      ...call,
      path: '/me',
      query: { fields: 'id,name,username' },
      token: cred.accessToken,
      signal: opts.signal,
    });
    return parseAnswer(graphMeSchema, a, call);
  }
}

/** The Page's Business Use Case usage (percent of Facebook's limit), when the answer carried it. */
function pageCallMeter(headers: Headers): QuotaMeter[] {
  const pages = bucUsage(headers).filter((u) => u.type === undefined || u.type === 'pages');
  if (!pages.length) return [];
  const used = Math.max(...pages.map((u) => Math.max(u.call_count ?? 0, u.total_cputime ?? 0, u.total_time ?? 0)));
  return [
    {
      id: 'facebook.page_calls',
      label: "Page API calls (percent of Facebook's rolling limit)",
      used,
      limit: 100,
      unit: 'requests',
    },
  ];
}

export function createFacebookReader(settings: PlatformSettings, version: string): ConnectorReader {
  const client = settings.oauth;
  const appToken = client?.clientSecret ? `${client.clientId}|${client.clientSecret}` : undefined;
  return new FacebookReader(graphClient(settings, version), appToken);
}
