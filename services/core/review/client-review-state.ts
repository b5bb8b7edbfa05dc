import type { ApprovalStage, ClientReviewState } from '../../../workflows/contracts/vocabulary/client-review';
import type { PostDecisionKind } from '../../../workflows/contracts/vocabulary/post-decisions';

export interface StageFacts {
  stage: ApprovalStage;
  /** the checksum of the content as it is now */
  currentChecksum: string;
  /** the job's approvals (decision approved): who gave them and of which content */
  approvals: readonly { approverId: string | null; reviewerId: string | null; assetChecksum: string }[];
  /** the client reviewers' decisions on the job, oldest first */
  clientDecisions: readonly { kind: PostDecisionKind; assetChecksum: string | null }[];
  /** the job was rejected (by anyone) */
  rejected: boolean;
}

/** Whether the agency approved the content as it is now: the client stage is open only then. */
export function agencyApprovedNow(f: StageFacts): boolean {
  return f.approvals.some((a) => a.approverId !== null && a.assetChecksum === f.currentChecksum);
}

/**
 * Where a post stands with its client. A hold stands until the client approves again; a change request stands for
 * the content it was made about (an edit answers it, and the stages start again); an approval counts for the content
 * it approved only.
 */
export function clientReviewState(f: StageFacts): ClientReviewState {
  if (f.stage !== 'internal_then_client') return 'not_required';
  const last = f.clientDecisions[f.clientDecisions.length - 1];
  // A rejection ends the post; its episode hears of it a moment later, so the decision itself says so at once.
  if (last?.kind === 'reject') return 'rejected';
  if (last?.kind === 'hold') return 'on_hold';
  if (last?.kind === 'request_changes' && last.assetChecksum === f.currentChecksum) return 'changes_requested';
  if (!agencyApprovedNow(f)) return 'waiting_internal';
  if (f.approvals.some((a) => a.reviewerId !== null && a.assetChecksum === f.currentChecksum)) return 'approved';
  return 'waiting_client';
}
