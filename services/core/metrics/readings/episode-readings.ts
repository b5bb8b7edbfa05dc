import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { DiagnosticsScope } from '../../diagnostics/diagnostics-scope';
import { failedRunsQuery, tenantClause } from '../../diagnostics/visibility-query';
import { episodeKindKey } from '../../../../workflows/contracts/search-attributes';
import { EPISODE_KINDS, isEpisodeKind } from '../../../../workflows/contracts/vocabulary/episode-kinds';
import type { Counted } from './readings.types';

/** A listing of the last hour's failures reads at most this many runs: an alert needs "more than a few". */
const MAX_LISTED = 1000;

/** `Running` → `running`, `TimedOut` → `timed_out`, `ContinuedAsNew` → `continued_as_new`. */
export function statusLabel(status: string): string {
  return status.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

async function countByStatus(client: Client, filter: string): Promise<Map<string, number>> {
  const res = await client.workflowService.countWorkflowExecutions({
    namespace: client.options.namespace,
    query: `${filter} GROUP BY ExecutionStatus`.trim(),
  });
  const out = new Map<string, number>();
  for (const g of res.groups ?? []) {
    const value = g.groupValues?.[0] ? defaultPayloadConverter.fromPayload<unknown>(g.groupValues[0]) : undefined;
    if (typeof value === 'string') out.set(statusLabel(value), Number(g.count ?? 0));
  }
  return out;
}

/**
 * Workflows by episode kind and execution status (CountWorkflowExecutions grouped by ExecutionStatus, one count per
 * kind and one overall, whose remainder is `other`: a workflow without a kind Raize knows). Within the scope: staff
 * and the scrape see every tenant's, an Admin their agencies' and clients' (diagnostics' own tenant clause).
 */
export async function readEpisodes(client: Client, scope: DiagnosticsScope): Promise<Counted[]> {
  const tenant = tenantClause(scope);
  const perKind = await Promise.all(
    EPISODE_KINDS.map(async (kind) => ({
      kind,
      counts: await countByStatus(client, `RaizeEpisodeKind = '${kind}'${tenant}`),
    })),
  );
  const all = await countByStatus(client, tenant.replace(/^ AND /, ''));
  const out: Counted[] = [];
  for (const { kind, counts } of perKind)
    for (const [state, value] of counts) out.push({ labels: { kind, state }, value });
  for (const [state, total] of all) {
    const known = perKind.reduce((n, k) => n + (k.counts.get(state) ?? 0), 0);
    if (total > known) out.push({ labels: { kind: 'other', state }, value: total - known });
  }
  return out;
}

/** Runs that failed, timed out or were terminated in the last hour, by kind (`workflow_failed`, …). */
export async function readWorkflowFailures(client: Client, scope: DiagnosticsScope, now: Date): Promise<Counted[]> {
  const query = failedRunsQuery(scope, new Date(now.getTime() - 3_600_000));
  const counts = new Map<string, number>();
  let listed = 0;
  for await (const wf of client.workflow.list({ query })) {
    const raw = wf.typedSearchAttributes.get(episodeKindKey);
    const kind = raw && isEpisodeKind(raw) ? raw : 'other';
    const key = `${kind}|workflow_${wf.status.name.toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (++listed >= MAX_LISTED) break;
  }
  return [...counts].map(([key, value]) => {
    const [kind, state] = key.split('|');
    return { labels: { kind, state }, value };
  });
}
