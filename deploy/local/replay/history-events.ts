import type { History } from '@temporalio/common/lib/proto-utils';

type HistoryEvent = NonNullable<History['events']>[number];

/** The event's type as Temporal Web shows it (`ActivityTaskScheduled`), taken from its attributes' field name. */
export function eventTypeName(event: HistoryEvent): string {
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes') && event[k as keyof HistoryEvent]);
  if (!key) return 'Unknown';
  const name = key.slice(0, -'EventAttributes'.length);
  return name[0].toUpperCase() + name.slice(1);
}

/** What the command behind the event was about: the activity type, timer, patch or child workflow type. */
export function eventDetail(event: HistoryEvent): string | undefined {
  const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
  if (activity) return `activity ${activity}`;
  const timer = event.timerStartedEventAttributes?.timerId;
  if (timer) return `timer ${timer}`;
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName === 'core_patch') {
    const patch = patchIdOf(marker.details);
    return patch ? `patch ${patch}` : 'patch marker';
  }
  if (marker?.markerName) return `marker ${marker.markerName}`;
  const child = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name;
  if (child) return `child workflow ${child}`;
  return undefined;
}

/** `event 48 ActivityTaskScheduled (activity guardedPublish)` */
export function describeEvent(event: HistoryEvent): string {
  const detail = eventDetail(event);
  return `event ${String(event.eventId)} ${eventTypeName(event)}${detail ? ` (${detail})` : ''}`;
}

export function workflowTypeOf(history: History): string {
  return history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'unknown';
}

/** The `patched()` ids the recorded code went through: the code version a history was recorded under. */
export function patchesIn(history: History): string[] {
  const ids = (history.events ?? [])
    .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map((e) => patchIdOf(e.markerRecordedEventAttributes?.details))
    .filter((id): id is string => !!id);
  return [...new Set(ids)].sort();
}

type MarkerDetails = NonNullable<HistoryEvent['markerRecordedEventAttributes']>['details'];

// The SDK writes a patch marker's id as a plain JSON payload (never through the codec: it is a constant of the code).
function patchIdOf(details: MarkerDetails): string | undefined {
  const data = details?.['patch-data']?.payloads?.[0]?.data;
  if (!data) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(data).toString('utf8')) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}
