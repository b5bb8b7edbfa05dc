import type { Client } from '@temporalio/client';
import { traceIdKey } from '../../../workflows/contracts/search-attributes';
import { validTraceId } from '../telemetry/trace-links';

/**
 * The trace id an episode was started in (its RaizeTraceId search attribute, set by trace-id.interceptor.ts), or
 * null: a workflow started before traces existed, one Temporal no longer knows, or a server slow to answer (the
 * link is a convenience; it never holds up the page that shows it).
 */
export async function episodeTraceId(client: Client, workflowId: string, maxWaitMs = 2000): Promise<string | null> {
  try {
    const described = await client.connection.withDeadline(Date.now() + maxWaitMs, () =>
      client.workflow.getHandle(workflowId).describe(),
    );
    return validTraceId(described.typedSearchAttributes.get(traceIdKey));
  } catch {
    return null;
  }
}
