import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A point a run can be reset to: a completed workflow task, and what had just happened before it. */
export interface ResetPoint {
  /** the WorkflowTaskCompleted event's id, what ResetWorkflowExecution takes */
  eventId: number;
  at: Date | null;
  /** what woke the workflow for this task, in words ("activity preparePublish completed") */
  after: string;
  /** the activity whose end woke it, if one did */
  activityType: string | null;
  /** the first workflow task: resetting here runs the episode again from its start */
  first: boolean;
}

const id = (e: HistoryEvent): number => Number(e.eventId ?? 0);
const timeOf = (e: HistoryEvent): Date | null =>
  e.eventTime ? new Date(Number(e.eventTime.seconds ?? 0) * 1000 + Math.floor((e.eventTime.nanos ?? 0) / 1e6)) : null;

/** What one event says woke the workflow, or null for events that are the workflow's own commands. */
function cause(e: HistoryEvent, activityTypes: Map<number, string>): { text: string; activity?: string } | null {
  const activity = (scheduled: unknown) => activityTypes.get(Number(scheduled ?? 0)) ?? 'an activity';
  if (e.workflowExecutionStartedEventAttributes) return { text: 'the start of the run' };
  if (e.activityTaskCompletedEventAttributes) {
    const a = activity(e.activityTaskCompletedEventAttributes.scheduledEventId);
    return { text: `activity ${a} completed`, activity: a };
  }
  if (e.activityTaskFailedEventAttributes) {
    const a = activity(e.activityTaskFailedEventAttributes.scheduledEventId);
    return { text: `activity ${a} failed`, activity: a };
  }
  if (e.activityTaskTimedOutEventAttributes) {
    const a = activity(e.activityTaskTimedOutEventAttributes.scheduledEventId);
    return { text: `activity ${a} timed out`, activity: a };
  }
  if (e.activityTaskCanceledEventAttributes) {
    const a = activity(e.activityTaskCanceledEventAttributes.scheduledEventId);
    return { text: `activity ${a} cancelled`, activity: a };
  }
  if (e.timerFiredEventAttributes) return { text: `timer ${e.timerFiredEventAttributes.timerId ?? ''} fired`.trim() };
  if (e.workflowExecutionSignaledEventAttributes)
    return { text: `signal ${e.workflowExecutionSignaledEventAttributes.signalName ?? ''}`.trim() };
  if (e.workflowExecutionUpdateAcceptedEventAttributes)
    return {
      text: `update ${e.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest?.input?.name ?? ''}`.trim(),
    };
  if (e.workflowExecutionCancelRequestedEventAttributes) return { text: 'a cancellation request' };
  const child =
    e.childWorkflowExecutionCompletedEventAttributes ??
    e.childWorkflowExecutionFailedEventAttributes ??
    e.childWorkflowExecutionTimedOutEventAttributes;
  if (child) return { text: `child workflow ${child.workflowType?.name ?? ''}`.trim() + ' ended' };
  if (e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes)
    return { text: 'a workflow task that failed' };
  return null;
}

/**
 * Every completed workflow task of one run, oldest first, with what happened since the one before: the points an
 * engineer can reset the run to (ResetWorkflowExecution's workflowTaskFinishEventId).
 */
export function resetPointsOf(events: readonly HistoryEvent[]): ResetPoint[] {
  const activityTypes = new Map<number, string>();
  const points: ResetPoint[] = [];
  let since: { text: string; activity?: string }[] = [];
  for (const e of events) {
    if (e.activityTaskScheduledEventAttributes)
      activityTypes.set(id(e), e.activityTaskScheduledEventAttributes.activityType?.name ?? 'an activity');
    if (e.workflowTaskCompletedEventAttributes) {
      const last = since.filter((c) => c.activity).pop();
      points.push({
        eventId: id(e),
        at: timeOf(e),
        after: since.length ? since.map((c) => c.text).join(', ') : 'a workflow task (an update or a query)',
        activityType: last?.activity ?? null,
        first: points.length === 0,
      });
      since = [];
      continue;
    }
    const c = cause(e, activityTypes);
    if (c) since.push(c);
  }
  return points;
}

/**
 * Where "run it again from the start" resets to: the first completed workflow task, or, in a run whose first task
 * never completed, that task's started event (the Temporal CLI's FirstWorkflowTask does the same).
 */
export function firstWorkflowTaskEventId(events: readonly HistoryEvent[]): number | null {
  const completed = events.find((e) => e.workflowTaskCompletedEventAttributes);
  if (completed) return id(completed);
  const started = events.find((e) => e.workflowTaskStartedEventAttributes);
  return started ? id(started) : null;
}
