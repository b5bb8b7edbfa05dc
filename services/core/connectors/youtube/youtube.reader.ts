import type { ZodType } from 'zod';
import { ConnectorError } from '../connector.errors';
import type {
  AccountRestriction,
  AccountStanding,
  CallOptions,
  ConnectorCredential,
  ConnectorReader,
  PlatformIdentity,
  PlatformPost,
  PlatformSettings,
} from '../connector.types';
import type { MetricsReader } from '../connector-metrics.types';
import type { ConnectorCall, ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { googleOAuthEndpoints, youtubeApiHttp } from './youtube-http.config';
import { youtubeMetricsReader } from './youtube-metrics.reader';
import { YOUTUBE_SCOPES } from './youtube-oauth';
import { nextQuotaReset, quotaDayStart, YOUTUBE_DEFAULT_DAILY_QUOTA } from './youtube-quota';
import {
  googleTokenInfoSchema,
  toPlatformPost,
  youtubeChannelListSchema,
  youtubePlaylistItemsSchema,
  youtubeVideoListSchema,
} from './youtube-wire';

/** playlistItems.list and videos.list take at most 50 per call. */
const PAGE_SIZE = 50;

const SCOPE_WORDS: Record<string, string> = {
  'https://www.googleapis.com/auth/youtube.upload': 'the permission to upload videos (youtube.upload)',
  'https://www.googleapis.com/auth/youtube.readonly': "the permission to read the channel's videos (youtube.readonly)",
};
// A broader YouTube scope includes both of ours.
const BROADER_SCOPE = 'https://www.googleapis.com/auth/youtube';

export interface YouTubeReaderOptions {
  /**
   * Units the project spent since `since` (the start of the quota day), as Raize recorded them: YouTube does not
   * tell an app its own usage. Absent: the meter shows 0 used.
   */
  usedToday?: (since: Date) => Promise<number>;
}

class YouTubeReader implements ConnectorReader {
  readonly platform = 'youtube' as const;
  readonly metrics: MetricsReader;
  private readonly http: ConnectorHttpConfig;
  private readonly oauthHttp: ConnectorHttpConfig;

  constructor(
    private readonly settings: PlatformSettings,
    private readonly options: YouTubeReaderOptions,
  ) {
    this.http = youtubeApiHttp(settings);
    this.metrics = youtubeMetricsReader(this.http);
    this.oauthHttp = googleOAuthEndpoints(settings).http;
  }

  /** The channel the token acts for: its id is what the account fingerprint compares. */
  async identity(cred: ConnectorCredential, opts: CallOptions = {}): Promise<PlatformIdentity> {
    const query = new URLSearchParams({ part: 'id,snippet', mine: 'true' });
    const list = await this.get(
      cred,
      opts,
      `/youtube/v3/channels?${query}`,
      '/youtube/v3/channels',
      youtubeChannelListSchema,
    );
    const channel = list.items?.[0];
    if (!channel)
      throw new ConnectorError('permanent', 'GET /youtube/v3/channels found no channel for this Google account', {
        health: 'missing_permissions',
      });
    return {
      externalAccountId: channel.id,
      handle: channel.snippet?.customUrl ?? channel.id,
      displayName: channel.snippet?.title,
    };
  }

  async readPost(cred: ConnectorCredential, postId: string, opts: CallOptions = {}): Promise<PlatformPost | null> {
    const query = new URLSearchParams({ part: 'snippet,status', id: postId });
    const list = await this.get(
      cred,
      opts,
      `/youtube/v3/videos?${query}`,
      '/youtube/v3/videos',
      youtubeVideoListSchema,
    );
    const video = (list.items ?? []).find((v) => v.id === postId);
    return video ? toPlatformPost(video) : null;
  }

  /**
   * The channel's uploads playlist, newest first, page by page; each page's videos are read with videos.list for
   * their full description (what the fingerprint hashes). search.list?forMine would cost 100 units a page.
   */
  async *ownPostsSince(cred: ConnectorCredential, since: Date, opts: CallOptions = {}): AsyncIterable<PlatformPost> {
    const channels = await this.get(
      cred,
      opts,
      `/youtube/v3/channels?${new URLSearchParams({ part: 'contentDetails', mine: 'true' })}`,
      '/youtube/v3/channels',
      youtubeChannelListSchema,
    );
    const uploads = channels.items?.[0]?.contentDetails?.relatedPlaylists.uploads;
    if (!uploads) return;
    const seen = new Set<string>();
    let pageToken: string | undefined;
    do {
      const query = new URLSearchParams({ part: 'contentDetails', playlistId: uploads, maxResults: String(PAGE_SIZE) });
      if (pageToken) query.set('pageToken', pageToken);
      const page = await this.get(
        cred,
        opts,
        `/youtube/v3/playlistItems?${query}`,
        '/youtube/v3/playlistItems',
        youtubePlaylistItemsSchema,
      );
      opts.onProgress?.();
      const ids = (page.items ?? []).map((i) => i.contentDetails.videoId);
      if (ids.length) {
        const videos = await this.get(
          cred,
          opts,
          `/youtube/v3/videos?${new URLSearchParams({ part: 'snippet,status', id: ids.join(','), maxResults: String(PAGE_SIZE) })}`,
          '/youtube/v3/videos',
          youtubeVideoListSchema,
        );
        const byId = new Map((videos.items ?? []).map((v) => [v.id, v]));
        for (const id of ids) {
          const video = byId.get(id);
          // Gone between the two calls (deleted, or not yet readable): nothing to match.
          if (!video) continue;
          const post = toPlatformPost(video);
          if (Date.parse(post.createdAt) < since.getTime()) return;
          yield post;
        }
      }
      pageToken = page.nextPageToken;
      if (pageToken && seen.has(pageToken))
        throw new ConnectorError('permanent', 'GET /youtube/v3/playlistItems handed out the same page token twice');
      if (pageToken) seen.add(pageToken);
    } while (pageToken);
  }

  /** The project's units today, the audit and testing states, and the scopes the token lacks. */
  async standing(cred: ConnectorCredential, opts: CallOptions = {}): Promise<AccountStanding> {
    const scopes = await this.grantedScopes(cred, opts);
    const now = new Date();
    const used = this.options.usedToday ? await this.options.usedToday(quotaDayStart(now)) : 0;
    const restrictions: AccountRestriction[] = [];
    if (this.settings.appAudited !== true)
      restrictions.push({
        code: 'private_only',
        message:
          'The Google Cloud project has not passed YouTube’s API audit: every upload stays private until it does. ' +
          'Request the audit, then mark the project audited in the settings.',
      });
    if (this.settings.appInTesting === true)
      restrictions.push({
        code: 'app_in_testing',
        message:
          'The Google Cloud project is in testing mode: the connection stops working 7 days after consent. ' +
          'Publish the app (In production) on the OAuth consent screen.',
      });
    const missing = scopes.includes(BROADER_SCOPE)
      ? []
      : YOUTUBE_SCOPES.filter((s) => !scopes.includes(s)).map((s) => SCOPE_WORDS[s] ?? s);
    return {
      quotas: [
        {
          id: 'youtube.units_today',
          label: 'YouTube API units used today (whole project)',
          used,
          limit: this.settings.dailyQuota ?? YOUTUBE_DEFAULT_DAILY_QUOTA,
          unit: 'quota_units',
          resetsAt: nextQuotaReset(now).toISOString(),
        },
      ],
      restrictions,
      missing,
      scopes,
    };
  }

  /** tokeninfo, by POST so the token never sits in a URL. */
  private async grantedScopes(cred: ConnectorCredential, opts: CallOptions): Promise<string[]> {
    const call = { method: 'POST', path: '/tokeninfo', route: '/tokeninfo' } as const;
    try {
      const a = await connectorRequest(this.oauthHttp, {
        ...call,
        form: { access_token: cred.accessToken },
        signal: opts.signal,
      });
      return (parseAnswer(googleTokenInfoSchema, a, call).scope ?? '').split(/\s+/).filter(Boolean);
    } catch (err) {
      // A read sent as POST: an answer lost on the way changes nothing on Google's side.
      if (err instanceof ConnectorError && err.kind === 'outcome_unknown')
        throw new ConnectorError('transient', 'POST /tokeninfo got no usable answer', err.details);
      throw err;
    }
  }

  private async get<T>(
    cred: ConnectorCredential,
    opts: CallOptions,
    path: string,
    route: string,
    schema: ZodType<T>,
  ): Promise<T> {
    const call: ConnectorCall = { method: 'GET', path, route, token: cred.accessToken, signal: opts.signal };
    return parseAnswer(schema, await connectorRequest(this.http, call), call);
  }
}

export function createYouTubeReader(settings: PlatformSettings, options: YouTubeReaderOptions = {}): ConnectorReader {
  return new YouTubeReader(settings, options);
}
