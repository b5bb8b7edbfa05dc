import type { EntityManager } from 'typeorm';
import { aiSpend } from './figures/ai-spend.figures';
import { approvalTurnaround } from './figures/approval-turnaround.figures';
import { escalations } from './figures/escalations.figures';
import type { FigureQuery } from './figures/figure-query';
import { followerGrowth } from './figures/follower-growth.figures';
import { dailyReach, engagementByPlatform, platformTotals } from './figures/platform-metrics.figures';
import { publishOutcomes } from './figures/publish-outcomes.figures';
import { changedAfterPublishing, RECEIPTS_SOURCE } from './figures/receipts.figures';
import { replySla } from './figures/reply-sla.figures';
import { topPosts } from './figures/top-posts.figures';
import type { ReportFigures } from './report-figures';
import type { ReportWindow } from './report-period';
import { periodLabel } from './report-period';

/**
 * Every figure of a client's report for one period, read on the caller's connection (the client's tenant scope).
 * One module per figure group; they run one after another on that one connection.
 */
export async function collectReportFigures(
  m: Pick<EntityManager, 'query'>,
  q: {
    client: { id: string; name: string; timezone: string };
    agencyName: string;
    window: ReportWindow;
    now: Date;
  },
): Promise<ReportFigures> {
  const fq: FigureQuery = { m, clientId: q.client.id, window: q.window };
  const changed = await changedAfterPublishing(fq);
  return {
    version: 1,
    client: { id: q.client.id, name: q.client.name, timezone: q.client.timezone },
    agency: { name: q.agencyName },
    period: { start: q.window.start, end: q.window.end, label: periodLabel(q.window) },
    generatedAt: q.now.toISOString(),
    platform: {
      totals: await platformTotals(fq),
      dailyReach: await dailyReach(fq),
      engagementByPlatform: await engagementByPlatform(fq),
      followerGrowth: await followerGrowth(fq),
      topPosts: await topPosts(fq),
    },
    proof: [
      ...(await approvalTurnaround(fq)),
      ...(await publishOutcomes(fq)),
      changed.figure,
      await replySla(fq),
      ...(await escalations(fq)),
      await aiSpend(fq),
    ],
    receipts: { source: RECEIPTS_SOURCE, posts: changed.posts },
  };
}
