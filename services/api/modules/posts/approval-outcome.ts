import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type {
  ApprovalRefusal,
  RecordApprovalResult,
} from '../../../../workflows/contracts/publish-activities.contract';
import { AppError, AppErrorCode } from '../../errors/app-error';

// Refusals about who approves, not about the post, are answered as "forbidden".
const WHO_MAY_NOT: readonly ApprovalRefusal[] = ['role', 'four_eyes'];

/** The approve update's answer as the operator sees it: accepted, or refused at once with the workflow's reason. */
export function approvalRefusal(result: RecordApprovalResult): AppError | undefined {
  return result.accepted ? undefined : decisionError(result);
}

/**
 * A refused decision as the operator sees it: "forbidden" for who decides, "conflict" for the post; a text that
 * changed under the reviewer says so in words (C-23).
 */
export function decisionError(r: { refusal: ApprovalRefusal; reason: string }): AppError {
  if (r.refusal === 'content_changed') return new AppError(AppErrorCode.Conflict, r.reason);
  const code = WHO_MAY_NOT.includes(r.refusal) ? AppErrorCode.Forbidden : AppErrorCode.Conflict;
  return new AppError(code, `refused: ${r.reason}`);
}

/** Why the approve update did not come back with an answer. */
export function approvalUpdateError(err: unknown): AppError | undefined {
  // The validator refused (the post does not wait for an approval): its message says why.
  if (err instanceof WorkflowUpdateFailedError)
    return new AppError(AppErrorCode.Conflict, `refused: ${err.cause?.message ?? err.message}`);
  if (err instanceof WorkflowNotFoundError)
    return new AppError(AppErrorCode.Conflict, 'the post has already finished; nothing to change');
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new AppError(
      AppErrorCode.Unavailable,
      'the scheduler did not confirm the approval in time; check the post before approving again',
    );
  }
  return undefined;
}
