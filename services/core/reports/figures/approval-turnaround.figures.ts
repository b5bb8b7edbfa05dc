import type { Figure } from '../report-figures';
import { figure, notAvailable } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { instantParams, plural } from './figure-query';

const SOURCE = 'posts scheduled in Raize and their recorded approvals (publish_jobs, approvals)';

/**
 * How long posts waited for approval: from scheduling (the post's creation) to the approval that released it (its
 * latest `approved` decision, the one that let it publish), for posts released within the period. Median and 90th
 * percentile, in seconds.
 */
export async function approvalTurnaround(q: FigureQuery): Promise<Figure[]> {
  const [r] = (await q.m.query(
    `WITH released AS (
       SELECT j.id, j.created_at AS scheduled_at, max(a.created_at) AS approved_at
         FROM publish_jobs j
         JOIN approvals a ON a.publish_job_id = j.id AND a.client_id = j.client_id AND a.decision = 'approved'
        WHERE j.client_id = $1
        GROUP BY j.id, j.created_at
     )
     SELECT count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM approved_at - scheduled_at))::float8 AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM approved_at - scheduled_at))::float8 AS p90
       FROM released WHERE approved_at >= $2 AND approved_at < $3`,
    instantParams(q),
  )) as { n: number; median: number | null; p90: number | null }[];
  const one = (key: string, label: string, value: number | null): Figure =>
    r.n > 0 && value !== null
      ? figure({ key, label, unit: 'seconds', value, source: SOURCE, detail: `${plural(r.n, 'approved post')}` })
      : notAvailable({ key, label, unit: 'seconds', source: SOURCE }, 'no post was approved in this period');
  return [
    one('approval.turnaround_median', 'Approval turnaround (median)', r.median),
    one('approval.turnaround_p90', 'Approval turnaround (90th percentile)', r.p90),
  ];
}
