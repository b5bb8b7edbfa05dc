import { BROKEN_RECEIPTS } from '../../../../workflows/contracts/vocabulary/receipt-status';
import type { BrokenReceipt } from '../../../../workflows/contracts/vocabulary/receipt-status';
import type { ChangedPost, Figure } from '../report-figures';
import { figure, notAvailable } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { instantParams, plural, postExcerpt } from './figure-query';

export const RECEIPTS_SOURCE =
  "Raize's later re-checks of each published post on its platform: an hour, a day, then weekly for a month (receipt_checks)";

const LISTED = 50;

interface ChangedRow {
  platform: string;
  handle: string;
  text: string | null;
  url: string | null;
  receipt: BrokenReceipt;
  published_at: Date | null;
  changed_at: Date;
}

/**
 * Posts removed, edited or moved to another author on the platform after they were published and verified, as the
 * re-checks found them during the period (issue #15): the figure counts them over the posts re-checked in the period,
 * and the list names them (up to 50, the most recent first). A period without any re-check has the figure "not
 * available", never 0.
 */
export async function changedAfterPublishing(q: FigureQuery): Promise<{ figure: Figure; posts: ChangedPost[] }> {
  const base = {
    key: 'publish.changed_after_publishing',
    label: 'Removed or changed after publishing',
    unit: 'count' as const,
    source: RECEIPTS_SOURCE,
  };
  const [n] = (await q.m.query(
    `SELECT (SELECT count(DISTINCT publish_job_id)::int FROM receipt_checks
              WHERE client_id = $1 AND checked_at >= $2 AND checked_at < $3 AND result <> 'unchecked') AS checked,
            count(*) FILTER (WHERE receipt = 'removed')::int AS removed,
            count(*) FILTER (WHERE receipt = 'edited')::int AS edited,
            count(*) FILTER (WHERE receipt = 'author_changed')::int AS author_changed
       FROM publish_jobs
      WHERE client_id = $1 AND receipt = ANY ($4::text[]) AND receipt_changed_at >= $2 AND receipt_changed_at < $3`,
    [...instantParams(q), [...BROKEN_RECEIPTS]],
  )) as ({ checked: number } & Record<BrokenReceipt, number>)[];
  const rows = (await q.m.query(
    `SELECT pa.platform, pa.handle, a.text, j.url, j.receipt, j.published_at, j.receipt_changed_at AS changed_at
       FROM publish_jobs j
       JOIN platform_accounts pa ON pa.id = j.platform_account_id AND pa.client_id = $1
       LEFT JOIN assets a ON a.id = j.asset_id AND a.client_id = $1
      WHERE j.client_id = $1 AND j.receipt = ANY ($4::text[]) AND j.receipt_changed_at >= $2 AND j.receipt_changed_at < $3
      ORDER BY j.receipt_changed_at DESC
      LIMIT ${LISTED}`,
    [...instantParams(q), [...BROKEN_RECEIPTS]],
  )) as ChangedRow[];
  const posts = rows.map((r) => ({
    platform: r.platform,
    handle: r.handle,
    excerpt: postExcerpt(r.text ?? ''),
    url: r.url && /^https?:\/\//.test(r.url) ? r.url : null,
    receipt: r.receipt,
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
    changedAt: r.changed_at.toISOString(),
  }));
  const changed = n!.removed + n!.edited + n!.author_changed;
  if (!n!.checked && !changed)
    return { figure: notAvailable(base, 'no published post was re-checked in this period'), posts };
  const parts = [`${n!.removed} removed`, `${n!.edited} edited`, `${n!.author_changed} under another author`];
  return {
    figure: figure({
      ...base,
      value: changed,
      detail: changed
        ? `${parts.join(', ')}; ${plural(n!.checked, 'post')} re-checked`
        : `none of ${plural(n!.checked, 'post')} re-checked`,
    }),
    posts,
  };
}
