import type { Client, WorkflowExecutionStatusName } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { agencyIdKey, clientIdKey } from '../../../workflows/contracts/search-attributes';
import type { EpisodeOwner } from './diagnostics-scope';

/** One run an engineer points at, with what deciding on it needs: its state, its tenant, whether it is the latest. */
export interface RunTarget {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: WorkflowExecutionStatusName;
  owner: EpisodeOwner;
  /** the workflow id's current run: a reset or retry of an older run would fork the episode */
  latestRunId: string;
}

/** The run, or null when Temporal knows no such workflow or run. */
export async function describeRun(client: Client, workflowId: string, runId: string): Promise<RunTarget | null> {
  try {
    const [run, latest] = await Promise.all([
      client.workflow.getHandle(workflowId, runId).describe(),
      client.workflow.getHandle(workflowId).describe(),
    ]);
    const sa = run.typedSearchAttributes;
    return {
      workflowId,
      runId: run.runId,
      workflowType: run.type,
      status: run.status.name,
      owner: { agencyId: sa.get(agencyIdKey) ?? null, clientId: sa.get(clientIdKey) ?? null },
      latestRunId: latest.runId,
    };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}
