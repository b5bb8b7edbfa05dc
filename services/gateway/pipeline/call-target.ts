import type { DataSource } from 'typeorm';
import type { Role } from '../../core/database/entities';
import type { AssistantCaller, GatewayCaller } from '../../core/gateway/caller';
import { clientScope } from '../../core/tenancy/scope-for';
import { strongestRole } from '../auth/operator-client-roles';
import type { ToolDefinition } from '../tool.types';
import { refuse } from './gateway-refusal';

/** Whom a call acts for: the agency whose settings apply, the client (null for a tool that takes none), the role. */
export interface CallTarget {
  agencyId: string;
  clientId: string | null;
  /** the activity's agent role, or the operator's role on the client */
  role: string;
}

/**
 * The call's client and role. An activity acts for its token's client only (an input naming another client is
 * refused, C-30); an assistant names the client, which must be one of the operator's, and is decided with the role the
 * operator holds there; a tool that takes no client is decided with the operator's strongest role.
 */
export async function resolveCallTarget(
  ds: DataSource,
  caller: GatewayCaller,
  definition: Pick<ToolDefinition, 'takesClient'>,
  input: Record<string, unknown>,
): Promise<CallTarget> {
  const named = input.clientId;
  if (caller.kind === 'activity') {
    if (named !== undefined && named !== caller.clientId)
      refuse('client_not_allowed', 'this task may act only for its own client');
    return { agencyId: caller.agencyId, clientId: caller.clientId, role: caller.role };
  }
  if (!definition.takesClient) {
    const strongest = await strongestTarget(ds, caller);
    if (!strongest) refuse('client_not_allowed', 'the operator has no client this assistant could act for');
    return { ...strongest, clientId: null };
  }
  if (named === undefined) refuse('invalid_input', 'clientId is required: name the client this call acts for');
  if (typeof named !== 'string' || !Object.prototype.hasOwnProperty.call(caller.clientRoles, named))
    refuse('client_not_allowed', 'the operator holds no role on that client');
  const agencyId = await agencyOf(ds, named);
  if (!agencyId) refuse('client_not_allowed', 'the operator holds no role on that client');
  return { agencyId, clientId: named, role: caller.clientRoles[named] };
}

/** The agency of a client, read with the security-definer lookup clientScope uses (cached per process). */
export async function agencyOf(ds: DataSource, clientId: string): Promise<string | null> {
  return (await clientScope(ds, clientId)).memberAgencyIds[0] ?? null;
}

/** Each distinct (agency, role) the assistant holds through its clients; the listing decides with these. */
export async function assistantTargets(ds: DataSource, caller: AssistantCaller): Promise<CallTarget[]> {
  const out = new Map<string, CallTarget>();
  // Sorted: each (agency, role) keeps its first client by id, the same one a call without a client resolves to.
  for (const [clientId, role] of Object.entries(caller.clientRoles).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const agencyId = await agencyOf(ds, clientId);
    if (agencyId && !out.has(`${agencyId}:${role}`)) out.set(`${agencyId}:${role}`, { agencyId, clientId, role });
  }
  return [...out.values()];
}

async function strongestTarget(ds: DataSource, caller: AssistantCaller): Promise<Omit<CallTarget, 'clientId'> | null> {
  const role = strongestRole(Object.values(caller.clientRoles));
  if (!role) return null;
  const clients = Object.entries(caller.clientRoles)
    .filter(([, r]) => r === role)
    .map(([id]) => id)
    .sort();
  const agencyId = await agencyOf(ds, clients[0]);
  return agencyId ? { agencyId, role: role satisfies Role } : null;
}
