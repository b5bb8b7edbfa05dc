import type { LatencySummary } from './latency';
import { summarize } from './latency';

export interface StartedEpisode {
  workflowId: string;
  /** the workflow's result (a long poll; the caller makes it cancellable) */
  result(): Promise<{ status?: string }>;
  /** performance.now() when workflow.start was called */
  startAt: number;
  /** performance.now() when the caller's own work began (the scheduling transaction); = startAt for bare */
  scheduleAt: number;
}

export interface EpisodeOutcome {
  workflowId: string;
  status: string;
  startAt: number;
  scheduleAt: number;
  endAt: number;
}

export interface BatchResult {
  episodes: number;
  completed: number;
  statuses: Record<string, number>;
  wall_s: number;
  episodes_per_s: number;
  /** workflow.start called → result received */
  end_to_end: LatencySummary;
  /** scheduling began (transaction, audit, start) → result received */
  schedule_to_result: LatencySummary;
  /** time to schedule one episode: from its scheduling start until start() returned (transaction committed, for guarded) */
  schedule: LatencySummary;
  firstWorkflowId: string | null;
  workflowIds: string[];
  failures: string[];
}

export interface BatchOptions {
  episodes: number;
  concurrency: number;
  timeoutMs: number;
  /** rejects when the run must stop (SIGINT, a worker that died) */
  abort: Promise<never>;
}

/** "Workflow execution failed ← Activity task failed ← TenantRefused: the publish job does not exist…" */
function causeChain(err: unknown): string {
  const parts: string[] = [];
  for (
    let e = err as { message?: string; type?: string; cause?: unknown } | undefined;
    e && parts.length < 4;
    e = e.cause as typeof e
  ) {
    parts.push(e.type ? `${e.type}: ${e.message}` : String(e.message));
  }
  return parts.join(' ← ');
}

/**
 * Starts `episodes` episodes with at most `concurrency` starts in flight, waits for every result, and
 * reports throughput over the batch (first start call → last result) and per-episode latencies.
 */
export async function runBatch(o: BatchOptions, start: (i: number) => Promise<StartedEpisode>): Promise<BatchResult> {
  const outcomes: EpisodeOutcome[] = [];
  const scheduleMs: number[] = [];
  const waits: Promise<void>[] = [];
  let next = 0;
  let firstWorkflowId: string | null = null;

  const starter = async () => {
    for (let i = next++; i < o.episodes; i = next++) {
      const s = await start(i);
      firstWorkflowId ??= s.workflowId;
      scheduleMs.push(performance.now() - s.scheduleAt);
      waits.push(
        s.result().then(
          (r) =>
            void outcomes.push({
              workflowId: s.workflowId,
              status: String(r?.status ?? 'unknown'),
              startAt: s.startAt,
              scheduleAt: s.scheduleAt,
              endAt: performance.now(),
            }),
          (err: Error) =>
            void outcomes.push({
              workflowId: s.workflowId,
              status: `error: ${causeChain(err)}`,
              startAt: s.startAt,
              scheduleAt: s.scheduleAt,
              endAt: performance.now(),
            }),
        ),
      );
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `batch of ${o.episodes} did not finish within ${Math.round(o.timeoutMs / 1000)} s (${outcomes.length} done)`,
          ),
        ),
      o.timeoutMs,
    );
  });
  try {
    await Promise.race([
      Promise.all(Array.from({ length: Math.min(o.concurrency, o.episodes) }, starter)),
      deadline,
      o.abort,
    ]);
    await Promise.race([Promise.all(waits), deadline, o.abort]);
  } finally {
    clearTimeout(timer);
  }

  const statuses: Record<string, number> = {};
  for (const e of outcomes) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
  const first = Math.min(...outcomes.map((e) => e.startAt));
  const last = Math.max(...outcomes.map((e) => e.endAt));
  const wall = (last - first) / 1000;
  return {
    episodes: o.episodes,
    completed: outcomes.length,
    statuses,
    wall_s: Math.round(wall * 100) / 100,
    episodes_per_s: Math.round((outcomes.length / wall) * 100) / 100,
    end_to_end: summarize(outcomes.map((e) => e.endAt - e.startAt)),
    schedule_to_result: summarize(outcomes.map((e) => e.endAt - e.scheduleAt)),
    schedule: summarize(scheduleMs),
    firstWorkflowId,
    workflowIds: outcomes.map((e) => e.workflowId),
    failures: outcomes
      .filter((e) => e.status.startsWith('error'))
      .slice(0, 5)
      .map((e) => `${e.workflowId}: ${e.status}`),
  };
}
