import { PublishJob } from '../../services/core/database/entities';
import { PublishJobRepository } from '../../services/core/repositories/publish-job.repository';
import { ReceiptCheckRepository } from '../../services/core/repositories/receipt-check.repository';
import type {
  ReceiptCheckInput,
  ReceiptCheckOutcome,
  UncheckedReceiptInput,
} from '../../workflows/contracts/receipts.contract';
import type { ReceiptCheckResult } from '../../workflows/contracts/vocabulary/receipt-status';
import type { GuardDeps } from '../guard/guard.deps';
import { tenantRefused, toActivityFailure } from '../guard/guard.errors';
import { readPublishedPost } from '../publish/published-post.read';
import { scopedActivities } from '../scoped-activities';
import { RECEIPT_DETAILS, receiptResultOf } from './receipt-result';

export type ReceiptActivities = ReturnType<typeof createReceiptActivities>;

/** What the receipt checks read with: the database, the secrets (credentials) and the platforms' readers. */
export type ReceiptDeps = Pick<GuardDeps, 'ds' | 'audit' | 'credentials' | 'platforms'>;

/**
 * The receipt episode's activities (issue #15). Reads only on the platform, so nothing here goes through the guard's
 * kernel: the read is the one the publish verification makes (readPublishedPost), with the account's current
 * credential. Each runs in the scope of the client its input names (C-01, C-05).
 */
export function createReceiptActivities(deps: ReceiptDeps) {
  return scopedActivities(deps.ds, createUnscopedReceiptActivities(deps));
}

function createUnscopedReceiptActivities(deps: ReceiptDeps) {
  const jobs = new PublishJobRepository(deps.audit);
  const checks = new ReceiptCheckRepository(deps.audit);

  /** Records one check with the job locked, so two attempts of one check serialise and the first one counts. */
  const record = (
    input: ReceiptCheckInput,
    found: { result: ReceiptCheckResult; detail: string; platformAccountId?: string; platformPostId?: string },
  ): Promise<ReceiptCheckOutcome> =>
    deps.ds.transaction(async (m) => {
      const job = await m.findOne(PublishJob, {
        where: { id: input.jobId, clientId: input.clientId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!job || job.agencyId !== input.agencyId) throw tenantRefused('the post does not exist for this client');
      return checks.record(m, job, {
        checkNo: input.checkNo,
        result: found.result,
        detail: found.detail,
        platformAccountId: found.platformAccountId ?? job.platformAccountId,
        platformPostId: found.platformPostId ?? job.platformPostId ?? '',
        workflowId: input.workflowId,
      });
    });

  return {
    /**
     * Reads the post back and records what it shows. A platform error is thrown for Temporal to retry (a rate limit
     * after its Retry-After, C-52): an outage never reads as a removed post. Only "the platform answered, and has no
     * such post" is `removed`.
     */
    async checkReceipt(input: ReceiptCheckInput): Promise<ReceiptCheckOutcome> {
      // Recorded by an earlier attempt whose answer was lost: the platform is not asked again.
      const done = await checks.findCheck(deps.ds.manager, {
        jobId: input.jobId,
        clientId: input.clientId,
        checkNo: input.checkNo,
      });
      if (done) {
        const job = await jobs.findForClient(deps.ds.manager, { id: input.jobId, clientId: input.clientId });
        return { result: done.result, receipt: job?.receipt ?? null };
      }
      const read = await readPublishedPost(deps, jobs, input).catch((err: unknown) => {
        throw toActivityFailure(err);
      });
      if (read.kind === 'no_job') throw tenantRefused('the post does not exist for this client');
      if (read.kind === 'no_reader')
        return record(input, {
          result: 'unchecked',
          detail: 'the account has no working connection to read the post with; reconnect it',
        });
      const result = receiptResultOf(read.post, read.sent);
      return record(input, {
        result,
        detail: RECEIPT_DETAILS[result],
        platformAccountId: read.platformAccountId,
        platformPostId: read.postId,
      });
    },

    /** A check that could not be made after every retry: recorded as such, the receipt unchanged. */
    async recordUncheckedReceipt(input: UncheckedReceiptInput): Promise<ReceiptCheckOutcome> {
      return record(input, { result: 'unchecked', detail: input.reason.slice(0, 500) });
    },
  };
}
