import { randomUUID } from 'node:crypto';
import type { RecordedArtifactStore } from '../../../services/core/artifacts/recorded-artifact-store';
import { createProviderGateway } from '../../../services/core/providers/provider-gateway';
import type { ActivityCaller, AssistantCaller, GatewayCaller } from '../../../services/core/gateway/caller';
import type { Role } from '../../../services/core/database/entities';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope, tenantScopedDataSource } from '../../../services/core/tenancy/tenant-scope';
import type { AgentRole, TaskClass } from '../../../workflows/contracts/vocabulary/gateway';
import type { GatewayDeps, ToolHandler, ToolOutput } from '../../../services/gateway/tool.types';
import type { SeededTenant } from '../../factories/tenant.factory';
import type { ProvidersWorld } from '../providers-core/providers-world';
import { openProvidersWorld } from '../providers-core/providers-world';

/**
 * Real parts for calling tool handlers directly, as the gateway does after its checks: Postgres as the app role (RLS),
 * the audit trail, the artifact store, the compiled policy and the provider gateway with the local provider. A call
 * runs in its client's tenant scope with `ctx.m` on that scope's connection.
 */
export interface ToolsWorld extends ProvidersWorld {
  deps: GatewayDeps;
  call<T = Record<string, unknown>>(
    handler: ToolHandler,
    caller: GatewayCaller,
    clientId: string | null,
    input: Record<string, unknown>,
    deps?: Partial<GatewayDeps>,
    /** the client whose scope the call runs in (default: clientId); another one probes row-level security */
    scopeOf?: string,
  ): Promise<ToolOutput & { result: T }>;
}

export async function openToolsWorld(): Promise<ToolsWorld> {
  const w = await openProvidersWorld();
  const deps: GatewayDeps = {
    ds: w.app,
    secrets: w.secrets,
    audit: w.audit,
    // createArtifactStore makes the recorded store; the providers' world only types it as the port.
    artifacts: w.artifacts as RecordedArtifactStore,
    providers: createProviderGateway({ ...w, ds: w.app }),
    policy: w.policy,
  };
  return {
    ...w,
    deps,
    async call(handler, caller, clientId, input, extra, scopeOf) {
      const parsed: unknown = handler.input.parse(input);
      const agencyId = caller.kind === 'activity' ? caller.agencyId : caller.agencyIds[0];
      const scopeClient = scopeOf ?? clientId;
      const scope = scopeClient
        ? await clientScope(w.app, scopeClient)
        : { actorId: null, agencyIds: [], clientIds: [], memberAgencyIds: [] };
      const scoped = tenantScopedDataSource(w.app);
      return runInTenantScope(w.app, scope, () =>
        handler.run(
          {
            caller,
            agencyId,
            clientId,
            m: scoped.manager,
            deps: { ...deps, ...extra },
            settings: { scriptDomains: [] },
            signal: new AbortController().signal,
          },
          parsed,
        ),
      ) as never;
    },
  };
}

export function activityCaller(
  t: SeededTenant,
  taskClass: Exclude<TaskClass, 'assistant'>,
  role: AgentRole,
): ActivityCaller {
  return {
    kind: 'activity',
    agencyId: t.agencyId,
    clientId: t.clientId,
    taskClass,
    role,
    workflowId: `wf-${randomUUID()}`,
    tokenId: randomUUID(),
  };
}

export function assistantCaller(t: SeededTenant, userId: string, roles: Record<string, Role>): AssistantCaller {
  return {
    kind: 'assistant',
    taskClass: 'assistant',
    userId,
    tokenId: randomUUID(),
    agencyIds: [t.agencyId],
    clientRoles: roles,
    scopes: ['read', 'publish'],
    staff: false,
  };
}
