import type {
  AccountRestriction,
  AccountStanding,
  ApiVersionPin,
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  PlatformIdentity,
  PlatformPost,
  PlatformSettings,
} from '../connector.types';
import type { MetricsReader } from '../connector-metrics.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { readCredential } from './linkedin-author';
import { linkedinApiHttp, linkedinOAuthEndpoints } from './linkedin-http.config';
import { readOrganizationNames, resolveAuthor } from './linkedin-identity';
import { linkedinMetricsReader } from './linkedin-metrics.reader';
import { authorPostsSince, readLinkedInPost, toPlatformPost } from './linkedin-posts';
import { LINKEDIN_ANALYTICS_SCOPE, linkedinAuthorKind, linkedinScopes } from './linkedin-settings';
import { missingInsightsWords } from '../metrics-figures';
import { introspectionSchema } from './linkedin-wire';

/** The health centre warns this long before the pinned version's sunset. */
const SUNSET_WARNING_DAYS = 60;

class LinkedInReader implements ConnectorReader {
  readonly platform = 'linkedin' as const;
  readonly metrics: MetricsReader;
  private readonly http: ConnectorHttpConfig;

  constructor(
    private readonly settings: PlatformSettings,
    private readonly version: ApiVersionPin,
  ) {
    this.http = linkedinApiHttp(settings, version);
    this.metrics = linkedinMetricsReader(this.http);
  }

  /**
   * The author URN posts are made as (C-19): urn:li:person:{sub} for a member, urn:li:organization:{id} for a Page
   * the member still may post as. The fingerprint compares exactly this.
   */
  async identity(cred: ConnectorCredential, opts: CallOptions = {}): Promise<PlatformIdentity> {
    const author = await resolveAuthor(this.http, cred, opts);
    if (!author.organizationId)
      return {
        externalAccountId: author.urn,
        handle: author.member.name ?? author.urn,
        displayName: author.member.name,
      };
    const names = await readOrganizationNames(this.http, author.credential.token, author.organizationId, opts.signal);
    return {
      externalAccountId: author.urn,
      handle: names?.vanityName ?? author.urn,
      displayName: names?.localizedName,
    };
  }

  async readPost(cred: ConnectorCredential, postId: string, opts: CallOptions = {}): Promise<PlatformPost | null> {
    const post = await readLinkedInPost(this.http, readCredential(cred).token, postId, opts);
    return post ? toPlatformPost(post) : null;
  }

  async *ownPostsSince(cred: ConnectorCredential, since: Date, opts: CallOptions = {}): AsyncIterable<PlatformPost> {
    const author = await resolveAuthor(this.http, cred, opts);
    for await (const p of authorPostsSince(this.http, author.credential.token, author.urn, since, opts))
      yield toPlatformPost(p);
  }

  /**
   * LinkedIn publishes no per-account meters (its daily limits are per app and endpoint, visible only in the
   * Developer Portal), so there are no quotas. Restrictions: the pinned version nearing its sunset. Missing: scopes
   * the token lacks (token introspection, when the app's credentials are configured) and a Page role that is gone.
   */
  async standing(cred: ConnectorCredential, opts: CallOptions = {}): Promise<AccountStanding> {
    const restrictions: AccountRestriction[] = [];
    const sunset = this.version.sunsetsAt ? Date.parse(this.version.sunsetsAt) : NaN;
    if (!Number.isNaN(sunset) && sunset - Date.now() < SUNSET_WARNING_DAYS * 86_400_000)
      restrictions.push({
        code: 'api_version_sunset',
        message: `LinkedIn retires API version ${this.version.version} on ${this.version.sunsetsAt}: Raize must move to a newer version before then`,
      });
    const missing: string[] = [];
    const author = await resolveAuthor(this.http, cred, opts);
    if (author.lostPageRole)
      missing.push('the ADMINISTRATOR or CONTENT_ADMINISTRATOR role on the LinkedIn Page this account posts as');
    const scopes = await this.grantedScopes(author.credential.token, opts.signal);
    if (scopes) {
      const kind = author.credential.organizationId ? 'organization' : linkedinAuthorKind(this.settings);
      for (const s of linkedinScopes(kind))
        if (!scopes.includes(s))
          // Publishing does not need the statistics scope: a Page connected before Raize asked for it still posts.
          missing.push(s === LINKEDIN_ANALYTICS_SCOPE ? missingInsightsWords(s) : `the ${s} permission`);
    }
    return { quotas: [], restrictions, missing, ...(scopes ? { scopes } : {}) };
  }

  /** The token's scopes from LinkedIn's token introspection; undefined when the app's secret is not configured. */
  private async grantedScopes(token: string, signal?: AbortSignal): Promise<string[] | undefined> {
    const client = this.settings.oauth;
    if (!client?.clientSecret) return undefined;
    const { http } = linkedinOAuthEndpoints(this.settings);
    const call = { method: 'POST', path: '/oauth/v2/introspectToken', route: '/oauth/v2/introspectToken' } as const;
    const a = await connectorRequest(http, {
      ...call,
      form: { client_id: client.clientId, client_secret: client.clientSecret, token },
      signal,
    });
    const t = parseAnswer(introspectionSchema, a, call);
    if (!t.active) return [];
    return (t.scope ?? '').split(/[\s,]+/).filter(Boolean);
  }
}

export function createLinkedInReader(settings: PlatformSettings, version: ApiVersionPin): ConnectorReader {
  return new LinkedInReader(settings, version);
}
