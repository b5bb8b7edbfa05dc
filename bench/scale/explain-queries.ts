import type { DataSource, EntityManager } from 'typeorm';
import { approvalQueuePage, calendarPage } from '../../services/core/scheduling/calendar.repository';
import { calendarRange } from '../../services/core/scheduling/calendar-range';
import { runInTenantScope } from '../../services/core/tenancy/tenant-scope';

export interface ExplainedQuery {
  name: string;
  /** the plan's text, as EXPLAIN (ANALYZE, BUFFERS) prints it */
  plan: string[];
  execution_ms: number | null;
  planning_ms: number | null;
}

/** The statement a repository function sends, caught instead of run (it answers no rows). */
async function capture(run: (m: EntityManager) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }> {
  let caught: { sql: string; params: unknown[] } | undefined;
  const recorder = {
    query: (sql: string, params: unknown[] = []) => {
      caught = { sql, params };
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;
  await run(recorder);
  if (!caught) throw new Error('the repository sent no query');
  return caught;
}

const msOf = (plan: string[], label: string) => {
  const line = plan.find((l) => l.startsWith(label));
  return line ? Number(/([\d.]+) ms/.exec(line)?.[1] ?? NaN) : null;
};

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the calendar month and the approvals queue's first page, the very statements the
 * repository sends (calendar.repository.ts), as the app role under row-level security in the operator's scope.
 */
export async function explainCalendarQueries(
  appDs: DataSource,
  scope: { actorId: string; agencyId: string },
  o: { calendarClient?: string; queueClient?: string; from: string; to: string },
): Promise<ExplainedQuery[]> {
  const statements: { name: string; sql: string; params: unknown[] }[] = [];
  if (o.calendarClient) {
    const range = calendarRange(o.from, o.to, 'UTC');
    if ('error' in range) throw new Error(range.error);
    const client = o.calendarClient;
    statements.push({
      name: 'calendar month (first: 1000)',
      ...(await capture((m) => calendarPage(m, { clientId: client, first: 1000, ...range }))),
    });
  }
  if (o.queueClient) {
    const client = o.queueClient;
    statements.push({
      name: 'approvals queue (first: 50)',
      ...(await capture((m) => approvalQueuePage(m, { clientId: client, first: 50 }))),
    });
  }
  const out: ExplainedQuery[] = [];
  await runInTenantScope(
    appDs,
    { actorId: scope.actorId, agencyIds: [scope.agencyId], clientIds: [], memberAgencyIds: [scope.agencyId] },
    async () => {
      for (const s of statements) {
        const rows = await appDs.manager.query<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`,
          s.params,
        );
        const plan = rows.map((r) => r['QUERY PLAN']);
        out.push({
          name: s.name,
          plan,
          execution_ms: msOf(plan, 'Execution Time'),
          planning_ms: msOf(plan, 'Planning Time'),
        });
      }
    },
  );
  return out;
}
