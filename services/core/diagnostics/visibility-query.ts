import type { DiagnosticsScope } from './diagnostics-scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Raize's workflow ids are built from kinds and ids (workflows/contracts): nothing that needs quoting. */
const WORKFLOW_ID = /^[A-Za-z0-9._:@-]{1,255}$/;

/** Temporal's own ends of a run that went wrong; a Completed run can still be a Raize failure (its database row). */
export const FAILED_RUN_STATUSES = ['Failed', 'TimedOut', 'Terminated'] as const;

/** The list of values as a visibility literal; refuses anything that is not of the expected form. */
function literals(values: readonly string[], form: RegExp): string {
  for (const v of values) if (!form.test(v)) throw new Error(`not a value a visibility query may carry: ${v}`);
  return values.map((v) => `'${v}'`).join(', ');
}

export function isListableWorkflowId(id: string): boolean {
  return WORKFLOW_ID.test(id);
}

/**
 * The tenant part of a query: nothing for staff; for an Admin, the episodes their agencies or clients started
 * (RaizeAgencyId / RaizeClientId are set at every start). Ids are checked to be UUIDs, so nothing else reaches the
 * query text.
 */
export function tenantClause(scope: DiagnosticsScope): string {
  if (scope.kind === 'all') return '';
  const parts = [
    scope.agencyIds.length ? `RaizeAgencyId IN (${literals(scope.agencyIds, UUID)})` : '',
    scope.clientIds.length ? `RaizeClientId IN (${literals(scope.clientIds, UUID)})` : '',
  ].filter(Boolean);
  // A scope with no tenant sees nothing; callers refuse it before, this keeps the query closed all the same.
  return parts.length ? ` AND (${parts.join(' OR ')})` : ` AND WorkflowId = ''`;
}

/** Runs that Temporal ended as failed, timed out or terminated since `since`, within the scope. */
export function failedRunsQuery(scope: DiagnosticsScope, since: Date): string {
  return (
    `ExecutionStatus IN (${FAILED_RUN_STATUSES.map((s) => `'${s}'`).join(', ')})` +
    ` AND CloseTime > '${since.toISOString()}'${tenantClause(scope)}`
  );
}

/** Every run of these workflow ids (ids that could not be quoted safely are left out). */
export function runsOfQuery(workflowIds: readonly string[]): string | null {
  const ids = [...new Set(workflowIds)].filter(isListableWorkflowId);
  return ids.length ? `WorkflowId IN (${literals(ids, WORKFLOW_ID)})` : null;
}
