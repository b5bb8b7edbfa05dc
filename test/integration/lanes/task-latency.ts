import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { EventType, PendingActivityState, PendingWorkflowTaskState, WorkflowExecutionStatus } = temporal.api.enums.v1;
type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;

/** How long one task of a workflow waited on its queue for a worker slot (schedule-to-start). */
export interface TaskWait {
  kind: 'workflow_task' | 'activity';
  /** the activity type, or the workflow task's scheduled event id */
  name: string;
  scheduledAt: number;
  /** null: still waiting when read */
  startedAt: number | null;
  waitedMs: number;
}

function ms(t: Timestamp): number {
  if (!t) throw new Error('an event without a time');
  return Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

/** A workflow's tasks as read at one moment, and whether the run had closed by then. */
export interface RunTasks {
  waits: TaskWait[];
  closed: boolean;
}

/**
 * Every workflow task and activity of the run with its schedule-to-start wait, from its history (Scheduled → Started
 * event times, as the server recorded them) and, for a task not started yet, from DescribeWorkflowExecution (then the
 * wait so far counts). The server writes an activity's Started event only when it closes, but with the time it
 * started, so a closed activity's wait is exact.
 */
export async function taskWaits(client: Client, workflowId: string, now = Date.now()): Promise<RunTasks> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const startedBy = new Map<number, number>();
  for (const e of events) {
    if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
      startedBy.set(Number(e.workflowTaskStartedEventAttributes!.scheduledEventId), ms(e.eventTime));
    if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
      startedBy.set(Number(e.activityTaskStartedEventAttributes!.scheduledEventId), ms(e.eventTime));
  }
  const described = await client.workflowService.describeWorkflowExecution({
    namespace: client.options.namespace,
    execution: { workflowId },
  });
  const pendingActivity = new Map((described.pendingActivities ?? []).map((a) => [a.activityId ?? '', a]));
  const pendingTask = described.pendingWorkflowTask;

  const waits: TaskWait[] = [];
  const add = (kind: TaskWait['kind'], name: string, scheduledAt: number, startedAt: number | null) =>
    waits.push({ kind, name, scheduledAt, startedAt, waitedMs: (startedAt ?? now) - scheduledAt });
  for (const e of events) {
    const id = Number(e.eventId);
    if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)
      add('workflow_task', `#${id}`, ms(e.eventTime), startedBy.get(id) ?? null);
    if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
      const a = e.activityTaskScheduledEventAttributes!;
      const pending = pendingActivity.get(a.activityId ?? '');
      const started =
        startedBy.get(id) ??
        (pending?.state === PendingActivityState.PENDING_ACTIVITY_STATE_STARTED ? ms(pending.lastStartedTime) : null);
      add('activity', a.activityType?.name ?? '?', ms(e.eventTime), started);
    }
  }
  // A workflow task the server has scheduled but not yet written to the history (a transient one) still waits.
  if (
    pendingTask?.state === PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_SCHEDULED &&
    !waits.some((w) => w.kind === 'workflow_task' && w.startedAt === null)
  )
    add('workflow_task', 'pending', ms(pendingTask.scheduledTime), null);
  const status = described.workflowExecutionInfo?.status;
  return { waits, closed: status !== WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING };
}

/** The longest wait, for messages. */
export function longest(waits: TaskWait[]): TaskWait | undefined {
  return waits.reduce<TaskWait | undefined>((a, w) => (!a || w.waitedMs > a.waitedMs ? w : a), undefined);
}
