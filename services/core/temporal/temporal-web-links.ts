import type { AppConfig } from '../config/app-config';

/** An episode's page in Temporal Web: the workflow's, or the run's history when the run is known. */
export function temporalRunUrl(
  temporal: Pick<AppConfig['temporal'], 'uiUrl' | 'namespace'>,
  workflowId: string,
  runId?: string | null,
): string {
  const workflow = `${temporal.uiUrl}/namespaces/${temporal.namespace}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${workflow}/${encodeURIComponent(runId)}/history` : workflow;
}
