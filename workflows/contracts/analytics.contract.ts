/**
 * The analytics episode (issue #14): once a day a Temporal Schedule per account runs this short workflow, which
 * reads the account's figures and those of its posts published in the last ANALYTICS_POST_WINDOW_DAYS days from the
 * platform (read-only calls: no guard) and stores them per UTC day; a second run the same day replaces that day's
 * readings. Ids only in inputs, results and the schedule (C-05).
 */
export const ANALYTICS_WORKFLOW_TYPE = 'accountAnalyticsWorkflow';

/** How far back a post's figures are still read: after that its last reading stands as its total. */
export const ANALYTICS_POST_WINDOW_DAYS = 30;
/** Posts read per activity call: each call heartbeats, and a rate limit retries only the batch it hit. */
export const ANALYTICS_POST_BATCH = 20;
/** At most this many posts per account and run (a month of posts at a few a day). */
export const ANALYTICS_MAX_POSTS = 300;

export interface AnalyticsInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  /** YYYY-MM-DD (UTC) the readings are stored under; absent: the day the run starts */
  day?: string;
}

/** One Schedule per account; the id embeds the client (C-05) and carries no PII. Its runs are `<id>-<time>`. */
export function analyticsScheduleId(clientId: string, platformAccountId: string): string {
  return `analytics-${clientId}-${platformAccountId}`;
}

/** A run started by hand (tests, an operator's backfill): one per account and day. */
export function analyticsWorkflowId(clientId: string, platformAccountId: string, day: string): string {
  return `analytics-${clientId}-${platformAccountId}-${day}`;
}

/**
 * Why a run read nothing: the account is not connected (disconnected, quarantined, or waiting for a reconnect), or
 * its platform's connector reads no analytics.
 */
export const ANALYTICS_SKIPS = ['account_not_live', 'no_metrics_reader'] as const;
export type AnalyticsSkip = (typeof ANALYTICS_SKIPS)[number];

/** The platform refused the account's token: the account is marked needs_reconnect and the run stops. */
export const ANALYTICS_STOP = 'token_refused';

export interface AnalyticsPostRef {
  publishJobId: string;
  platformPostId: string;
}

/** What the first activity found: the day, and the posts to read (or why there is nothing to read). */
export interface AnalyticsPlan {
  day: string;
  skipped?: AnalyticsSkip;
  posts: AnalyticsPostRef[];
}

export interface AccountCollectInput extends AnalyticsInput {
  day: string;
}

export interface PostsCollectInput extends AccountCollectInput {
  posts: AnalyticsPostRef[];
}

export interface AccountCollectResult {
  /** stored: a row for the day; not_given: the platform gave no figure; failed: the read failed for good */
  account: 'stored' | 'not_given' | 'failed';
  stopped?: typeof ANALYTICS_STOP;
}

export interface PostsCollectResult {
  /** posts with at least one figure, stored for the day */
  stored: number;
  /** posts the platform no longer shows this account, or gave no figure for */
  notGiven: number;
  /** posts whose read failed for good (each is one post's problem, never the batch's) */
  failed: number;
  stopped?: typeof ANALYTICS_STOP;
}

export interface AnalyticsResult {
  day: string;
  skipped?: AnalyticsSkip;
  stopped?: typeof ANALYTICS_STOP;
  account?: AccountCollectResult['account'];
  posts: { stored: number; notGiven: number; failed: number };
}
