import type { EntityManager } from 'typeorm';
import type { ReceiptCheckResult, ReceiptStatus } from '../../../workflows/contracts/vocabulary/receipt-status';
import { BROKEN_RECEIPTS, isBrokenReceipt } from '../../../workflows/contracts/vocabulary/receipt-status';
import type { AuditService } from '../audit/audit.service';
import { PublishJob, ReceiptCheck } from '../database/entities';

export interface ReceiptCheckRecord {
  checkNo: number;
  result: ReceiptCheckResult;
  detail: string | null;
  platformAccountId: string;
  platformPostId: string;
  workflowId: string;
}

/** What a check came to, and what the post's receipt says after it. */
export interface RecordedReceiptCheck {
  result: ReceiptCheckResult;
  receipt: ReceiptStatus | null;
}

/** One account's posts whose receipt broke since a given time, for the health centre. */
export interface BrokenReceiptCount {
  platformAccountId: string;
  count: number;
}

/**
 * The receipt checks of published posts (issue #15), by post AND client (C-05). `record` is the one writer: the
 * check, the post's receipt and, for a broken one, the audit event commit together, and a check already recorded for
 * that post and position answers as it was (a retried activity records nothing twice).
 */
export class ReceiptCheckRepository {
  constructor(private readonly audit: AuditService) {}

  findCheck(m: EntityManager, q: { jobId: string; clientId: string; checkNo: number }): Promise<ReceiptCheck | null> {
    return m.findOne(ReceiptCheck, { where: { publishJobId: q.jobId, clientId: q.clientId, checkNo: q.checkNo } });
  }

  /** Call inside a transaction that locked the job. */
  async record(m: EntityManager, job: PublishJob, c: ReceiptCheckRecord): Promise<RecordedReceiptCheck> {
    const seen = await this.findCheck(m, { jobId: job.id, clientId: job.clientId, checkNo: c.checkNo });
    if (seen) return { result: seen.result, receipt: job.receipt };
    await m.insert(ReceiptCheck, {
      agencyId: job.agencyId,
      clientId: job.clientId,
      publishJobId: job.id,
      platformAccountId: c.platformAccountId,
      checkNo: c.checkNo,
      result: c.result,
      detail: c.detail,
      platformPostId: c.platformPostId,
      workflowId: c.workflowId,
    });
    // A check that could not be made says nothing about the post: the receipt stays what it was.
    if (c.result === 'unchecked' || c.result === job.receipt) return { result: c.result, receipt: job.receipt };
    await m.update(
      PublishJob,
      { id: job.id, clientId: job.clientId },
      { receipt: c.result, receiptChangedAt: new Date() },
    );
    if (isBrokenReceipt(c.result))
      await this.audit.append(
        {
          agencyId: job.agencyId,
          clientId: job.clientId,
          actor: `workflow:${c.workflowId}`,
          action: 'post.receipt_broken',
          subjectType: 'publish_job',
          subjectId: job.id,
          data: { receipt: c.result, postId: c.platformPostId, url: job.url, checkNo: c.checkNo },
        },
        m,
      );
    return { result: c.result, receipt: c.result };
  }
}

/** A post's checks, in the order they were made (reads need no audit: a plain function, as the API uses it). */
export function receiptChecksOf(m: EntityManager, q: { jobId: string; clientId: string }): Promise<ReceiptCheck[]> {
  return m.find(ReceiptCheck, { where: { publishJobId: q.jobId, clientId: q.clientId }, order: { checkNo: 'ASC' } });
}

/** Per account, the posts whose receipt broke at or after `since` (accounts without any are left out). */
export async function brokenReceiptCounts(
  m: Pick<EntityManager, 'query'>,
  q: { accountIds: string[]; since: Date },
): Promise<BrokenReceiptCount[]> {
  if (!q.accountIds.length) return [];
  const rows: { platform_account_id: string; count: number }[] = await m.query(
    `SELECT platform_account_id, count(*)::int AS count FROM publish_jobs
      WHERE platform_account_id = ANY ($1::uuid[]) AND receipt = ANY ($2::text[]) AND receipt_changed_at >= $3
      GROUP BY platform_account_id`,
    [q.accountIds, [...BROKEN_RECEIPTS], q.since],
  );
  return rows.map((r) => ({ platformAccountId: r.platform_account_id, count: r.count }));
}
