import { z } from 'zod';
import { AnalyticsRepository } from '../../core/analytics/analytics.repository';
import type { PeriodQuery } from '../../core/analytics/analytics.repository';
import { checkedPeriod } from '../../core/reports/report-period';
import { ReportInputError } from '../../core/reports/report.errors';
import { ToolRefusal } from '../tool.types';
import { clientIdField, clientRow, iso } from './tool-client';
import { defineTool } from './tool-definition';

const analytics = new AnalyticsRepository();
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const input = z.strictObject({
  clientId: clientIdField,
  from: z.string().regex(DAY).describe('first day, YYYY-MM-DD in the client timezone (inclusive)'),
  to: z.string().regex(DAY).describe('last day, YYYY-MM-DD (inclusive); at most a year after from'),
  view: z
    .enum(['platforms', 'accounts', 'posts'])
    .optional()
    .describe('`platforms` (default): sums per platform; `accounts`: daily series per account; `posts`: per post'),
  limit: z.number().int().min(1).max(200).optional().describe('rows to return at most (default 50)'),
});

/**
 * A client's account and post metrics over a period, as the reports read them (services/core/analytics): the
 * period is checked like a report's (real dates, at most a year, not in the future) and the rows are capped.
 */
export const analyticsQueryTool = defineTool(
  {
    name: 'analytics_query',
    title: 'Query analytics',
    description:
      "Reads the client's social metrics over a period: sums per platform (followers, reach, impressions, " +
      'engagement, posts, likes, comments, shares), daily series per account, or totals per post (best first). ' +
      'A figure is null when the platform does not report it.',
    class: 'read',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    const client = await clientRow(ctx);
    let period: { start: string; end: string };
    try {
      period = checkedPeriod({ from: q.from, to: q.to }, ctx.deps.now?.() ?? new Date(), client.timezone);
    } catch (err) {
      if (err instanceof ReportInputError) throw new ToolRefusal('invalid_input', err.message);
      throw err;
    }
    const pq: PeriodQuery = { clientId: client.id, from: period.start, to: period.end };
    const limit = q.limit ?? 50;
    const view = q.view ?? 'platforms';
    const rows: Record<string, unknown>[] =
      view === 'platforms'
        ? (await analytics.platformSums(ctx.m, pq)).map((r) => ({ ...r }))
        : view === 'accounts'
          ? (await analytics.accountSeries(ctx.m, pq)).map((r) => ({ ...r }))
          : (await analytics.postTotals(ctx.m, pq)).map((p) => ({ ...p, publishedAt: iso(p.publishedAt) }));
    return {
      result: {
        period: { from: period.start, to: period.end, timezone: client.timezone },
        view,
        rows: rows.slice(0, limit),
        truncated: rows.length > limit,
      },
      summary: `${Math.min(rows.length, limit)} ${view} row(s) for ${period.start}..${period.end}${rows.length > limit ? ` (of ${rows.length})` : ''}.`,
    };
  },
);
