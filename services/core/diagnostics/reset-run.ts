import type { Client } from '@temporalio/client';
import Long from 'long';

export interface ResetRunRequest {
  namespace: string;
  workflowId: string;
  runId: string;
  /** a WorkflowTaskCompleted (or, for a first task that never completed, WorkflowTaskStarted) event of that run */
  eventId: number;
  /**
   * What Temporal writes into the new run's history, which is not encrypted: an id that points at the audit event,
   * never the engineer's own words (those stay in the audit trail).
   */
  reason: string;
  /** makes a repeated request (a double click, a retried call) one reset */
  requestId: string;
}

/**
 * Resets one run to a completed workflow task: Temporal starts a new run whose history is the old one up to that
 * task, then runs the workflow code from there (signals received after the point are applied again). A running
 * base run is terminated by the server. Returns the new run's id.
 */
export async function resetRun(client: Client, r: ResetRunRequest): Promise<string> {
  const res = await client.workflowService.resetWorkflowExecution({
    namespace: r.namespace,
    workflowExecution: { workflowId: r.workflowId, runId: r.runId },
    workflowTaskFinishEventId: Long.fromNumber(r.eventId),
    reason: r.reason,
    requestId: r.requestId,
  });
  return res.runId ?? '';
}
