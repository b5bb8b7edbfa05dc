import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';

/** The input names a plan or a client this tenant does not hold (C-05): never retried, the run fails. */
export function planRefused(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: FAILURE_TYPES.tenantRefused, message, nonRetryable: true });
}
