/**
 * LinkedIn emulator (test and demo infrastructure, never a production connector), built from LinkedIn's public
 * reference on learn.microsoft.com; each routes file cites its pages:
 * - linkedin-oauth.routes.ts: the authorization-code flow, programmatic refresh tokens, token introspection
 * - linkedin-rest.routes.ts: /v2/userinfo, organizationAcls, organizations, the Posts API
 * - linkedin-media.routes.ts: the Images and Videos APIs (initializeUpload, PUT parts, finalizeUpload, status)
 * - linkedin-problems.ts: error bodies, the 426 of a retired version, daily throttles
 * - https://learn.microsoft.com/en-us/linkedin/marketing/versioning: every /rest/ call carries `Linkedin-Version:
 *   YYYYMM` (there is no default) and `X-Restli-Protocol-Version: 2.0.0`; a retired version answers 426
 *
 * Beyond the pages: the custom fault `lose_answer` applies a request and then never answers it (the answer lost after
 * LinkedIn acted), unlike the skeleton's `drop`, which cuts the connection before the request is handled.
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
import { analyticsRoutes } from './linkedin-analytics.routes';
import { parseCommentary } from './linkedin-commentary';
import { mediaRoutes } from './linkedin-media.routes';
import { oauthRoutes } from './linkedin-oauth.routes';
import {
  dailyThrottle,
  errorBodyFor,
  protocolMissing,
  versionInvalid,
  versionMissing,
  versionRetired,
} from './linkedin-problems';
import { restRoutes } from './linkedin-rest.routes';
import type { Asset, Member, Organization } from './linkedin-world';
import { LinkedInWorld } from './linkedin-world';

/** Access tokens: 60 days. Programmatic refresh tokens: 365 days from the first consent, not extended. */
export const LINKEDIN_ACCESS_TTL_SECONDS = 60 * 24 * 3600;
export const LINKEDIN_REFRESH_TTL_SECONDS = 365 * 24 * 3600;

export interface LinkedInEmulator extends PlatformEmulator {
  /** the seeded members (Ada administers Acme; Grace is a content admin of Globex and an analyst of Acme) */
  members(): Member[];
  organizations(): Organization[];
  /** add a member's role on a Page; `revokeRoles` takes them all away */
  grantRole(memberUrn: string, organizationUrn: string, role: string): void;
  revokeRoles(memberUrn: string, organizationUrn: string): void;
  /** every media asset initialized, in order */
  assets(): Asset[];
  /** a post made on LinkedIn itself (not through the API), for reading and paging tests */
  seedPost(author: string, text: string, createdAt?: Date): EmulatedPost;
  /** LinkedIn no longer serves this version: every /rest/ call with it answers 426 */
  retireVersion(version: string): void;
  /** a finished upload answers PROCESSING to this many status polls */
  setProcessingPolls(p: { image?: number; video?: number }): void;
  /** the next asset of this kind ends PROCESSING_FAILED */
  failNextProcessing(kind: 'image' | 'video'): void;
  /** video parts of this size (default 4 MiB), so tests can take the multi-part path with small files */
  setVideoPartBytes(bytes: number): void;
  /** initializeUpload hands out upload URLs on another origin */
  setUploadOrigin(origin: string | null): void;
  /** the app has programmatic refresh tokens (default true) */
  setProgrammaticRefresh(on: boolean): void;
  /** the author finder lists posts only this long after they were made */
  setFinderLag(ms: number): void;
  /** the next `times` calls matching answer 429 with the daily throttle of the application or the member */
  throttleDaily(who: 'APPLICATION' | 'MEMBER', match?: { path?: string; method?: string }, times?: number): void;
  /** the next `times` requests matching `path` are applied, then never answered */
  loseAnswer(path: string, method?: string, times?: number): void;
}

export async function startLinkedInEmulator(opts: PlatformEmulatorOptions = {}): Promise<LinkedInEmulator> {
  const app = opts.app ?? TEST_APP;
  const clock = new EmulatorClock();
  const world = new LinkedInWorld(clock);
  const tokens = new TokenBook(
    {
      prefix: 'li',
      accessTtlSeconds: LINKEDIN_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: LINKEDIN_REFRESH_TTL_SECONDS,
      issueRefreshTokens: true,
      rotateRefresh: false,
    },
    clock,
  );
  const desk = new ConsentDesk(app, clock);
  const hanging: (() => void)[] = [];
  let baseUrl = '';
  const now = () => clock.now();
  const routeTable: EmulatorRoute[] = [];
  const server = await EmulatorServer.start({
    name: 'linkedin',
    port: opts.port,
    errorBody: errorBodyFor,
    routes: routeTable,
    authenticate(req): EmulatorReply | undefined {
      if (!req.path.startsWith('/rest/')) return undefined;
      const version = req.headers['linkedin-version'];
      if (!version) return versionMissing();
      if (!/^\d{6}(\.\d{2})?$/.test(version)) return versionInvalid();
      if (world.retired.has(version.slice(0, 6))) return versionRetired(version);
      if (req.headers['x-restli-protocol-version'] !== '2.0.0') return protocolMissing();
      return undefined;
    },
  });
  baseUrl = server.url;
  routeTable.push(
    ...[
      ...oauthRoutes({ world, tokens, desk, app }),
      ...restRoutes({ world, tokens, now }),
      ...analyticsRoutes({ world, tokens, now }),
      ...mediaRoutes({ world, tokens, url: () => baseUrl, now }),
    ].map((r): EmulatorRoute => ({
      ...r,
      async handle(req) {
        const reply = await r.handle(req);
        if (req.fault?.kind !== 'custom' || req.fault.name !== 'lose_answer') return reply;
        // Applied above; the answer never leaves (until close() cuts the connection).
        return new Promise<EmulatorReply>((resolve) => hanging.push(() => resolve(reply)));
      },
    })),
  );

  const member = (urn: string): Member => {
    const m = world.member(urn);
    if (!m) throw new Error(`no emulated LinkedIn member ${urn}`);
    return m;
  };
  return {
    platform: 'linkedin',
    url: server.url,
    server,
    clock,
    tokens,
    app,
    accounts: (): EmulatedAccount[] =>
      world.members.map((m) => ({ id: m.urn, handle: m.sub, displayName: `${m.givenName} ${m.familyName}` })),
    grant: (
      accountId: string,
      scope: string[] = ['openid', 'profile', 'w_member_social', 'r_member_social'],
    ): IssuedTokens => tokens.issue(member(accountId).urn, scope),
    settings: (overrides: Partial<PlatformSettings> = {}): PlatformSettings => ({
      baseUrl: server.url,
      publicUrl: server.url,
      timeoutMs: 2_000,
      oauth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: 'http://127.0.0.1:9/oauth/linkedin/callback',
      },
      ...overrides,
    }),
    posts: (accountId: string) =>
      world.posts
        .filter((p) => p.author === accountId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((p) => world.emulated(p)),
    members: () => [...world.members],
    organizations: () => [...world.organizations],
    grantRole: (m, o, role) => world.grantRole(m, o, role),
    revokeRoles: (m, o) => world.revokeRoles(m, o),
    assets: () => [...world.assets.values()],
    seedPost(author, text, createdAt) {
      const parsed = parseCommentary(text);
      return world.emulated(
        world.addPost(
          {
            author,
            commentary: parsed.stored,
            plain: parsed.plain,
            truncated: parsed.truncated,
            visibility: 'PUBLIC',
            lifecycleState: 'PUBLISHED',
            feedDistribution: 'MAIN_FEED',
            media: [],
            createdAt: (createdAt ?? new Date(clock.now())).getTime(),
          },
          false,
        ),
      );
    },
    retireVersion: (version) => void world.retired.add(version),
    setProcessingPolls: (p) => void (world.processing = { ...world.processing, ...p }),
    failNextProcessing: (kind) => void (world.failNext = kind),
    setVideoPartBytes: (bytes) => void (world.videoPartBytes = bytes),
    setUploadOrigin: (origin) => void (world.uploadOrigin = origin),
    setProgrammaticRefresh: (on) => void (world.refreshTokens = on),
    setFinderLag: (ms) => void (world.finderLagMs = ms),
    throttleDaily: (who, match, times = 1) =>
      server.inject({ kind: 'status', status: 429, body: dailyThrottle(who).json }, { times, match }),
    loseAnswer: (path, method = 'POST', times = 1) =>
      server.inject({ kind: 'custom', name: 'lose_answer' }, { times, match: { path, method } }),
    async close() {
      await server.close();
      for (const release of hanging.splice(0)) release();
    },
  };
}
