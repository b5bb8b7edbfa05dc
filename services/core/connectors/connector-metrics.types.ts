import type { CallOptions, ConnectorCredential } from './connector.types';

/**
 * An account's figures as the platform gives them. Every figure is null where the platform's API does not give it
 * (or the connection lacks the permission to read it): null means "not given", never 0.
 */
export interface AccountMetrics {
  /** followers (subscribers) at the moment of reading */
  followers: number | null;
  /** the account's figures for the UTC day asked for (so far, when it is today) */
  reach: number | null;
  impressions: number | null;
  /** interactions on the account's content that day, as the platform counts them */
  engagement: number | null;
}

/**
 * A post's lifetime totals at the moment of reading (the latest reading of a post is its total). Null where the
 * platform's API does not give the figure.
 */
export interface PostMetrics {
  reach: number | null;
  /** impressions, or views where the platform counts views (video platforms, Meta since 2025) */
  impressions: number | null;
  /** the platform's own interaction count, else the sum of the interactions it gives */
  engagement: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
}

export interface AccountMetricsOptions extends CallOptions {
  /** YYYY-MM-DD, UTC: the day whose account figures are read */
  day: string;
}

/** Read-only analytics of a platform; absent where Raize reads none (the analytics episode then skips the account). */
export interface MetricsReader {
  account(cred: ConnectorCredential, opts: AccountMetricsOptions): Promise<AccountMetrics>;
  /** null when the platform shows this identity no such post (deleted, private, or not readable by id) */
  post(cred: ConnectorCredential, platformPostId: string, opts?: CallOptions): Promise<PostMetrics | null>;
}
