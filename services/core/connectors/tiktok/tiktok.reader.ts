import { ConnectorError } from '../connector.errors';
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
import { TikTokApi } from './tiktok-api';
import { missingInsightsWords } from '../metrics-figures';
import { tiktokMetricsReader } from './tiktok-metrics.reader';
import { tiktokFollowersSchema } from './tiktok-metrics.wire';
import { tiktokCall } from './tiktok-request';
import { TIKTOK_STATS_SCOPE } from './tiktok-settings';
import { publishIdOfReceipt, reportedPostId, videoForApproxId } from './tiktok-post-id';
import { videoToPost } from './tiktok-wire';

/** What standing() says while TikTok has not audited the app (https://developers.tiktok.com/doc/content-sharing-guidelines). */
export const UNAUDITED_RESTRICTION: AccountRestriction = {
  code: 'private_only',
  message:
    'TikTok has not audited Raize’s app yet: every video goes out private (only the creator sees it), the TikTok ' +
    'account must be set to private, and at most 5 creators can post through the app per day. Once TikTok ' +
    'approves the audit, mark the app as audited in the TikTok settings.',
};

class TikTokReader implements ConnectorReader {
  readonly platform = 'tiktok' as const;
  readonly metrics: MetricsReader;

  constructor(
    private readonly api: TikTokApi,
    private readonly appAudited: boolean,
  ) {
    this.metrics = tiktokMetricsReader(
      api,
      async (cred, postId, opts) => (await this.readPost(cred, postId, opts))?.postId ?? null,
    );
  }

  async identity(cred: ConnectorCredential, opts: CallOptions = {}): Promise<PlatformIdentity> {
    const me = await this.api.me(cred, opts);
    return {
      externalAccountId: me.openId,
      handle: me.username ? `@${me.username}` : (me.displayName ?? ''),
      ...(me.displayName ? { displayName: me.displayName } : {}),
    };
  }

  /**
   * A public video by its id; a receipt (`publish_id:`) through status/fetch, which yields the video once TikTok
   * made it public. A private post or a draft cannot be read back through the API: null, never a guess.
   */
  async readPost(cred: ConnectorCredential, postId: string, opts: CallOptions = {}): Promise<PlatformPost | null> {
    const publishId = publishIdOfReceipt(postId);
    let videoId: string | undefined = postId;
    if (publishId) {
      const status = await this.api.status(cred, publishId, opts, 'read');
      const reported = status.status === 'PUBLISH_COMPLETE' ? reportedPostId(status) : undefined;
      if (!reported) return null;
      if (!reported.exact) {
        const v = await videoForApproxId(this.api, cred, reported.approx, opts);
        return v ? videoToPost(v, (await this.api.me(cred, opts)).openId) : null;
      }
      videoId = reported.id;
    }
    if (!/^\d{1,25}$/.test(videoId)) return null;
    const found = (await this.api.videoQuery(cred, [videoId], opts)).find((v) => v.id === videoId);
    return found ? videoToPost(found, (await this.api.me(cred, opts)).openId) : null;
  }

  /** Public videos only: TikTok lists no private post, so reconciliation of those rests on the writer's receipt. */
  async *ownPostsSince(cred: ConnectorCredential, since: Date, opts: CallOptions = {}): AsyncIterable<PlatformPost> {
    const me = await this.api.me(cred, opts);
    const cursors = new Set<number>();
    let cursor: number | undefined;
    for (;;) {
      const page = await this.api.videoPage(cred, cursor, opts);
      opts.onProgress?.();
      for (const v of page.videos) {
        const post = videoToPost(v, me.openId);
        if (Date.parse(post.createdAt) < since.getTime()) return;
        yield post;
      }
      if (!page.has_more || page.cursor === undefined) return;
      if (cursors.has(page.cursor))
        throw new ConnectorError('permanent', `POST ${this.api.routes.videoList} handed out the same cursor twice`);
      cursors.add(page.cursor);
      cursor = page.cursor;
    }
  }

  /**
   * Restrictions and missing scopes, each found by asking: creator_info says whether the creator may post now
   * (video.publish), a one-item video/list whether reconciliation can read (video.list), user/info's follower_count
   * whether reports get the follower count (user.info.stats, which connections made before Raize asked for it lack).
   * TikTok publishes no counter of posts left today, so there is no meter.
   */
  async standing(cred: ConnectorCredential, opts: CallOptions = {}): Promise<AccountStanding> {
    const restrictions: AccountRestriction[] = this.appAudited ? [] : [UNAUDITED_RESTRICTION];
    const missing: string[] = [];
    const probe = async (what: () => Promise<unknown>, scope: string) => {
      try {
        await what();
      } catch (err) {
        if (!(err instanceof ConnectorError)) throw err;
        const h = err.details.health;
        if (h === 'missing_permissions') missing.push(scope);
        else if (h === 'daily_limit')
          restrictions.push({
            code: 'daily_limit',
            message: 'The creator reached TikTok’s daily cap of posts through apps: posting resumes tomorrow.',
          });
        else if (h === 'cannot_post')
          restrictions.push({
            code: 'cannot_post',
            message: 'TikTok does not let this creator post right now: the creator should check the TikTok app.',
          });
        else throw err;
      }
    };
    await probe(async () => {
      const info = await this.api.creatorInfo(cred, opts);
      if (info.can_post === false)
        throw new ConnectorError('permanent', 'creator_info says the creator cannot post', { health: 'cannot_post' });
    }, 'the video.publish scope (posting videos)');
    await probe(() => this.api.videoPage(cred, undefined, opts, 1), 'the video.list scope (reading back posts)');
    const userInfo = this.api.routes.userInfo;
    await probe(
      () =>
        tiktokCall(
          this.api.http,
          {
            method: 'GET',
            path: `${userInfo}?fields=follower_count`,
            route: userInfo,
            token: cred.accessToken,
            signal: opts.signal,
          },
          tiktokFollowersSchema,
        ),
      missingInsightsWords(TIKTOK_STATS_SCOPE, 'the follower count', 'scope'),
    );
    return { quotas: [], restrictions, missing };
  }
}

export function createTikTokReader(settings: PlatformSettings, pin: ApiVersionPin): ConnectorReader {
  return new TikTokReader(new TikTokApi(settings, pin), settings.appAudited === true);
}
