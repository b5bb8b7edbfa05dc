import type { temporal } from '@temporalio/proto';
import { firstWorkflowTaskEventId, resetPointsOf } from './reset-points';

type E = temporal.api.history.v1.IHistoryEvent;
const ev = (eventId: number, attrs: Omit<E, 'eventId'>): E => ({ eventId: eventId as never, ...attrs });
const task = (first: number): E[] => [
  ev(first, { workflowTaskScheduledEventAttributes: {} }),
  ev(first + 1, { workflowTaskStartedEventAttributes: {} }),
  ev(first + 2, { workflowTaskCompletedEventAttributes: {} }),
];

// A publish run in short: start, preparePublish, a timer to the slot, guardedPublish failing for good.
const HISTORY: E[] = [
  ev(1, { workflowExecutionStartedEventAttributes: { workflowType: { name: 'publishPostWorkflow' } } }),
  ...task(2),
  ev(5, { activityTaskScheduledEventAttributes: { activityType: { name: 'preparePublish' } } }),
  ev(6, { activityTaskStartedEventAttributes: { scheduledEventId: 5 as never } }),
  ev(7, { activityTaskCompletedEventAttributes: { scheduledEventId: 5 as never } }),
  ...task(8),
  ev(11, { timerStartedEventAttributes: { timerId: '1' } }),
  ev(12, { timerFiredEventAttributes: { timerId: '1' } }),
  ev(13, { workflowExecutionSignaledEventAttributes: { signalName: 'recheck' } }),
  ...task(14),
  ev(17, { activityTaskScheduledEventAttributes: { activityType: { name: 'guardedPublish' } } }),
  ev(18, { activityTaskStartedEventAttributes: { scheduledEventId: 17 as never } }),
  ev(19, { activityTaskFailedEventAttributes: { scheduledEventId: 17 as never } }),
  ...task(20),
  ev(23, { workflowExecutionCompletedEventAttributes: {} }),
];

describe('reset points of a run', () => {
  it('lists every completed workflow task with what woke the workflow for it', () => {
    expect(
      resetPointsOf(HISTORY).map(({ eventId, after, activityType, first }) => ({
        eventId,
        after,
        activityType,
        first,
      })),
    ).toEqual([
      { eventId: 4, after: 'the start of the run', activityType: null, first: true },
      { eventId: 10, after: 'activity preparePublish completed', activityType: 'preparePublish', first: false },
      { eventId: 16, after: 'timer 1 fired, signal recheck', activityType: null, first: false },
      { eventId: 22, after: 'activity guardedPublish failed', activityType: 'guardedPublish', first: false },
    ]);
  });

  it('retries from the first completed workflow task, or from the first task started when none completed', () => {
    expect(firstWorkflowTaskEventId(HISTORY)).toBe(4);
    expect(firstWorkflowTaskEventId(HISTORY.slice(0, 3))).toBe(3);
    expect(firstWorkflowTaskEventId(HISTORY.slice(0, 1))).toBeNull();
  });
});
