import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityIdentity, ToolClient } from '../../services/core/gateway/tool-client.port';
import type { AgentRole, ToolName } from '../../workflows/contracts/vocabulary/gateway';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';

const TASK_CLASS_OF: Record<AgentRole, ActivityIdentity['taskClass']> = {
  planner: 'planning',
  creator: 'creation',
  router: 'engagement',
  drafter: 'engagement',
};

/**
 * Who an AI step is for the gateway: its tenant and client, the task class of its role, and the workflow it runs
 * for, read from the activity's own context (never from the input, so a caller cannot borrow another episode's).
 * Outside an activity (a test calling one directly) the given fallback names the workflow.
 */
export function agentIdentity(
  tenant: { agencyId: string; clientId: string },
  role: AgentRole,
  fallbackWorkflowId?: string,
): ActivityIdentity {
  let workflowId: string | undefined;
  try {
    workflowId = Context.current().info.workflowExecution?.workflowId;
  } catch {
    // not inside an activity
  }
  workflowId ??= fallbackWorkflowId;
  if (!workflowId) throw new Error('an agent tool call needs the workflow it runs for (call it inside an activity)');
  return { agencyId: tenant.agencyId, clientId: tenant.clientId, taskClass: TASK_CLASS_OF[role], role, workflowId };
}

/** A tool's answer that came back whole (`result`) or as a summary with the artifact holding the rest (C-39). */
export interface ToolAnswer<T> {
  result: T | null;
  summary: string;
  artifactKey?: string;
}

/**
 * Calls a tool and returns its answer; a refusal becomes a non-retryable `GatewayRefused` failure carrying the
 * gateway's code (a retry would get the same answer). Transport failures are thrown as they are: retried.
 */
export async function callTool<T>(
  tools: ToolClient,
  who: ActivityIdentity,
  tool: ToolName,
  input: Record<string, unknown>,
): Promise<ToolAnswer<T>> {
  const r = await tools.call<T>(who, tool, input);
  if (!r.ok)
    throw ApplicationFailure.create({
      type: FAILURE_TYPES.gatewayRefused,
      message: `the tool gateway refused ${tool} (${r.code}): ${r.message}`.slice(0, 500),
      nonRetryable: true,
      details: [{ tool, code: r.code }],
    });
  return r;
}

/** The gateway's refusal inside an error thrown by callTool, or undefined for any other error. */
export function gatewayRefusal(err: unknown): { code: string; message: string } | undefined {
  if (!(err instanceof ApplicationFailure) || err.type !== FAILURE_TYPES.gatewayRefused) return undefined;
  const d = err.details?.[0] as { code?: unknown } | undefined;
  return { code: typeof d?.code === 'string' ? d.code : 'refused', message: err.message };
}
