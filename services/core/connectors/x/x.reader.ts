import { ConnectorError } from '../connector.errors';
import type {
  AccountStanding,
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  PlatformIdentity,
  PlatformPost,
  PlatformSettings,
} from '../connector.types';
import type { MetricsReader } from '../connector-metrics.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { xHttp } from './x-http.config';
import { xMetricsReader } from './x-metrics.reader';
import { getMe, lookupTweet, toPlatformPost, userTweetsSince } from './x-posts';

class XReader implements ConnectorReader {
  readonly platform = 'x' as const;
  readonly metrics: MetricsReader;
  constructor(private readonly http: ConnectorHttpConfig) {
    this.metrics = xMetricsReader(http);
  }

  async identity(cred: ConnectorCredential, opts: CallOptions = {}): Promise<PlatformIdentity> {
    const me = await getMe(this.http, cred.accessToken, opts);
    return { externalAccountId: me.id, handle: `@${me.username}`, displayName: me.name };
  }

  async readPost(cred: ConnectorCredential, postId: string, opts: CallOptions = {}): Promise<PlatformPost | null> {
    const t = await lookupTweet(this.http, cred.accessToken, postId, opts);
    return t ? toPlatformPost(t) : null;
  }

  async *ownPostsSince(cred: ConnectorCredential, since: Date, opts: CallOptions = {}): AsyncIterable<PlatformPost> {
    const me = await getMe(this.http, cred.accessToken, opts);
    for await (const t of userTweetsSince(this.http, cred.accessToken, me.id, since, opts)) yield toPlatformPost(t);
  }

  /**
   * X meters spend per app, not per account, and its usage endpoint needs the app's own bearer token: no quota is
   * reported here (the integrator sums the usage each publish records). X reports no scopes after consent; the
   * one permission a read can prove is the read pair that GET /2/users/me needs.
   */
  async standing(cred: ConnectorCredential, opts: CallOptions = {}): Promise<AccountStanding> {
    try {
      await getMe(this.http, cred.accessToken, opts);
      return { quotas: [], restrictions: [], missing: [] };
    } catch (err) {
      if (err instanceof ConnectorError && err.details.health === 'missing_permissions')
        return { quotas: [], restrictions: [], missing: ['the tweet.read and users.read scopes'] };
      throw err;
    }
  }
}

export function createXReader(settings: PlatformSettings): ConnectorReader {
  return new XReader(xHttp(settings));
}
