import type { Client } from '@temporalio/client';
import type { EpisodeKind } from './trial-plan';

/** One run of an episode the matrix starts and then judges. */
export interface Episode {
  kind: EpisodeKind;
  workflowId: string;
}

/** What an episode left behind once the crashes are over. */
export interface Verdict {
  /** it reached its final status, and its workflow closed (engagement: the account's episode has nothing pending) */
  ended: boolean;
  /** posts, replies or scheduled items it made on the platform or for the client: exactly one is right */
  made: number;
  /** other things made twice (a second generated asset, a second ledger entry) */
  twice: string[];
  /** what was seen, for a failure message */
  seen: string;
}

/** One episode kind: how to start runs while no worker is up, the humans' part, and the judgement. */
export interface EpisodeDriver<E extends Episode = Episode> {
  kind: EpisodeKind;
  start(count: number): Promise<E[]>;
  /** the operators' part (approvals) for episodes waiting on them; called again and again, never blocks */
  operate(): Promise<void>;
  verdict(e: E): Promise<Verdict>;
  close(): Promise<void>;
}

/** The workflow's execution status as Temporal reports it (RUNNING, COMPLETED, FAILED, ...). */
export async function workflowStatus(client: Client, workflowId: string): Promise<string> {
  try {
    return (await client.workflow.getHandle(workflowId).describe()).status.name;
  } catch {
    return 'UNKNOWN';
  }
}

/** The activity types a finished run scheduled, in order: its boundaries are before and after each. */
export async function activitySequence(client: Client, workflowId: string): Promise<string[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
    return name ? [name] : [];
  });
}

/**
 * Starts an operator's call without waiting for it: with the worker down the API waits on the workflow's update, and
 * the next worker life answers it. One call per key at a time; a failed one may be tried again later.
 */
export class OperatorCalls {
  private readonly inFlight = new Set<string>();
  readonly done = new Set<string>();

  fire(key: string, call: () => Promise<boolean>): void {
    if (this.inFlight.has(key) || this.done.has(key)) return;
    this.inFlight.add(key);
    void call()
      .then((ok) => ok && this.done.add(key))
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(key));
  }
}
