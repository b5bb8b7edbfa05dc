import type { AppConfig } from '../../../core/config/app-config';

/** The run's page in Temporal Web (its history when the run is known), as Post.temporalUrl builds the workflow's. */
export function temporalRunUrl(
  temporal: Pick<AppConfig['temporal'], 'uiUrl' | 'namespace'>,
  workflowId: string,
  runId?: string | null,
): string {
  const workflow = `${temporal.uiUrl}/namespaces/${temporal.namespace}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${workflow}/${encodeURIComponent(runId)}/history` : workflow;
}
