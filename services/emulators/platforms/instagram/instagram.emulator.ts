/**
 * Instagram emulator (test and demo infrastructure, never a production connector): the Instagram API with
 * Instagram Login on one port (graph.instagram.com, api.instagram.com and the www.instagram.com dialog), built from
 * the public reference:
 * - https://developers.facebook.com/docs/instagram-platform/content-publishing
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment
 *   and .../ig-user/mentioned_media (instagram-mention-routes.ts)
 * - https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 * - https://developers.facebook.com/docs/instagram-platform/reference/access_token and .../refresh_access_token
 * - https://developers.facebook.com/docs/graph-api/guides/error-handling and .../overview/rate-limiting
 * - https://developers.facebook.com/docs/graph-api/changelog/versions (v20.0 expired 2026-09-24; v26.0 current)
 *
 * It enforces what the platform enforces: a valid token on every Graph call (Authorization header or
 * `access_token`), the token's own account and permissions, a version that is not retired, media it really
 * downloads and checks (type, size, aspect), the container life cycle and the rolling publishing quota.
 */
import type { PlatformSettings } from '../../../core/connectors/connector.types';
import type { EmulatorReply, EmulatorRequest, FaultMatch } from '../../emulator-server';
import { EmulatorServer } from '../../emulator-server';
import { ConsentDesk } from '../kit/consent';
import { EmulatorClock } from '../kit/emulator-clock';
import type { EmulatedPost, PlatformEmulator, PlatformEmulatorOptions } from '../kit/platform-emulator';
import { TEST_APP } from '../kit/platform-emulator';
import { TokenBook } from '../kit/token-book';
import type { IgAuth } from './instagram-content-routes';
import { SCOPE_BASIC, SCOPE_PUBLISH, contentRoutes, paramsOf } from './instagram-content-routes';
import type { GraphErrorSpec } from './instagram-graph-errors';
import { GRAPH, graphError, graphErrorBody, sunsetVersionError } from './instagram-graph-errors';
import { SCOPE_COMMENTS } from './instagram-mention-routes';
import { SCOPE_INSIGHTS, metricsRoutes } from './instagram-metrics-routes';
import { OAUTH_PATHS, oauthRoutes, tokenProblem } from './instagram-oauth-routes';
import type { IgContainerRecord } from './instagram-world';
import { InstagramWorld } from './instagram-world';

/** The newest Graph version the emulator knows; the oldest it still serves (older ones are retired). */
const CURRENT_VERSION = 'v26.0';
const OLDEST_VERSION = 'v21.0';
const SHORT_LIVED_SECONDS = 3600;
const LONG_LIVED_SECONDS = 60 * 24 * 3600;

export interface InstagramEmulator extends PlatformEmulator {
  /** short-lived tokens (1 hour) from the code exchange; `tokens` holds the long-lived ones (60 days) */
  readonly shortTokens: TokenBook;
  /** polls a video container answers IN_PROGRESS before it finishes (default 2) */
  setVideoProcessingPolls(polls: number): void;
  /** config.quota_total of the rolling 24-hour publishing quota (default 100) */
  setQuotaTotal(total: number): void;
  quotaUsage(accountId: string): number;
  /** the account's publishing is blocked as suspected spam (2207051) */
  blockActions(accountId: string, blocked?: boolean): void;
  /** the deadline of a media download (2207003 when it passes) */
  setDownloadTimeoutMs(ms: number): void;
  /** Graph versions from this one on are served; older ones answer as retired (default v21.0) */
  setOldestVersion(version: string): void;
  /** the next `times` media_publish calls publish and then never answer */
  loseNextPublishAnswer(times?: number): void;
  /** the next matching requests answer this documented Graph error */
  nextGraphError(error: GraphErrorSpec, options?: { match?: FaultMatch; times?: number }): void;
  /** the next requests answer a throttle (code 4, 17, 32 or 613) with the business-use-case header */
  throttle(options: { code: 4 | 17 | 32 | 613; regainMinutes: number; times?: number }): void;
  /** the account's containers, oldest first (children included) */
  containers(accountId: string): IgContainerRecord[];
  /** the user removed the app: every token of the account, short- and long-lived, stops working */
  revokeApp(accountId: string): void;
  /**
   * Another Instagram user @mentions the account, in a comment on their media or in its caption: the ids the
   * `mentions` webhook would carry (media_id, and comment_id for a comment), readable through mentioned_comment /
   * mentioned_media by the account mentioned.
   */
  seedMention(p: { accountId: string; username: string; text: string; in: 'comment' | 'caption' }): {
    mediaId: string;
    commentId?: string;
  };
}

const versionNumber = (v: string) => Number(v.replace(/^v/, ''));

export async function startInstagramEmulator(opts: PlatformEmulatorOptions = {}): Promise<InstagramEmulator> {
  const app = opts.app ?? TEST_APP;
  const clock = new EmulatorClock();
  const world = new InstagramWorld(clock);
  const desk = new ConsentDesk(app, clock);
  const common = { issueRefreshTokens: false, refreshTtlSeconds: null, rotateRefresh: false } as const;
  const longTokens = new TokenBook({ prefix: 'igemu', accessTtlSeconds: LONG_LIVED_SECONDS, ...common }, clock);
  const shortTokens = new TokenBook({ prefix: 'igemus', accessTtlSeconds: SHORT_LIVED_SECONDS, ...common }, clock);
  const auths = new WeakMap<EmulatorRequest, IgAuth>();
  let oldest = OLDEST_VERSION;
  let baseUrl = '';

  const authenticate = (req: EmulatorRequest): EmulatorReply | undefined => {
    if (OAUTH_PATHS.has(req.path)) return undefined;
    const version = /^\/(v\d+\.\d+)\//.exec(req.path)?.[1];
    if (
      version &&
      (versionNumber(version) < versionNumber(oldest) || versionNumber(version) > versionNumber(CURRENT_VERSION))
    )
      return sunsetVersionError(CURRENT_VERSION);
    const bearer = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? paramsOf(req).get('access_token') ?? undefined;
    if (!token) return graphError(GRAPH.noToken);
    const found = longTokens.resolve(token);
    const resolved = typeof found === 'string' && found === 'unknown' ? shortTokens.resolve(token) : found;
    if (typeof resolved === 'string') return tokenProblem(resolved);
    auths.set(req, { accountId: resolved.accountId, scope: resolved.scope });
    return undefined;
  };

  const server = await EmulatorServer.start({
    name: 'instagram',
    port: opts.port,
    routes: [
      ...oauthRoutes({ world, app, desk, shortTokens, longTokens }),
      ...metricsRoutes({ world, clock, auth: (req) => auths.get(req)! }),
      ...contentRoutes({ world, clock, auth: (req) => auths.get(req)!, baseUrl: () => baseUrl }),
    ],
    authenticate,
    // Injected statuses in Graph's shape: 4 for a throttle, 2500 ("Unknown path components") for no such route.
    errorBody: (status, message) =>
      graphErrorBody(
        status === 429
          ? { code: 4, message: '(#4) Application request limit reached', isTransient: true }
          : { code: status === 404 ? 2500 : 1, message },
      ),
  });
  baseUrl = server.url;

  const accountPosts = (accountId: string): EmulatedPost[] =>
    world
      .mediaOf(accountId)
      .reverse()
      .map((m) => ({
        id: m.id,
        accountId: m.accountId,
        text: m.caption,
        media: m.media.map((x) => ({ ...x })),
        createdAt: new Date(m.timestamp).toISOString(),
        extra: {
          containerId: m.containerId,
          mediaType: m.mediaType,
          productType: m.productType,
          shortcode: m.shortcode,
        },
      }));

  return {
    platform: 'instagram',
    url: server.url,
    server,
    clock,
    tokens: longTokens,
    shortTokens,
    app,
    accounts: () => world.accounts.map((a) => ({ ...a })),
    // By default what Raize's consent asks for now; a test of an older connection passes the list it had.
    grant: (accountId, scope = [SCOPE_BASIC, SCOPE_PUBLISH, SCOPE_COMMENTS, SCOPE_INSIGHTS]) =>
      longTokens.issue(accountId, scope),
    settings: (overrides: Partial<PlatformSettings> = {}): PlatformSettings => ({
      baseUrl: server.url,
      publicUrl: server.url,
      timeoutMs: 5000,
      oauth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: 'http://127.0.0.1:4000/oauth/instagram/callback',
      },
      // The emulator's permalinks are on this machine, over plain http.
      allowLoopbackHttpLinks: true,
      ...overrides,
    }),
    posts: accountPosts,
    close: () => server.close(),
    setVideoProcessingPolls: (polls) => void (world.videoProcessingPolls = polls),
    setQuotaTotal: (total) => void (world.quotaTotal = total),
    quotaUsage: (accountId) => world.usage(accountId),
    blockActions: (accountId, blocked = true) =>
      void (blocked ? world.blocked.add(accountId) : world.blocked.delete(accountId)),
    setDownloadTimeoutMs: (ms) => void (world.downloadTimeoutMs = ms),
    setOldestVersion: (version) => void (oldest = version),
    loseNextPublishAnswer: (times = 1) => void (world.hangAfterPublish += times),
    nextGraphError: (error, options = {}) =>
      server.inject(
        { kind: 'status', status: error.status ?? 400, body: graphErrorBody(error) },
        { times: options.times, match: options.match },
      ),
    throttle: ({ code, regainMinutes, times }) => {
      const usage = {
        [world.accounts[0]!.id]: [
          {
            type: 'instagram',
            call_count: 100,
            total_cputime: 30,
            total_time: 30,
            estimated_time_to_regain_access: regainMinutes,
          },
        ],
      };
      server.inject(
        {
          kind: 'status',
          status: 400,
          headers: { 'x-business-use-case-usage': JSON.stringify(usage) },
          body: graphErrorBody({ code, message: `(#${code}) Application request limit reached`, isTransient: true }),
        },
        { times },
      );
    },
    containers: (accountId) =>
      [...world.containers.values()].filter((c) => c.accountId === accountId).sort((a, b) => a.createdAt - b.createdAt),
    revokeApp: (accountId) => {
      longTokens.revokeAccount(accountId);
      shortTokens.revokeAccount(accountId);
    },
    seedMention: (p) => {
      const m = world.mention({ ...p, inComment: p.in === 'comment' });
      return { mediaId: m.mediaId, ...(m.commentId ? { commentId: m.commentId } : {}) };
    },
  };
}
