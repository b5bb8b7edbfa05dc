import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import type { ReceiptRecheckInput, ReceiptRecheckOptions } from '../../workflows/contracts/receipts.contract';
import { RECEIPT_WORKFLOW_TYPE, receiptWorkflowId } from '../../workflows/contracts/receipts.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../workflows/contracts/search-attributes';
import type { EpisodeKind } from '../../workflows/contracts/vocabulary/episode-kinds';

const RECEIPT_EPISODE: EpisodeKind = 'receipt';

/** Starts the receipt episode of one verified post; a second start of the same post changes nothing. */
export type ReceiptStarter = (post: {
  agencyId: string;
  clientId: string;
  jobId: string;
  verifiedAt: Date;
}) => Promise<void>;

/** What the starter reads at each start (so a test may point the queue or shorten the schedule). */
export interface ReceiptStarterDeps {
  temporal: Client;
  taskQueues: { engagement?: string };
  receiptOptions?: ReceiptRecheckOptions;
}

/**
 * The starter the publish activities call once a post is verified. The episode runs on the engagement lane's queue.
 * REJECT_DUPLICATE: one episode per post, ever, even after the first one closed, so a retried activity (or a post
 * verified by the guard and then again by a late read-back) never starts a second schedule for the same post.
 */
export function receiptStarter(o: ReceiptStarterDeps): ReceiptStarter {
  return async (post) => {
    const input: ReceiptRecheckInput = {
      agencyId: post.agencyId,
      clientId: post.clientId,
      jobId: post.jobId,
      verifiedAt: post.verifiedAt.toISOString(),
      ...(o.receiptOptions ? { options: o.receiptOptions } : {}),
    };
    try {
      await o.temporal.workflow.start(RECEIPT_WORKFLOW_TYPE, {
        taskQueue: o.taskQueues.engagement ?? loadTemporalConfig().taskQueues.engagement,
        workflowId: receiptWorkflowId(post.clientId, post.jobId),
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: clientIdKey, value: post.clientId },
          { key: agencyIdKey, value: post.agencyId },
          { key: episodeKindKey, value: RECEIPT_EPISODE },
        ],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      throw err;
    }
  };
}
