/**
 * TikTok emulator (test and demo infrastructure, never a production connector), built from TikTok for Developers'
 * public reference; each routes file cites its pages:
 * - tiktok-oauth.routes.ts: Login Kit (authorize dialog, PKCE in TikTok's hex form, /v2/oauth/token/)
 * - tiktok-publish.routes.ts: Content Posting API (creator_info, video/init, inbox/video/init, chunked PUT upload,
 *   status/fetch), with its rate limits, chunk rules, caps and unaudited-client restrictions
 * - tiktok-display.routes.ts: Display API (user/info, video/list, video/query)
 * - https://developers.tiktok.com/doc/tiktok-api-v2-error-handling: `{data, error:{code,message,log_id}}` bodies
 * - https://developers.tiktok.com/doc/oauth-user-access-token-management: access tokens 2 h, refresh tokens 180 days
 *   (older pages: 24 h and 365 days), rotated on refresh
 *
 * Beyond the pages: a retired API version (TikTok documents no answer for one) is emulated as 410 Gone on every
 * `/v2/` path; the custom fault `lose_answer` applies a request and then never answers it (the answer lost after
 * the platform acted), unlike the skeleton's `drop`, which cuts the connection before the request is handled.
 */
import type { PlatformSettings } from '../../../core/connectors/connector.types';
import type { EmulatorReply, EmulatorRoute } from '../../emulator-server';
import { EmulatorServer } from '../../emulator-server';
import { ConsentDesk } from '../kit/consent';
import { EmulatorClock } from '../kit/emulator-clock';
import type {
  EmulatedAccount,
  EmulatedPost,
  PlatformEmulator,
  PlatformEmulatorOptions,
} from '../kit/platform-emulator';
import { TEST_APP } from '../kit/platform-emulator';
import type { IssuedTokens } from '../kit/token-book';
import { TokenBook } from '../kit/token-book';
import { displayRoutes } from './tiktok-display.routes';
import { errorFor, fail } from './tiktok-emulator.wire';
import type { Creator, PrivacyLevel, Publish } from './tiktok-emulator.world';
import { TikTokWorld } from './tiktok-emulator.world';
import { KNOWN_SCOPES, oauthRoutes } from './tiktok-oauth.routes';
import { publishRoutes } from './tiktok-publish.routes';

export const TIKTOK_ACCESS_TTL_SECONDS = 2 * 3600;
export const TIKTOK_REFRESH_TTL_SECONDS = 180 * 24 * 3600;

export interface TikTokEmulator extends PlatformEmulator {
  /** the creators behind the seeded accounts: flip them private, shorten their max duration, ban them */
  creator(accountId: string): Creator;
  /** drafts delivered to the creator's inbox, oldest first */
  drafts(accountId: string): EmulatedPost[];
  /** every publish started, oldest first (status, mode, bytes received) */
  publishes(): Publish[];
  /** the app passed TikTok's audit (default true); unaudited: SELF_ONLY, private accounts, 5 creators a day */
  setAppAudited(audited: boolean): void;
  setDailyPostCap(posts: number): void;
  setActiveCreatorCap(creators: number): void;
  /** a finished upload answers PROCESSING to `polls` status polls or for `seconds` on the clock, whichever ends first */
  setProcessing(p: { polls?: number; seconds?: number }): void;
  /** the next publish ends FAILED with this fail_reason */
  failNextPublish(reason: string): void;
  /** the API version is retired: every /v2/ path answers 410 */
  retireVersion(retired?: boolean): void;
  /** post ids go out as JSON numbers (rounded by JSON.parse past 2^53) */
  sendPostIdsAsNumbers(on: boolean): void;
  /** init hands out upload URLs on another origin */
  setUploadOrigin(origin: string | null): void;
  /** a post made in the TikTok app (not through the API), for reading and paging tests */
  seedPost(accountId: string, text: string, o?: { privacyLevel?: PrivacyLevel; createdAt?: Date }): EmulatedPost;
  /** the next `times` requests matching `path` are applied, then never answered */
  loseAnswer(path: string, method?: string, times?: number): void;
}

export async function startTikTokEmulator(opts: PlatformEmulatorOptions = {}): Promise<TikTokEmulator> {
  const app = opts.app ?? TEST_APP;
  const clock = new EmulatorClock();
  const world = new TikTokWorld(clock);
  const tokens = new TokenBook(
    {
      prefix: 'tt',
      accessTtlSeconds: TIKTOK_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: TIKTOK_REFRESH_TTL_SECONDS,
      issueRefreshTokens: true,
      rotateRefresh: true,
    },
    clock,
  );
  const desk = new ConsentDesk(app, clock);
  const hanging: (() => void)[] = [];
  let baseUrl = '';
  const routes = (): EmulatorRoute[] =>
    [
      ...oauthRoutes({ world, tokens, desk, app }),
      ...publishRoutes({ world, tokens, url: baseUrl }),
      ...displayRoutes({ world, tokens }),
    ].map((r) => ({
      ...r,
      async handle(req) {
        const reply = await r.handle(req);
        if (req.fault?.kind !== 'custom' || req.fault.name !== 'lose_answer') return reply;
        // Applied above; the answer never leaves (until close() cuts the connection).
        return new Promise<EmulatorReply>((resolve) => hanging.push(() => resolve(reply)));
      },
    }));
  // Routes need the emulator's own URL (upload_url), known only once it listens: they read it at request time.
  const routeTable: EmulatorRoute[] = [];
  const server = await EmulatorServer.start({
    name: 'tiktok',
    port: opts.port,
    errorBody: errorFor,
    routes: routeTable,
    authenticate(req) {
      if (world.retired && req.path.startsWith('/v2/'))
        return fail(410, 'api_version_retired', 'This API version is no longer served.');
      return undefined;
    },
  });
  baseUrl = server.url;
  routeTable.push(...routes());

  const creator = (accountId: string): Creator => {
    const c = world.creator(accountId);
    if (!c) throw new Error(`no emulated TikTok account ${accountId}`);
    return c;
  };
  return {
    platform: 'tiktok',
    url: server.url,
    server,
    clock,
    tokens,
    app,
    accounts: (): EmulatedAccount[] =>
      world.creators.map((c) => ({ id: c.openId, handle: `@${c.username}`, displayName: c.nickname })),
    grant: (accountId: string, scope: string[] = [...KNOWN_SCOPES]): IssuedTokens =>
      tokens.issue(creator(accountId).openId, scope),
    settings: (overrides: Partial<PlatformSettings> = {}): PlatformSettings => ({
      baseUrl: server.url,
      publicUrl: server.url,
      timeoutMs: 2_000,
      appAudited: world.audited,
      oauth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: 'http://127.0.0.1:9/oauth/tiktok/callback',
      },
      ...overrides,
    }),
    posts: (accountId: string) => world.posts.filter((p) => p.accountId === accountId),
    drafts: (accountId: string) => world.drafts.filter((p) => p.accountId === accountId),
    publishes: () => [...world.publishes.values()],
    creator,
    setAppAudited: (audited) => void (world.audited = audited),
    setDailyPostCap: (posts) => void (world.dailyPostCap = posts),
    setActiveCreatorCap: (creators) => void (world.activeCreatorCap = creators),
    setProcessing: (p) => void (world.processing = { ...world.processing, ...p }),
    failNextPublish: (reason) => void (world.nextFailReason = reason),
    retireVersion: (retired = true) => void (world.retired = retired),
    sendPostIdsAsNumbers: (on) => void (world.numericPostIds = on),
    setUploadOrigin: (origin) => void (world.uploadOrigin = origin),
    seedPost: (accountId, text, o = {}) =>
      world.seedPost(
        creator(accountId).openId,
        text,
        o.privacyLevel ?? 'PUBLIC_TO_EVERYONE',
        (o.createdAt ?? new Date(clock.now())).getTime(),
      ),
    loseAnswer: (path, method = 'POST', times = 1) =>
      server.inject({ kind: 'custom', name: 'lose_answer' }, { times, match: { path, method } }),
    async close() {
      await server.close();
      for (const release of hanging.splice(0)) release();
    },
  };
}
