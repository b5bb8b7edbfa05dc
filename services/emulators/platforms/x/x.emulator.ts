/**
 * The X API v2 emulator (test and demo infrastructure, never a production connector), built from X's public
 * reference; each route file cites its pages:
 * - x-oauth.routes.ts: https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code and
 *   https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token
 * - x-media.routes.ts: https://docs.x.com/x-api/media/quickstart/media-upload-chunked and the initialize, append,
 *   finalize and status references under https://docs.x.com/x-api/media/
 * - x-tweets.routes.ts: https://docs.x.com/x-api/posts/create-or-edit-post, .../posts/get-post-by-id,
 *   .../users/get-posts, .../users/get-my-user, https://docs.x.com/x-api/fundamentals/rate-limits
 * - x-problems.ts: https://docs.x.com/x-api/fundamentals/response-codes-and-errors
 * - x-emulator-text.ts: https://docs.x.com/resources/fundamentals/counting-characters
 * v2 has no dated versions (https://docs.x.com/x-api/introduction): `retireApi()` makes every v2 endpoint answer
 * 410 Gone, the way a retired endpoint stops answering.
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
import type { XUpload } from './x-emulator-state';
import { XEmulatorState } from './x-emulator-state';
import { xMediaRoutes } from './x-media.routes';
import { AUTHORIZE_PATH, TOKEN_PATH, xOAuthRoutes } from './x-oauth.routes';
import { problem, xProblemBody } from './x-problems';
import { xTweetRoutes } from './x-tweets.routes';

/** The scopes Raize asks for (and a consent grants by default here). */
export const X_EMULATOR_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];

export const X_EMULATOR_ACCOUNTS: EmulatedAccount[] = [
  { id: '1600000000000000001', handle: 'raize_brand', displayName: 'Raize Brand' },
  { id: '1600000000000000002', handle: 'other_brand', displayName: 'Other Brand' },
];

export interface XEmulator extends PlatformEmulator {
  /** status polls a video or GIF takes before it is processed (default 3) */
  setVideoPolls(n: number): void;
  /** the next finalized video or GIF ends `failed` */
  failNextProcessing(): void;
  /** every v2 endpoint answers 410 Gone (or answers again, with false) */
  retireApi(retired?: boolean): void;
  /** the per-user 15-minute limit of one endpoint, e.g. `POST /2/tweets` */
  setRateLimit(route: string, perWindow: number): void;
  /** posts per account per 24 hours */
  setUserDailyLimit(n: number): void;
  /** the next POST /2/tweets creates the post and never answers */
  loseNextPostAnswer(): void;
  /** chunks as they arrived */
  appends(): { mediaId: string; segment: number; bytes: number }[];
  statusPolls(): number;
  uploads(): XUpload[];
  reset(): void;
}

export async function startXEmulator(opts: PlatformEmulatorOptions = {}): Promise<XEmulator> {
  const app = opts.app ?? TEST_APP;
  const clock = new EmulatorClock();
  const tokens = new TokenBook(
    // 2-hour access tokens; refresh tokens rotate, with no documented lifetime.
    { prefix: 'xemu', accessTtlSeconds: 7200, refreshTtlSeconds: null, issueRefreshTokens: true, rotateRefresh: true },
    clock,
  );
  const consent = new ConsentDesk(app, clock);
  const state = new XEmulatorState(
    X_EMULATOR_ACCOUNTS.map((a) => ({ ...a })),
    clock,
  );
  const server = await EmulatorServer.start({
    name: 'x',
    port: opts.port,
    errorBody: (status, message) => xProblemBody(status, message),
    // Order: a retired API answers nothing else; each route checks its token and scopes itself.
    authenticate: (req) =>
      state.retired && req.path.startsWith('/2/') && req.path !== TOKEN_PATH
        ? problem(410, 'This endpoint has been retired and is no longer available.')
        : undefined,
    routes: [...xOAuthRoutes(state, consent, tokens), ...xMediaRoutes(state, tokens), ...xTweetRoutes(state, tokens)],
  });

  const posts = (accountId: string): EmulatedPost[] =>
    state.tweets
      .filter((t) => t.accountId === accountId)
      .map((t) => ({
        id: t.id,
        accountId: t.accountId,
        text: t.sentText,
        media: t.media.map((m) => ({ contentType: m.mediaType, sha256: m.sha256 ?? '', size: m.totalBytes })),
        createdAt: new Date(t.createdAt).toISOString(),
        extra: { shownText: t.shownText, mediaKeys: t.media.map((m) => m.mediaKey).join(',') },
      }));

  return {
    platform: 'x',
    url: server.url,
    server,
    clock,
    tokens,
    app,
    accounts: () => state.accounts,
    grant: (accountId: string, scope: string[] = X_EMULATOR_SCOPES): IssuedTokens => tokens.issue(accountId, scope),
    settings: (overrides: Partial<PlatformSettings> = {}): PlatformSettings => ({
      baseUrl: server.url,
      publicUrl: server.url,
      timeoutMs: 5000,
      oauth: {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: 'http://127.0.0.1:9/oauth/x/callback',
      },
      ...overrides,
    }),
    posts,
    close: () => server.close(),
    setVideoPolls: (n) => void (state.videoPolls = n),
    failNextProcessing: () => void (state.failNextProcessing = true),
    retireApi: (retired = true) => void (state.retired = retired),
    setRateLimit: (route, perWindow) => void (state.rateLimits[route] = perWindow),
    setUserDailyLimit: (n) => void (state.userDailyLimit = n),
    loseNextPostAnswer: () =>
      server.inject({ kind: 'custom', name: 'lose_answer' }, { match: { method: 'POST', path: '/2/tweets' } }),
    appends: () => [...state.appendLog],
    statusPolls: () => state.statusPolls,
    uploads: () => [...state.uploads.values()],
    reset: () => {
      state.reset();
      server.reset();
    },
  };
}

export { AUTHORIZE_PATH };
