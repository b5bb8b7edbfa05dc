import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

type Failure = temporal.api.failure.v1.IFailure;

/** Why a run ended badly: its failure type (plaintext in the history) and, for staff only, its message. */
export interface RunFailure {
  type: string | null;
  /** decrypted through the payload codec (C-13); null unless asked for */
  message: string | null;
}

/** The root cause's ApplicationFailure type (TenantRefused, PermanentPublishError…), else the failure's kind. */
export function failureTypeOf(failure: Failure | null | undefined): string | null {
  let type: string | null = null;
  for (let f = failure; f; f = f.cause) {
    const app = f.applicationFailureInfo?.type;
    if (app) type = app;
    else if (!type && f.timeoutFailureInfo) type = 'Timeout';
    else if (!type && f.canceledFailureInfo) type = 'Cancelled';
  }
  return type;
}

/** The innermost message of a decoded error chain: the one the activity or workflow threw. */
function rootMessage(err: unknown): string | null {
  let message: string | null = null;
  for (let e = err as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.message === 'string' && e.message) message = e.message;
  }
  return message;
}

/**
 * The close event of one run (one event, not the whole history). The message needs the codec: the failure
 * converter moves it into an encrypted payload, so it is read through the client's own result() only when wanted.
 */
export async function runFailure(
  client: Client,
  run: { workflowId: string; runId: string },
  o: { withMessage: boolean },
): Promise<RunFailure> {
  const res = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: run,
    historyEventFilterType: temporal.api.enums.v1.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT,
  });
  const close = res.history?.events?.[0];
  if (close?.workflowExecutionTerminatedEventAttributes)
    return {
      type: 'Terminated',
      message: o.withMessage ? close.workflowExecutionTerminatedEventAttributes.reason || null : null,
    };
  if (close?.workflowExecutionTimedOutEventAttributes)
    return { type: 'WorkflowTimedOut', message: o.withMessage ? 'the run went past its timeout' : null };
  const failure = close?.workflowExecutionFailedEventAttributes?.failure;
  if (!failure) return { type: null, message: null };
  if (!o.withMessage) return { type: failureTypeOf(failure), message: null };
  const decoded = await client.workflow
    .getHandle(run.workflowId, run.runId, { followRuns: false })
    .result()
    .then(
      () => null,
      (err: unknown) => (err as { cause?: unknown }).cause ?? err,
    );
  return { type: failureTypeOf(failure), message: rootMessage(decoded) };
}
