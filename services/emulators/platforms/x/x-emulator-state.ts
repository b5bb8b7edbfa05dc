import { createHash, randomBytes } from 'node:crypto';
import type { EmulatedAccount } from '../kit/platform-emulator';
import type { EmulatorClock } from '../kit/emulator-clock';
import type { EmulatedUrlEntity } from './x-emulator-text';

export type XUploadCategory = 'tweet_image' | 'tweet_gif' | 'tweet_video';
export type XProcessingState = 'pending' | 'in_progress' | 'succeeded' | 'failed';

/** One media upload session (https://docs.x.com/x-api/media/quickstart/media-upload-chunked). */
export interface XUpload {
  id: string;
  mediaKey: string;
  accountId: string;
  mediaType: string;
  category: XUploadCategory;
  totalBytes: number;
  segments: Map<number, Buffer>;
  finalized: boolean;
  /** undefined for images: ready at finalize, no processing_info */
  state?: XProcessingState;
  pollsLeft: number;
  failProcessing: boolean;
  expiresAt: number;
  sha256?: string;
}

export interface XStoredTweet {
  id: string;
  accountId: string;
  /** the text as it was sent */
  sentText: string;
  /** the text as X shows it: t.co links, HTML entities, the media link */
  shownText: string;
  urls: EmulatedUrlEntity[];
  media: XUpload[];
  createdAt: number;
}

/** A 15-minute window per account and endpoint (https://docs.x.com/x-api/fundamentals/rate-limits). */
export const RATE_WINDOW_MS = 15 * 60 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/** Per-user limits per 15 minutes, from the endpoints' reference pages. */
export const DEFAULT_RATE_LIMITS: Record<string, number> = {
  'POST /2/tweets': 100,
  'GET /2/users/me': 75,
  'GET /2/tweets/:id': 900,
  'GET /2/users/:id/tweets': 900,
  'POST /2/media/upload': 500,
  'GET /2/media/upload': 1000,
};

/** What the emulated X holds, and the knobs tests turn. */
export class XEmulatorState {
  readonly uploads = new Map<string, XUpload>();
  readonly tweets: XStoredTweet[] = [];
  /** what arrived, in order: tests assert chunk order and the number of status polls */
  readonly appendLog: { mediaId: string; segment: number; bytes: number }[] = [];
  statusPolls = 0;
  /** status polls a video or GIF takes before it is processed */
  videoPolls = 3;
  failNextProcessing = false;
  /** every v2 endpoint answers 410 Gone: the API the connector speaks was retired */
  retired = false;
  /** posts per account per 24 hours that POST /2/tweets accepts (X's x-user-limit-24hour) */
  userDailyLimit = 100;
  readonly rateLimits = { ...DEFAULT_RATE_LIMITS };
  private readonly windows = new Map<string, { start: number; used: number }>();
  // Grows with time like a snowflake id, so a restarted emulator never repeats an id it gave before.
  private lastId = BigInt(Date.now() - 1_288_834_974_657) << 22n;

  constructor(
    readonly accounts: EmulatedAccount[],
    readonly clock: EmulatorClock,
  ) {}

  /** Snowflake-like ids: numeric strings that grow with time, so newest-first is id order. */
  nextId(): string {
    this.lastId += BigInt(1 + Math.floor(Math.random() * 4096));
    return this.lastId.toString();
  }

  account(id: string): EmulatedAccount | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  /** X keeps created_at to the second. */
  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000) * 1000;
  }

  /** Counts one call against the account's window; the headers X sends either way. */
  spend(accountId: string, route: string): { ok: boolean; headers: Record<string, string> } {
    const limit = this.rateLimits[route] ?? 900;
    const key = `${accountId} ${route}`;
    const now = this.clock.now();
    let w = this.windows.get(key);
    if (!w || now >= w.start + RATE_WINDOW_MS) this.windows.set(key, (w = { start: now, used: 0 }));
    const ok = w.used < limit;
    if (ok) w.used += 1;
    return {
      ok,
      headers: {
        'x-rate-limit-limit': String(limit),
        'x-rate-limit-remaining': String(Math.max(0, limit - w.used)),
        'x-rate-limit-reset': String(Math.ceil((w.start + RATE_WINDOW_MS) / 1000)),
      },
    };
  }

  /** The account's posts in the last 24 hours, oldest first, and when the oldest leaves the window. */
  postsInDay(accountId: string): { count: number; resetsAt: number } {
    const since = this.clock.now() - DAY_MS;
    const day = this.tweets.filter((t) => t.accountId === accountId && t.createdAt > since);
    return { count: day.length, resetsAt: (day[0]?.createdAt ?? this.clock.now()) + DAY_MS };
  }

  reset(): void {
    this.uploads.clear();
    this.tweets.length = 0;
    this.appendLog.length = 0;
    this.windows.clear();
    this.statusPolls = 0;
    this.videoPolls = 3;
    this.failNextProcessing = false;
    this.retired = false;
    this.userDailyLimit = 100;
    Object.assign(this.rateLimits, DEFAULT_RATE_LIMITS);
  }
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const transactionId = () => randomBytes(8).toString('hex');
