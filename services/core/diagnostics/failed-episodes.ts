import type { Client, WorkflowExecutionInfo, WorkflowExecutionStatusName } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { agencyIdKey, clientIdKey, episodeKindKey, traceIdKey } from '../../../workflows/contracts/search-attributes';
import type { DiagnosticsScope } from './diagnostics-scope';
import { scopeCovers } from './diagnostics-scope';
import type { ParkedEpisode } from './parked-episodes.repository';
import { ParkedEpisodesRepository } from './parked-episodes.repository';
import { runFailure } from './run-failure';
import { failedRunsQuery, runsOfQuery } from './visibility-query';

/** One episode that went wrong, from Temporal's view (a failed run), Raize's (a failed or parked row), or both. */
export interface FailedEpisode {
  workflowId: string | null;
  /** the run that failed, or the workflow's latest run for a Raize row */
  runId: string | null;
  workflowType: string | null;
  temporalStatus: WorkflowExecutionStatusName | null;
  episodeKind: string | null;
  agencyId: string | null;
  clientId: string | null;
  /** RaizeTraceId: the trace of the action that started the episode */
  traceId: string | null;
  failureType: string | null;
  /** decrypted; only filled when the query asked for messages (staff) */
  failureMessage: string | null;
  raize: ParkedEpisode | null;
  at: Date;
}

export interface FailedEpisodesQuery {
  scope: DiagnosticsScope;
  since: Date;
  limit: number;
  /** staff: read failure messages through the codec; everyone else gets types and reason codes only */
  withMessages: boolean;
}

const ABNORMAL: readonly WorkflowExecutionStatusName[] = ['FAILED', 'TIMED_OUT', 'TERMINATED'];
const LOOKUP_BATCH = 50;
const DETAIL_CONCURRENCY = 8;

async function take<T>(it: AsyncIterable<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  if (n <= 0) return out;
  for await (const x of it) {
    out.push(x);
    if (out.length >= n) break;
  }
  return out;
}

async function eachLimited<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The latest run of each workflow id (by start time): what "the episode" is now. */
async function latestRuns(client: Client, ids: string[]): Promise<Map<string, WorkflowExecutionInfo>> {
  const latest = new Map<string, WorkflowExecutionInfo>();
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const query = runsOfQuery(ids.slice(i, i + LOOKUP_BATCH));
    if (!query) continue;
    for await (const run of client.workflow.list({ query })) {
      const seen = latest.get(run.workflowId);
      if (!seen || seen.startTime < run.startTime) latest.set(run.workflowId, run);
    }
  }
  return latest;
}

function fromRun(run: WorkflowExecutionInfo): FailedEpisode {
  const sa = run.typedSearchAttributes;
  return {
    workflowId: run.workflowId,
    runId: run.runId,
    workflowType: run.type,
    temporalStatus: run.status.name,
    episodeKind: sa.get(episodeKindKey) ?? null,
    agencyId: sa.get(agencyIdKey) ?? null,
    clientId: sa.get(clientIdKey) ?? null,
    traceId: sa.get(traceIdKey) ?? null,
    failureType: null,
    failureMessage: null,
    raize: null,
    at: run.closeTime ?? run.startTime,
  };
}

/** Raize's failed and parked rows within the scope: the database part, read before any call to Temporal. */
export function loadParkedEpisodes(
  manager: EntityManager,
  q: Pick<FailedEpisodesQuery, 'scope' | 'since' | 'limit'>,
): Promise<ParkedEpisode[]> {
  const repo = new ParkedEpisodesRepository();
  return q.scope.kind === 'all'
    ? repo.forStaff(manager, { since: q.since, limit: q.limit })
    : repo.inTenants(manager, { since: q.since, limit: q.limit, ...q.scope });
}

/**
 * Failed and parked episodes of the last days within a scope, newest first: runs Temporal ended as failed, timed
 * out or terminated (only while they are still the workflow's latest run: a retried episode leaves the list), and
 * Raize's own failed or parked rows (loadParkedEpisodes) with their reason codes, joined by workflow id.
 */
export async function listFailedEpisodes(
  deps: { client: Client; parked: ParkedEpisode[] },
  q: FailedEpisodesQuery,
): Promise<FailedEpisode[]> {
  const { parked } = deps;
  const failedRuns = await take(deps.client.workflow.list({ query: failedRunsQuery(q.scope, q.since) }), q.limit);
  const ids = [...failedRuns.map((r) => r.workflowId), ...parked.flatMap((p) => (p.workflowId ? [p.workflowId] : []))];
  const latest = await latestRuns(deps.client, [...new Set(ids)]);

  const byWorkflow = new Map<string, FailedEpisode>();
  for (const run of failedRuns) {
    const now = latest.get(run.workflowId);
    if (now && now.runId !== run.runId) continue;
    const episode = fromRun(run);
    // The query already held the scope; the search attributes decide again here (C-04).
    if (scopeCovers(q.scope, episode)) byWorkflow.set(run.workflowId, episode);
  }
  const rowsOnly: FailedEpisode[] = [];
  for (const row of parked) {
    const run = row.workflowId ? latest.get(row.workflowId) : undefined;
    const known = row.workflowId ? byWorkflow.get(row.workflowId) : undefined;
    const episode: FailedEpisode = known ?? (run ? fromRun(run) : emptyEpisode(row));
    // The row's tenant is the database's word, which outranks a search attribute.
    Object.assign(episode, { raize: row, agencyId: row.agencyId, clientId: row.clientId });
    if (!known) episode.at = row.updatedAt;
    if (row.workflowId) byWorkflow.set(row.workflowId, episode);
    else rowsOnly.push(episode);
  }

  const episodes = [...byWorkflow.values(), ...rowsOnly]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, q.limit);
  await eachLimited(
    episodes.filter((e) => e.workflowId && e.runId && e.temporalStatus && ABNORMAL.includes(e.temporalStatus)),
    DETAIL_CONCURRENCY,
    async (e) => {
      const f = await runFailure(
        deps.client,
        { workflowId: e.workflowId!, runId: e.runId! },
        { withMessage: q.withMessages },
      ).catch(() => ({ type: null, message: null }));
      e.failureType = f.type;
      e.failureMessage = f.message;
    },
  );
  return episodes;
}

function emptyEpisode(row: ParkedEpisode): FailedEpisode {
  return {
    workflowId: row.workflowId,
    runId: null,
    workflowType: null,
    temporalStatus: null,
    episodeKind: row.kind,
    agencyId: row.agencyId,
    clientId: row.clientId,
    traceId: null,
    failureType: null,
    failureMessage: null,
    raize: row,
    at: row.updatedAt,
  };
}
