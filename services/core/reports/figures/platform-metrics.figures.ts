import type { Figure, PlatformFigures } from '../report-figures';
import { figure, notAvailable } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { dayParams, plural } from './figure-query';

export const ACCOUNT_METRICS_SOURCE =
  "the platforms' account insights, read daily by the analytics episode (account_metrics_daily)";

interface TotalsRow {
  reach: number | null;
  reach_days: number;
  impressions: number | null;
  impressions_days: number;
  engagement: number | null;
  engagement_days: number;
  accounts: number;
}

/**
 * Reach, impressions and engagement over the period: the sum of each account's daily values. A platform that does
 * not give a metric leaves it NULL, so a total with no day of data is not available rather than 0.
 */
export async function platformTotals(q: FigureQuery): Promise<Figure[]> {
  const [r] = (await q.m.query(
    `SELECT sum(reach)::float8 AS reach, count(reach)::int AS reach_days,
            sum(impressions)::float8 AS impressions, count(impressions)::int AS impressions_days,
            sum(engagement)::float8 AS engagement, count(engagement)::int AS engagement_days,
            count(DISTINCT platform_account_id)::int AS accounts
       FROM account_metrics_daily WHERE client_id = $1 AND day BETWEEN $2::date AND $3::date`,
    dayParams(q),
  )) as TotalsRow[];
  const total = (key: string, label: string, value: number | null, days: number): Figure =>
    days > 0 && value !== null
      ? figure({
          key,
          label,
          unit: 'count',
          value,
          source: ACCOUNT_METRICS_SOURCE,
          detail: `sum of daily values: ${plural(r.accounts, 'account')}, ${plural(days, 'account-day')} with data`,
        })
      : notAvailable(
          { key, label, unit: 'count', source: ACCOUNT_METRICS_SOURCE },
          'no platform reported this metric for the period',
        );
  return [
    total('metrics.reach', 'Reach', r.reach, r.reach_days),
    total('metrics.impressions', 'Impressions', r.impressions, r.impressions_days),
    total('metrics.engagement', 'Engagement', r.engagement, r.engagement_days),
  ];
}

/** Reach per day across the client's accounts, for the line chart: days without data are left out, not zeroed. */
export async function dailyReach(q: FigureQuery): Promise<PlatformFigures['dailyReach']> {
  const rows = (await q.m.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(reach)::float8 AS value
       FROM account_metrics_daily
      WHERE client_id = $1 AND day BETWEEN $2::date AND $3::date AND reach IS NOT NULL
      GROUP BY day ORDER BY day`,
    dayParams(q),
  )) as { day: string; value: number }[];
  return { source: ACCOUNT_METRICS_SOURCE, points: rows };
}

/** Engagement per platform over the period, for the bar chart. */
export async function engagementByPlatform(q: FigureQuery): Promise<PlatformFigures['engagementByPlatform']> {
  const rows = (await q.m.query(
    `SELECT pa.platform AS label, sum(m.engagement)::float8 AS value
       FROM account_metrics_daily m
       JOIN platform_accounts pa ON pa.id = m.platform_account_id AND pa.client_id = m.client_id
      WHERE m.client_id = $1 AND m.day BETWEEN $2::date AND $3::date AND m.engagement IS NOT NULL
      GROUP BY pa.platform ORDER BY value DESC, pa.platform`,
    dayParams(q),
  )) as { label: string; value: number }[];
  return { source: ACCOUNT_METRICS_SOURCE, bars: rows };
}
