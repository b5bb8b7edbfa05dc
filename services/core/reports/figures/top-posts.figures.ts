import type { PlatformFigures } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { dayParams, postExcerpt } from './figure-query';

export const POST_METRICS_SOURCE =
  "the platforms' post insights, read daily by the analytics episode (post_metrics_daily)";

const TOP = 5;

interface TopRow {
  platform: string;
  handle: string;
  url: string | null;
  text: string | null;
  reach: number | null;
  impressions: number | null;
  engagement: number | null;
}

/**
 * The period's best posts by engagement. A post's insights are what the platform reported for it on the period's
 * last day with data (a post's counters are its totals so far, so adding up days would count them again).
 */
export async function topPosts(q: FigureQuery): Promise<PlatformFigures['topPosts']> {
  const rows = (await q.m.query(
    `WITH latest AS (
       SELECT DISTINCT ON (p.platform_account_id, p.platform_post_id)
              p.platform_account_id, p.platform_post_id, p.publish_job_id, p.reach, p.impressions, p.engagement
         FROM post_metrics_daily p
        WHERE p.client_id = $1 AND p.day BETWEEN $2::date AND $3::date
        ORDER BY p.platform_account_id, p.platform_post_id, p.day DESC
     )
     SELECT pa.platform, pa.handle, j.url, a.text,
            l.reach::float8 AS reach, l.impressions::float8 AS impressions, l.engagement::float8 AS engagement
       FROM latest l
       JOIN platform_accounts pa ON pa.id = l.platform_account_id AND pa.client_id = $1
       LEFT JOIN publish_jobs j ON j.id = l.publish_job_id AND j.client_id = $1
       LEFT JOIN assets a ON a.id = j.asset_id AND a.client_id = $1
      WHERE l.engagement IS NOT NULL OR l.reach IS NOT NULL
      ORDER BY l.engagement DESC NULLS LAST, l.reach DESC NULLS LAST
      LIMIT ${TOP}`,
    dayParams(q),
  )) as TopRow[];
  return {
    source: POST_METRICS_SOURCE,
    posts: rows.map((r) => ({
      platform: r.platform,
      handle: r.handle,
      excerpt: postExcerpt(r.text ?? ''),
      url: r.url && /^https?:\/\//.test(r.url) ? r.url : null,
      reach: r.reach,
      impressions: r.impressions,
      engagement: r.engagement,
    })),
  };
}
