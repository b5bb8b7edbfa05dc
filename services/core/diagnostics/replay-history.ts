import type { DataConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { REPLAY_SINKS } from '../temporal/replay-sinks';

type History = temporal.api.history.v1.IHistory;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** `same`: the code makes the recorded decisions; `diverged`: it would decide otherwise; `failed`: no verdict. */
export const REPLAY_OUTCOMES = ['same', 'diverged', 'failed'] as const;
export type ReplayOutcome = (typeof REPLAY_OUTCOMES)[number];

export interface ReplayVerdict {
  sameDecisions: boolean;
  outcome: ReplayOutcome;
  workflowType: string | null;
  /** the recorded event where the current code first decides otherwise (diverged only) */
  divergenceEventId: number | null;
  /** the replayer's own words: what differs, or why there is no verdict */
  message: string | null;
  eventCount: number;
}

export interface ReplayOptions {
  /** the workflow bundle the workers run (services/worker/workflow-bundle.ts writes it) */
  bundlePath: string;
  /** the payload codec: histories hold encrypted inputs and results (C-13) */
  dataConverter?: DataConverter;
}

const id = (e: HistoryEvent): number => Number(e.eventId ?? 0);
const isDivergence = (err: unknown): boolean => (err as Error | undefined)?.name === 'DeterminismViolationError';

let quiet = false;
/** The SDK logs each replay worker's state changes at INFO; a process that installed its own runtime keeps it. */
function quietRuntime(): void {
  if (quiet) return;
  quiet = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed by this process
  }
}

/** The core's failure text without the Rust debug wrapping around it. */
function replayMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const inner = /message: "((?:[^"\\]|\\.)*)"/.exec(raw)?.[1];
  return (inner ?? raw).slice(0, 500);
}

/** How long one replay may take: a history the replayer cannot finish must not hold the caller forever. */
const REPLAY_TIMEOUT_MS = 60_000;

/** One replay; resolves to its error, null when the code reproduced the history. */
async function replays(o: ReplayOptions, events: HistoryEvent[], workflowId: string): Promise<unknown> {
  const results = Worker.runReplayHistories(
    { workflowBundle: { codePath: o.bundlePath }, dataConverter: o.dataConverter, sinks: REPLAY_SINKS },
    [{ workflowId, history: { events } }],
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), REPLAY_TIMEOUT_MS);
  });
  try {
    const first = await Promise.race([results.next(), timedOut]);
    // The replay worker of a stuck history is left to itself: its generator cannot be stopped mid-step.
    if (first === 'timeout') return new Error(`the replay did not finish within ${REPLAY_TIMEOUT_MS / 1000} s`);
    if (!first.done) await results.return?.(undefined);
    return first.done ? null : (first.value.error ?? null);
  } catch (err) {
    return err ?? new Error('replay failed');
  } finally {
    clearTimeout(timer);
  }
}

/** What the replayer needs to get going; without it the SDK waits for a workflow task forever. */
function shapeProblem(events: HistoryEvent[]): string | null {
  if (!events[0]?.workflowExecutionStartedEventAttributes)
    return 'the history does not begin with a WorkflowExecutionStarted event';
  if (events.some((e, i) => id(e) !== i + 1)) return 'the history’s event ids are not 1, 2, 3…';
  if (!events.some((e) => e.workflowTaskStartedEventAttributes)) return 'the history holds no workflow task';
  return null;
}

/**
 * The first recorded event the current code decides otherwise. A history cut after a workflow task started replays
 * the tasks before it against their recorded commands and runs that last task unchecked, so the shortest failing
 * cut names the task whose commands differ; its commands are the events right after its WorkflowTaskCompleted.
 */
async function firstDivergence(
  o: ReplayOptions,
  events: HistoryEvent[],
  workflowId: string,
  message: string,
): Promise<number | null> {
  const starts = events.filter((e) => e.workflowTaskStartedEventAttributes).map(id);
  // Cut k holds the events up to the k-th task start; cut starts.length is the whole history, known to fail.
  let lo = 1;
  let hi = starts.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const err = await replays(
      o,
      events.filter((e) => id(e) <= starts[mid]),
      workflowId,
    );
    if (err) hi = mid;
    else lo = mid + 1;
  }
  const taskStart = starts[lo - 1];
  if (taskStart === undefined) return null;
  const completedAt = events.findIndex((e) => id(e) > taskStart && e.workflowTaskCompletedEventAttributes);
  if (completedAt < 0) return null;
  const commands: HistoryEvent[] = [];
  for (const e of events.slice(completedAt + 1)) {
    if (e.workflowTaskScheduledEventAttributes) break;
    commands.push(e);
  }
  // The replayer names what differs in quotes (an activity type, a timer id): the command event that carries it.
  const named = (message.match(/'([^']+)'/g) ?? []).map((q) => q.slice(1, -1));
  const carrier = commands.find((e) => named.some((n) => JSON.stringify(e).includes(`"${n}"`)));
  return id(carrier ?? commands[0] ?? events[completedAt]);
}

/**
 * Replays one run's history against a workflow bundle and says whether the code would make the same decisions.
 * Never throws: a malformed history, an unknown workflow type or a broken bundle give outcome `failed` with the
 * reason.
 */
export async function replayHistory(o: ReplayOptions, history: History, workflowId: string): Promise<ReplayVerdict> {
  quietRuntime();
  const events = [...(history.events ?? [])];
  const started = events.find((e) => e.workflowExecutionStartedEventAttributes);
  const verdict = (v: Omit<ReplayVerdict, 'workflowType' | 'eventCount'>): ReplayVerdict => ({
    ...v,
    workflowType: started?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? null,
    eventCount: events.length,
  });
  const problem = shapeProblem(events);
  if (problem) return verdict({ sameDecisions: false, outcome: 'failed', divergenceEventId: null, message: problem });
  const err = await replays(o, events, workflowId);
  if (!err) return verdict({ sameDecisions: true, outcome: 'same', divergenceEventId: null, message: null });
  const message = replayMessage(err);
  if (!isDivergence(err)) return verdict({ sameDecisions: false, outcome: 'failed', divergenceEventId: null, message });
  const divergenceEventId = await firstDivergence(o, events, workflowId, message).catch(() => null);
  return verdict({ sameDecisions: false, outcome: 'diverged', divergenceEventId, message });
}
