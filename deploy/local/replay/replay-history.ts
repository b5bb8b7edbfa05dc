import type { History } from '@temporalio/common/lib/proto-utils';
import type { ReplayWorkerOptions } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { REPLAY_SINKS } from '../../../services/core/temporal/replay-sinks';
import { describeEvent, eventTypeName, workflowTypeOf } from './history-events';

export interface ReplaySubject {
  /** what the history is, for the message: a fixture's name, or `workflow <id>` */
  label: string;
  /** the workflow id the code sees while replaying (a history does not hold it); the label by default */
  workflowId?: string;
}

export interface DivergedEvent {
  id: number;
  type: string;
  /** `event 48 ActivityTaskScheduled (activity guardedPublish)` */
  description: string;
}

/** The workflow code replayed does not make the decisions this history recorded. */
export class HistoryDivergenceError extends Error {
  override readonly name = 'HistoryDivergenceError';
  constructor(
    readonly subject: string,
    readonly workflowType: string,
    readonly event: DivergedEvent | undefined,
    readonly sdkMessage: string,
  ) {
    super(
      `${subject} (workflow type ${workflowType}) does not replay on this workflow code: it diverges at ` +
        `${event?.description ?? 'an event the replayer did not name'}. ${coreReason(sdkMessage)}`,
    );
  }
}

/**
 * Replays `history` on the code of `options`; a determinism break comes back as a HistoryDivergenceError naming
 * the history, its workflow type and the event where the code and the history part ways. Other replay failures
 * (a payload the codec cannot open, a workflow task that throws) pass through unchanged.
 */
export async function replayHistory(
  options: ReplayWorkerOptions,
  history: History,
  subject: ReplaySubject,
): Promise<void> {
  const workflowId = subject.workflowId ?? subject.label;
  options = { ...options, sinks: { ...REPLAY_SINKS, ...options.sinks } };
  try {
    await Worker.runReplayHistory(options, history, workflowId);
  } catch (err) {
    if (!(err instanceof DeterminismViolationError)) throw err;
    const event = eventNamedIn(err.message, history) ?? (await firstDivergingEvent(options, history, workflowId));
    throw new HistoryDivergenceError(subject.label, workflowTypeOf(history), event, err.message);
  }
}

type HistoryEvent = NonNullable<History['events']>[number];

function diverged(event: HistoryEvent | undefined): DivergedEvent | undefined {
  return event
    ? { id: Number(event.eventId), type: eventTypeName(event), description: describeEvent(event) }
    : undefined;
}

// Core names the event in most of its messages (`No command scheduled for event HistoryEvent(id: 12, TimerStarted)`),
// but not in all of them (a changed activity type names the two types only).
function eventNamedIn(message: string, history: History): DivergedEvent | undefined {
  const id = /HistoryEvent\(id: (\d+),/.exec(message)?.[1];
  return id ? diverged(history.events?.find((e) => String(e.eventId) === id)) : undefined;
}

/**
 * Finds the event where the replay breaks by replaying prefixes of the history (every prefix of a history is the
 * history the workflow once had) on one replay worker, bisecting: the shortest prefix that breaks ends with it.
 */
async function firstDivergingEvent(
  options: ReplayWorkerOptions,
  history: History,
  workflowId: string,
): Promise<DivergedEvent | undefined> {
  const events = history.events ?? [];
  // The first workflow task (started, scheduled, started) runs as new code: nothing to compare yet.
  let good = Math.min(3, events.length);
  let bad = events.length;
  let probe = bad;
  async function* prefixes() {
    while (bad - good > 1) {
      probe = Math.floor((good + bad) / 2);
      yield { history: { events: events.slice(0, probe) }, workflowId };
    }
  }
  // runReplayHistories asks for the next prefix only after this loop has taken the last result.
  for await (const result of Worker.runReplayHistories(options, prefixes())) {
    if (result.error instanceof DeterminismViolationError) bad = probe;
    else good = probe;
  }
  return diverged(events[bad - 1]);
}

/** Core's own sentence, without the SDK's wrapping (`Failure { failure: Some(Failure { message: "..." ...`). */
function coreReason(message: string): string {
  const core = /Nondeterminism error: (.*?)", source:/.exec(message)?.[1];
  return core ? `The replayer says: ${core.replace(/\\"/g, '"')}` : message;
}
