import type { PublishStatus } from '../../../../workflows/contracts/vocabulary/publish-status';
import type { Figure } from '../report-figures';
import { figure, notAvailable, ratio } from '../report-figures';
import type { FigureQuery } from './figure-query';
import { instantParams, plural } from './figure-query';

const SOURCE = "posts scheduled for the period and their publishing episodes' outcomes (publish_jobs)";
const RECEIPT_SOURCE = "each published post's proof: the platform's answer and Raize's read-back (publish_jobs.proof)";

/** Posts that went out: the platform took them (verified by reading back, or not yet, or not verifiable). */
const WENT_OUT: readonly PublishStatus[] = ['published', 'verified', 'unverified'];
/** Attempts that did not go out: a failure, or an account that turned out not to be the one connected. */
const FAILED: readonly PublishStatus[] = ['failed', 'quarantined'];

interface OutcomeRow {
  out: number;
  failed: number;
  verified: number;
  unverified: number;
  receipts: number;
}

/**
 * Publish success (went out / went out or failed), verification (read back / went out and checked), and posts with
 * receipts, over the posts scheduled within the period. Posts denied by policy, rejected or cancelled were never
 * attempted and count in neither rate.
 */
export async function publishOutcomes(q: FigureQuery): Promise<Figure[]> {
  const [r] = (await q.m.query(
    `SELECT count(*) FILTER (WHERE status = ANY ($4::text[]))::int AS out,
            count(*) FILTER (WHERE status = ANY ($5::text[]))::int AS failed,
            count(*) FILTER (WHERE status = 'verified')::int AS verified,
            count(*) FILTER (WHERE status = 'unverified')::int AS unverified,
            count(*) FILTER (WHERE status = ANY ($4::text[]) AND proof IS NOT NULL)::int AS receipts
       FROM publish_jobs WHERE client_id = $1 AND scheduled_at >= $2 AND scheduled_at < $3`,
    [...instantParams(q), WENT_OUT, FAILED],
  )) as OutcomeRow[];
  const attempted = r.out + r.failed;
  const checked = r.verified + r.unverified;
  return [
    ratio(
      { key: 'publish.success_rate', label: 'Publish success', source: SOURCE },
      r.out,
      attempted,
      (p, w) => `${p} of ${plural(w, 'attempted post')} went out`,
      'no post was due to publish in this period',
    ),
    ratio(
      { key: 'publish.verification_rate', label: 'Verified by read-back', source: SOURCE },
      r.verified,
      checked,
      (p, w) => `${p} of ${plural(w, 'post')} read back from the platform`,
      'no published post was checked in this period',
    ),
    r.out > 0
      ? figure({
          key: 'publish.receipts',
          label: 'Posts with receipts',
          unit: 'count',
          value: r.receipts,
          source: RECEIPT_SOURCE,
          detail: `of ${plural(r.out, 'published post')}`,
        })
      : notAvailable(
          { key: 'publish.receipts', label: 'Posts with receipts', unit: 'count', source: RECEIPT_SOURCE },
          'no post went out in this period',
        ),
  ];
}
