import type { PlatformFigures } from '../report-figures';
import { ACCOUNT_METRICS_SOURCE } from './platform-metrics.figures';
import type { FigureQuery } from './figure-query';
import { dayParams } from './figure-query';

interface GrowthRow {
  platform: string;
  handle: string;
  first: number;
  last: number;
  first_day: string;
  last_day: string;
  days: number;
}

/**
 * Followers per account: the first and the last count the platform gave within the period and the difference. An
 * account with a single day of data shows its count without a growth (one point is not a trend).
 */
export async function followerGrowth(q: FigureQuery): Promise<PlatformFigures['followerGrowth']> {
  const rows = (await q.m.query(
    `SELECT pa.platform, pa.handle,
            (array_agg(m.followers ORDER BY m.day ASC))[1]::float8 AS first,
            (array_agg(m.followers ORDER BY m.day DESC))[1]::float8 AS last,
            to_char(min(m.day), 'YYYY-MM-DD') AS first_day, to_char(max(m.day), 'YYYY-MM-DD') AS last_day,
            count(*)::int AS days
       FROM account_metrics_daily m
       JOIN platform_accounts pa ON pa.id = m.platform_account_id AND pa.client_id = m.client_id
      WHERE m.client_id = $1 AND m.day BETWEEN $2::date AND $3::date AND m.followers IS NOT NULL
      GROUP BY pa.id, pa.platform, pa.handle ORDER BY pa.platform, pa.handle`,
    dayParams(q),
  )) as GrowthRow[];
  return {
    source: ACCOUNT_METRICS_SOURCE,
    accounts: rows.map((r) => ({
      platform: r.platform,
      handle: r.handle,
      first: r.first,
      last: r.last,
      growth: r.days > 1 ? r.last - r.first : null,
      firstDay: r.first_day,
      lastDay: r.last_day,
    })),
  };
}
