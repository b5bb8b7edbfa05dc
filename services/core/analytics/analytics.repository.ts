import type { EntityManager } from 'typeorm';
import type { AccountMetrics, PostMetrics } from '../connectors/connector-metrics.types';

/** One account's reading of a UTC day. */
export interface AccountDayReading extends AccountMetrics {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  /** YYYY-MM-DD */
  day: string;
  collectedAt: Date;
}

/** One post's lifetime totals as read on a UTC day. */
export interface PostDayReading extends PostMetrics {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  publishJobId: string;
  platformPostId: string;
  day: string;
  collectedAt: Date;
}

/** A published post the analytics episode reads the figures of. */
export interface PostToCollect {
  publishJobId: string;
  platformPostId: string;
  publishedAt: Date;
}

export interface PeriodQuery {
  clientId: string;
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
}

/** A point of an account's daily series; null figures are "not given by the platform". */
export interface AccountDayRow {
  platformAccountId: string;
  platform: string;
  handle: string;
  day: string;
  followers: number | null;
  reach: number | null;
  impressions: number | null;
  engagement: number | null;
}

/** A post's totals: its latest reading in the period. */
export interface PostTotalsRow {
  publishJobId: string;
  platformAccountId: string;
  platform: string;
  platformPostId: string;
  url: string | null;
  publishedAt: Date | null;
  /** the day of the reading the totals come from */
  readOn: string;
  reach: number | null;
  impressions: number | null;
  engagement: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
}

/**
 * Sums by platform over a period. Account figures are sums of daily values; post figures sum each post's latest
 * reading; followers is the sum of each account's latest reading. A sum with no figure behind it is null, not 0.
 */
export interface PlatformSumsRow {
  platform: string;
  accounts: number;
  followers: number | null;
  reach: number | null;
  impressions: number | null;
  engagement: number | null;
  posts: number;
  postImpressions: number | null;
  postEngagement: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
}

type Raw = Record<string, string | number | Date | null>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v);

const ACCOUNT_FIGURES = ['followers', 'reach', 'impressions', 'engagement'] as const;
const POST_FIGURES = ['reach', 'impressions', 'engagement', 'likes', 'comments', 'shares'] as const;

/**
 * The analytics tables (account_metrics_daily, post_metrics_daily): the episode's upserts and the reads a report
 * makes. Every query names the client, and runs under the caller's tenant scope (row-level security, C-01).
 */
export class AnalyticsRepository {
  /**
   * A later reading of the same day replaces the earlier one; an older reading arriving late (a retried activity)
   * does not overwrite a newer one.
   */
  async upsertAccountDay(m: EntityManager, r: AccountDayReading): Promise<void> {
    await m.query(
      `INSERT INTO account_metrics_daily (agency_id, client_id, platform_account_id, day, followers, reach, impressions,
         engagement, collected_at)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9)
       ON CONFLICT (platform_account_id, day) DO UPDATE SET
         followers = EXCLUDED.followers, reach = EXCLUDED.reach, impressions = EXCLUDED.impressions,
         engagement = EXCLUDED.engagement, collected_at = EXCLUDED.collected_at
       WHERE account_metrics_daily.collected_at <= EXCLUDED.collected_at`,
      [r.agencyId, r.clientId, r.platformAccountId, r.day, ...ACCOUNT_FIGURES.map((k) => r[k]), r.collectedAt],
    );
  }

  async upsertPostDays(m: EntityManager, rows: PostDayReading[]): Promise<void> {
    for (const r of rows)
      await m.query(
        `INSERT INTO post_metrics_daily (agency_id, client_id, platform_account_id, publish_job_id, platform_post_id, day,
           reach, impressions, engagement, likes, comments, shares, collected_at)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (publish_job_id, day) DO UPDATE SET
           platform_post_id = EXCLUDED.platform_post_id, reach = EXCLUDED.reach, impressions = EXCLUDED.impressions,
           engagement = EXCLUDED.engagement, likes = EXCLUDED.likes, comments = EXCLUDED.comments,
           shares = EXCLUDED.shares, collected_at = EXCLUDED.collected_at
         WHERE post_metrics_daily.collected_at <= EXCLUDED.collected_at`,
        [
          r.agencyId,
          r.clientId,
          r.platformAccountId,
          r.publishJobId,
          r.platformPostId,
          r.day,
          ...POST_FIGURES.map((k) => r[k]),
          r.collectedAt,
        ],
      );
  }

  /** The account's posts that went out since `since` and carry the platform's post id, oldest first. */
  async postsToCollect(
    m: EntityManager,
    q: { clientId: string; platformAccountId: string; since: Date; limit: number },
  ): Promise<PostToCollect[]> {
    const rows: Raw[] = await m.query(
      `SELECT id, platform_post_id, published_at FROM publish_jobs
        WHERE client_id = $1 AND platform_account_id = $2 AND platform_post_id IS NOT NULL
          AND published_at IS NOT NULL AND published_at >= $3
        ORDER BY published_at, id LIMIT $4`,
      [q.clientId, q.platformAccountId, q.since, q.limit],
    );
    return rows.map((r) => ({
      publishJobId: str(r.id),
      platformPostId: str(r.platform_post_id),
      publishedAt: new Date(r.published_at as Date),
    }));
  }

  /** Each account's daily readings in the period, by account then day. */
  async accountSeries(m: EntityManager, q: PeriodQuery): Promise<AccountDayRow[]> {
    const rows: Raw[] = await m.query(
      `SELECT m.platform_account_id, pa.platform, pa.handle, to_char(m.day, 'YYYY-MM-DD') AS day,
              m.followers, m.reach, m.impressions, m.engagement
         FROM account_metrics_daily m
         JOIN platform_accounts pa ON pa.id = m.platform_account_id AND pa.client_id = m.client_id
        WHERE m.client_id = $1 AND m.day BETWEEN $2::date AND $3::date
        ORDER BY pa.platform, m.platform_account_id, m.day`,
      [q.clientId, q.from, q.to],
    );
    return rows.map((r) => ({
      platformAccountId: str(r.platform_account_id),
      platform: str(r.platform),
      handle: str(r.handle),
      day: str(r.day),
      followers: num(r.followers),
      reach: num(r.reach),
      impressions: num(r.impressions),
      engagement: num(r.engagement),
    }));
  }

  /** Each post read in the period, with its latest reading there (a post's figures are lifetime totals). */
  async postTotals(m: EntityManager, q: PeriodQuery): Promise<PostTotalsRow[]> {
    const rows: Raw[] = await m.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (p.publish_job_id) p.publish_job_id, p.platform_account_id, pa.platform, p.platform_post_id,
                j.url, j.published_at, to_char(p.day, 'YYYY-MM-DD') AS read_on,
                p.reach, p.impressions, p.engagement, p.likes, p.comments, p.shares
           FROM post_metrics_daily p
           JOIN platform_accounts pa ON pa.id = p.platform_account_id AND pa.client_id = p.client_id
           JOIN publish_jobs j ON j.id = p.publish_job_id AND j.client_id = p.client_id
          WHERE p.client_id = $1 AND p.day BETWEEN $2::date AND $3::date
          ORDER BY p.publish_job_id, p.day DESC) latest
        ORDER BY engagement DESC NULLS LAST, impressions DESC NULLS LAST, publish_job_id`,
      [q.clientId, q.from, q.to],
    );
    return rows.map((r) => ({
      publishJobId: str(r.publish_job_id),
      platformAccountId: str(r.platform_account_id),
      platform: str(r.platform),
      platformPostId: str(r.platform_post_id),
      url: r.url === null ? null : str(r.url),
      publishedAt: r.published_at === null ? null : new Date(r.published_at as Date),
      readOn: str(r.read_on),
      reach: num(r.reach),
      impressions: num(r.impressions),
      engagement: num(r.engagement),
      likes: num(r.likes),
      comments: num(r.comments),
      shares: num(r.shares),
    }));
  }

  /** Sums by platform over the period (see PlatformSumsRow). */
  async platformSums(m: EntityManager, q: PeriodQuery): Promise<PlatformSumsRow[]> {
    const rows: Raw[] = await m.query(
      `WITH days AS (
         SELECT pa.platform, m.* FROM account_metrics_daily m
           JOIN platform_accounts pa ON pa.id = m.platform_account_id AND pa.client_id = m.client_id
          WHERE m.client_id = $1 AND m.day BETWEEN $2::date AND $3::date),
       accounts AS (
         SELECT platform, count(DISTINCT platform_account_id)::int AS accounts, sum(reach) AS reach,
                sum(impressions) AS impressions, sum(engagement) AS engagement
           FROM days GROUP BY platform),
       followers AS (
         SELECT platform, sum(followers) AS followers FROM (
           SELECT DISTINCT ON (platform_account_id) platform, followers FROM days
            WHERE followers IS NOT NULL ORDER BY platform_account_id, day DESC) f
          GROUP BY platform),
       posts AS (
         SELECT platform, count(*)::int AS posts, sum(impressions) AS post_impressions,
                sum(engagement) AS post_engagement, sum(likes) AS likes, sum(comments) AS comments,
                sum(shares) AS shares
           FROM (SELECT DISTINCT ON (p.publish_job_id) pa.platform, p.* FROM post_metrics_daily p
                   JOIN platform_accounts pa ON pa.id = p.platform_account_id AND pa.client_id = p.client_id
                  WHERE p.client_id = $1 AND p.day BETWEEN $2::date AND $3::date
                  ORDER BY p.publish_job_id, p.day DESC) latest
          GROUP BY platform)
       SELECT coalesce(a.platform, p.platform) AS platform, coalesce(a.accounts, 0) AS accounts, f.followers,
              a.reach, a.impressions, a.engagement, coalesce(p.posts, 0) AS posts, p.post_impressions,
              p.post_engagement, p.likes, p.comments, p.shares
         FROM accounts a
         FULL JOIN posts p ON p.platform = a.platform
         LEFT JOIN followers f ON f.platform = coalesce(a.platform, p.platform)
        ORDER BY 1`,
      [q.clientId, q.from, q.to],
    );
    return rows.map((r) => ({
      platform: str(r.platform),
      accounts: Number(r.accounts),
      followers: num(r.followers),
      reach: num(r.reach),
      impressions: num(r.impressions),
      engagement: num(r.engagement),
      posts: Number(r.posts),
      postImpressions: num(r.post_impressions),
      postEngagement: num(r.post_engagement),
      likes: num(r.likes),
      comments: num(r.comments),
      shares: num(r.shares),
    }));
  }
}
