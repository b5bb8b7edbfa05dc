/**
 * Facebook Pages emulator (test and demo infrastructure, never a production connector), built from Meta's public
 * reference pages:
 * - https://developers.facebook.com/documentation/pages-api/posts and https://developers.facebook.com/docs/pages/getting-started
 * - https://developers.facebook.com/docs/graph-api/photo-uploads, …/graph-api/reference/page/photos, …/page/videos,
 *   …/page/feed, …/reference/debug_token, …/reference/video-status
 * - https://developers.facebook.com/docs/video-api/guides/publishing and …/video-api/reference/error-codes
 * - https://developers.facebook.com/docs/graph-api/guides/error-handling (error body, codes 1, 2, 4, 10, 17, 190 with
 *   subcodes 458/460/463/467/492, 200-299, 368, 506, 1609005)
 * - https://developers.facebook.com/docs/graph-api/overview/rate-limiting (x-app-usage, x-page-usage,
 *   x-business-use-case-usage with estimated_time_to_regain_access; Page tokens count against BUC limits)
 * - https://developers.facebook.com/docs/graph-api/changelog (versions and the day each becomes unavailable)
 * - https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow, …/advanced/oidc-token
 *   (PKCE) and …/facebook-login/guides/access-tokens/get-long-lived
 *
 * Routes live in facebook-login.routes.ts and facebook-content.routes.ts; what every Graph call shares (version,
 * token, appsecret_proof, call budget, usage headers) in facebook-graph-route.ts.
 */
import type { PlatformSettings } from '../../../core/connectors/connector.types';
import type { FaultMatch } from '../../emulator-server';
import { EmulatorServer } from '../../emulator-server';
import { ConsentDesk } from '../kit/consent';
import { EmulatorClock } from '../kit/emulator-clock';
import type { IssuedTokens } from '../kit/token-book';
import type {
  EmulatedAccount,
  EmulatedPost,
  PlatformEmulator,
  PlatformEmulatorOptions,
} from '../kit/platform-emulator';
import { TEST_APP } from '../kit/platform-emulator';
import type { ContentOptions } from './facebook-content.routes';
import { contentRoutes } from './facebook-content.routes';
import type { FacebookFault, ThrottleScope } from './facebook-graph-errors';
import { FACEBOOK_FAULTS, graphErrorBodyFor, throttleError } from './facebook-graph-errors';
import type { GraphSettings } from './facebook-graph-route';
import { insightsRoutes } from './facebook-insights.routes';
import { loginRoutes } from './facebook-login.routes';
import type { CodeChoices } from './facebook-login.routes';
import type { FbPhoto } from './facebook-world';
import { FacebookWorld } from './facebook-world';

export interface FacebookEmulatorOptions extends PlatformEmulatorOptions {
  /** refuse calls without appsecret_proof, as an app with "Require App Secret" does (default true) */
  requireAppSecretProof?: boolean;
  /** Page calls per rolling hour before 80001 (default 4800) */
  pageCallLimit?: number;
  /** the largest page a list serves (default 100, as Graph); lower it to make tests walk paging.next */
  maxPageSize?: number;
}

export interface FacebookEmulator extends PlatformEmulator {
  readonly world: FacebookWorld;
  /** the people who can log in (each has roles on some Pages) */
  users(): { id: string; name: string; pages: Record<string, string[]> }[];
  /**
   * The dialog as a browser completes it: log in as `user`, keep `pages` ticked (default: all the person's Pages),
   * decline `decline` permissions. Returns the redirect (with `code` and `state`, or `error`).
   */
  consent(
    authorizeUrl: string,
    choice: { user: string; pages?: string[]; decline?: string[]; deny?: boolean },
  ): Promise<URL>;
  /** the next matching call answers this documented Graph error */
  failNext(fault: FacebookFault, match?: FaultMatch, times?: number): void;
  /** the next matching call is throttled: code 4 (app), 17 (user), 32 (Page) or 80001 (BUC), regaining in `minutes` */
  throttleNext(scope: ThrottleScope, minutes: number, match?: FaultMatch): void;
  /** the next matching write is applied, then its answer never leaves (the client's deadline fires) */
  loseNextAnswer(match: FaultMatch): void;
  /** polls of GET /{video-id} a new video stays `processing`; `fail` makes the next video end in `error` */
  videoProcessing(polls: number, fail?: boolean): void;
  /** Page calls allowed per rolling hour before 80001 */
  setPageCallLimit(calls: number): void;
  /** refuse this Graph version from now on (#2635) */
  retireVersion(version: string): void;
  /** the person changed their password (460), logged out (467) or removed the app (458) */
  revokeUser(userId: string, subcode?: 458 | 460 | 467): void;
  setTasks(userId: string, pageId: string, tasks: string[]): void;
  /** the Page's photos, published or not (orphans of lost answers included) */
  photos(pageId: string): FbPhoto[];
}

export async function startFacebookEmulator(opts: FacebookEmulatorOptions = {}): Promise<FacebookEmulator> {
  const clock = new EmulatorClock();
  const world = new FacebookWorld(clock);
  const app = opts.app ?? TEST_APP;
  const desk = new ConsentDesk(app, clock);
  const choices: CodeChoices = new Map();
  const s: GraphSettings = {
    world,
    app,
    retired: new Set(),
    requireAppSecretProof: opts.requireAppSecretProof ?? true,
    pageCallLimit: opts.pageCallLimit ?? 4800,
    held: new Set(),
    pageCalls: new Map(),
  };
  const content: ContentOptions = {
    videoProcessingPolls: 2,
    failNextVideo: false,
    maxVideoBytes: 1024 * 1024 * 1024,
    maxPageSize: opts.maxPageSize ?? 100,
  };
  const server = await EmulatorServer.start({
    name: 'facebook',
    port: opts.port,
    routes: [...loginRoutes(s, desk, choices), ...insightsRoutes(s), ...contentRoutes(s, content)],
    errorBody: graphErrorBodyFor,
  });

  const inject = (reply: ReturnType<typeof throttleError>, match?: FaultMatch, times = 1) =>
    server.inject({ kind: 'status', status: reply.status, headers: reply.headers, body: reply.json }, { match, times });

  return {
    platform: 'facebook',
    url: server.url,
    server,
    clock,
    tokens: world.pageTokens,
    app,
    world,
    accounts: (): EmulatedAccount[] =>
      [...world.pages.values()].map(({ id, handle, displayName }) => ({ id, handle, displayName })),
    users: () => [...world.users.values()].map((u) => ({ id: u.id, name: u.name, pages: Object.fromEntries(u.roles) })),
    // By default what Raize's consent asks for now (read_insights included); a test of a connection made before
    // Raize asked for insights passes the older list.
    grant(
      pageId: string,
      scope: string[] = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'read_insights'],
    ): IssuedTokens {
      const user = [...world.users.values()].find((u) => u.roles.get(pageId)?.includes('CREATE_CONTENT'));
      if (!user) throw new Error(`no seeded person may publish on Page ${pageId}`);
      world.grants.set(user.id, { pages: [pageId], scopes: scope, declined: [] });
      const long = world.longUserTokens.issue(user.id, scope);
      return {
        accessToken: world.issuePageToken(user.id, pageId, scope),
        refreshToken: long.accessToken,
        expiresIn: null,
        refreshExpiresIn: long.expiresIn,
        scope,
      };
    },
    settings: (overrides: Partial<PlatformSettings> = {}): PlatformSettings => ({
      baseUrl: server.url,
      publicUrl: server.url,
      oauth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: 'http://127.0.0.1:4000/oauth/facebook/callback',
      },
      ...overrides,
    }),
    posts: (pageId: string): EmulatedPost[] => world.emulatedPosts(pageId),
    async consent(authorizeUrl, choice) {
      const u = new URL(authorizeUrl);
      const form = new URLSearchParams(choice.deny ? { deny: '1' } : { account: choice.user });
      for (const p of choice.pages ?? []) form.append('pages', p);
      for (const d of choice.decline ?? []) form.append('decline', d);
      const res = await fetch(`${server.url}${u.pathname}${u.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        redirect: 'manual',
      });
      await res.arrayBuffer();
      const location = res.headers.get('location');
      if (res.status !== 302 || !location) throw new Error(`the Facebook dialog answered ${res.status}`);
      return new URL(location);
    },
    failNext: (fault, match, times) => inject(FACEBOOK_FAULTS[fault](), match, times),
    throttleNext: (scope, minutes, match) => inject(throttleError(scope, [...world.pages.keys()][0]!, minutes), match),
    loseNextAnswer: (match) => server.inject({ kind: 'custom', name: 'lose_answer' }, { match }),
    videoProcessing(polls, fail = false) {
      content.videoProcessingPolls = polls;
      content.failNextVideo = fail;
    },
    setPageCallLimit: (calls) => void (s.pageCallLimit = calls),
    retireVersion: (version) => s.retired.add(version),
    revokeUser: (userId, subcode = 460) => world.revokeUser(userId, subcode),
    setTasks(userId, pageId, tasks) {
      const user = world.users.get(userId);
      if (!user) throw new Error(`no seeded person ${userId}`);
      if (tasks.length) user.roles.set(pageId, tasks);
      else user.roles.delete(pageId);
    },
    photos: (pageId) => [...world.photos.values()].filter((p) => p.pageId === pageId),
    async close() {
      for (const release of s.held) release();
      s.held.clear();
      await server.close();
    },
  };
}
