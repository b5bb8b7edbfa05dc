import type { ApiTokenScope, Role } from '../database/entities';
import type { AgentRole, TaskClass } from '../../../workflows/contracts/vocabulary/gateway';

/** An activity of an episode, calling with the token Raize minted for it: one agency, one client, one step. */
export interface ActivityCaller {
  kind: 'activity';
  agencyId: string;
  clientId: string;
  taskClass: Exclude<TaskClass, 'assistant'>;
  role: AgentRole;
  /** the workflow the activity belongs to (audited as the actor `workflow:<id>`) */
  workflowId: string;
  /** the token's id, for the audit trail and the rate limit */
  tokenId: string;
}

/**
 * An operator's assistant, calling with the operator's scoped API token: the operator's clients, each with the role
 * the operator holds on it (a tool taking a client is decided with that client's role).
 */
export interface AssistantCaller {
  kind: 'assistant';
  taskClass: 'assistant';
  userId: string;
  tokenId: string;
  /** the agencies the operator belongs to (the gateway settings that apply) */
  agencyIds: string[];
  /** client id -> the operator's effective role on it */
  clientRoles: Record<string, Role>;
  /** the API token's scopes: read tools need `read`; drafting and scheduling need `publish` */
  scopes: ApiTokenScope[];
  /** platform staff (never widens what a tool may do for a client; staff still need a role on the client) */
  staff: boolean;
}

export type GatewayCaller = ActivityCaller | AssistantCaller;

/** `workflow:<id>` or `user:<id>`: the audit trail's actor for a caller. */
export function callerActor(c: GatewayCaller): string {
  return c.kind === 'activity' ? `workflow:${c.workflowId}` : `user:${c.userId}`;
}
