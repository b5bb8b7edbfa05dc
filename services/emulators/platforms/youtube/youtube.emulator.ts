/**
 * YouTube Data API v3 + Google OAuth emulator (test and demo infrastructure, never a production connector), built
 * from the public reference:
 * - https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol
 * - https://developers.google.com/youtube/v3/docs/videos/insert, .../docs/videos/list, .../docs/videos (resource)
 * - https://developers.google.com/youtube/v3/docs/thumbnails/set
 * - https://developers.google.com/youtube/v3/docs/channels/list, .../docs/playlistItems/list
 * - https://developers.google.com/youtube/v3/docs/errors
 * - https://developers.google.com/youtube/v3/determine_quota_cost (10,000 units a day, reset at midnight Pacific;
 *   videos.insert 1,600, thumbnails.set 50, list calls 1)
 * - https://developers.google.com/identity/protocols/oauth2/web-server and .../oauth2#expiration
 * Each route file cites the pages it follows. API, uploads and OAuth share one port (settings() points the
 * connector's baseUrl, uploadBaseUrl and publicUrl at it).
 */
import type { PlatformSettings } from '../../../core/connectors/connector.types';
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
import type { YouTubeContext } from './youtube-context';
import { dataRoutes } from './youtube-data.routes';
import type { DocumentedReason } from './youtube-google-errors';
import { documented, errorForStatus } from './youtube-google-errors';
import { oauthRoutes } from './youtube-oauth.routes';
import { uploadRoutes } from './youtube-upload.routes';
import type { EmuVideo, YouTubeOperation } from './youtube-world';
import { YouTubeWorld } from './youtube-world';

export type { DocumentedReason } from './youtube-google-errors';
export type { YouTubeOperation } from './youtube-world';

export interface YouTubeEmulatorOptions extends PlatformEmulatorOptions {
  /** the project passed YouTube's API audit (default false: every upload is made private) */
  appAudited?: boolean;
  /** the project is in "Testing": refresh tokens die 7 days after consent */
  testingMode?: boolean;
  /** the project's daily units (default 10,000) */
  dailyQuota?: number;
}

export interface YouTubeEmulator extends PlatformEmulator {
  /** the next `times` calls of `op` answer this documented error (after authentication) */
  failNext(
    op: YouTubeOperation,
    reason: DocumentedReason,
    opts?: { headers?: Record<string, string>; times?: number },
  ): void;
  /** units spent today on the project's meter */
  quotaUsed(): number;
  setQuotaUsed(units: number): void;
  /** the `chunk`-th PUT of bytes from now never answers; `applyFirst`: it is stored before the silence */
  hangUploadChunk(p: { chunk: number; applyFirst: boolean }): void;
  /** every call under /youtube/v3 and /upload/youtube/v3 answers 410 (reason `deprecated`) */
  retireApiVersion(): void;
  /** the channel may not set custom thumbnails (thumbnails.set answers 403 forbidden) */
  denyCustomThumbnails(channelId: string): void;
  /** every open upload session is gone (404), as after a week */
  expireUploadSessions(): void;
  /** open upload sessions, all channels */
  uploadSessionCount(): number;
}

/** The scopes a grant carries unless a test says otherwise: the two the connector asks for. */
const DEFAULT_GRANT_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
];

/** The emulated project's seeded channels; their ids are the accounts' external ids. */
const SEED = [
  { id: 'UCraizeDemoBrand00000001', handle: '@raizedemobrand', title: 'Raize Demo Brand' },
  { id: 'UCraizeOtherBrand0000002', handle: '@raizeotherbrand', title: 'Raize Other Brand' },
];

export async function startYouTubeEmulator(opts: YouTubeEmulatorOptions = {}): Promise<YouTubeEmulator> {
  const clock = new EmulatorClock();
  const app = opts.app ?? TEST_APP;
  const world = new YouTubeWorld(clock, opts.appAudited === true, opts.dailyQuota ?? 10_000);
  for (const c of SEED) world.addChannel(c.id, c.handle, c.title);
  const tokens = new TokenBook(
    {
      prefix: 'ya29emu',
      // "expires_in": 3599 in Google's answers
      accessTtlSeconds: 3599,
      refreshTtlSeconds: opts.testingMode ? 7 * 24 * 3600 : null,
      issueRefreshTokens: true,
      rotateRefresh: false,
    },
    clock,
  );
  let url = '';
  const ctx: YouTubeContext = {
    world,
    tokens,
    desk: new ConsentDesk(app, clock),
    app,
    baseUrl: () => url,
    hangs: new Set(),
  };
  const server = await EmulatorServer.start({
    name: 'youtube',
    port: opts.port,
    errorBody: errorForStatus,
    // A retired version answers before anything else looks at the request; each route checks its own token.
    authenticate: (req) =>
      world.retired && (req.path.startsWith('/youtube/v3/') || req.path.startsWith('/upload/youtube/v3/'))
        ? documented('deprecated')
        : undefined,
    routes: [...oauthRoutes(ctx), ...dataRoutes(ctx), ...uploadRoutes(ctx)],
  });
  url = server.url;

  const toPost = (v: EmuVideo): EmulatedPost => ({
    id: v.id,
    accountId: v.channelId,
    text: v.description,
    media: [v.media, ...(v.thumbnail ? [v.thumbnail] : [])],
    createdAt: v.publishedAt,
    extra: { title: v.title, privacyStatus: v.privacyStatus, uploadStatus: v.uploadStatus, categoryId: v.categoryId },
  });

  return {
    platform: 'youtube',
    url,
    server,
    clock,
    tokens,
    app,
    accounts: (): EmulatedAccount[] =>
      [...world.channels.values()].map((c) => ({ id: c.id, handle: c.handle, displayName: c.title })),
    grant: (accountId: string, scope?: string[]): IssuedTokens =>
      tokens.issue(accountId, scope ?? [...DEFAULT_GRANT_SCOPES]),
    settings: (overrides: Partial<PlatformSettings> = {}): PlatformSettings => ({
      baseUrl: url,
      uploadBaseUrl: url,
      publicUrl: url,
      timeoutMs: 5000,
      oauth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: 'http://127.0.0.1/oauth/youtube/callback',
      },
      appAudited: opts.appAudited === true,
      appInTesting: opts.testingMode === true,
      dailyQuota: opts.dailyQuota,
      ...overrides,
    }),
    posts: (accountId: string): EmulatedPost[] =>
      [...(world.uploads.get(accountId) ?? [])]
        .reverse()
        .map((id) => world.videos.get(id)!)
        .map(toPost),
    failNext: (op, reason, o = {}) => world.failNext(op, reason, o.headers, o.times ?? 1),
    quotaUsed: () => world.usedQuota(),
    setQuotaUsed: (units) => world.setQuotaUsed(units),
    hangUploadChunk: (p) => world.hangChunk(p),
    retireApiVersion: () => void (world.retired = true),
    denyCustomThumbnails: (channelId) => {
      const c = world.channels.get(channelId);
      if (c) c.customThumbnails = false;
    },
    expireUploadSessions: () => world.expireSessions(),
    uploadSessionCount: () => world.sessions.size,
    async close() {
      await server.close();
      // Held requests resolve into sockets that are already closed: nothing reaches a client.
      for (const release of ctx.hangs) release();
      ctx.hangs.clear();
    },
  };
}
