import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { ReviewItemResult } from '../../../../workflows/contracts/creation.contract';
import { AppError, AppErrorCode } from '../../errors/app-error';

type Refusal = Extract<ReviewItemResult, { accepted: false }>['refusal'];

/** A refused review as the operator sees it: "forbidden" for who decides, "conflict" for the item's state. */
export function reviewError(r: { refusal: Refusal; reason: string }): AppError {
  if (r.refusal === 'content_changed') return new AppError(AppErrorCode.Conflict, r.reason);
  const code = r.refusal === 'role' || r.refusal === 'four_eyes' ? AppErrorCode.Forbidden : AppErrorCode.Conflict;
  return new AppError(code, `refused: ${r.reason}`);
}

/** Why the reviewItem update did not come back with an answer. */
export function reviewUpdateError(err: unknown): AppError | undefined {
  // The validator refused (the item does not wait for a decision): its message says why.
  if (err instanceof WorkflowUpdateFailedError)
    return new AppError(AppErrorCode.Conflict, `refused: ${err.cause?.message ?? err.message}`);
  if (err instanceof WorkflowNotFoundError)
    return new AppError(AppErrorCode.Conflict, 'the item is no longer being created; nothing to decide');
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
    return new AppError(
      AppErrorCode.Unavailable,
      'the creation episode did not confirm in time; look at the item before deciding again',
    );
  return undefined;
}
