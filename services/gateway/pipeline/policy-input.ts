import type { GatewayCaller } from '../../core/gateway/caller';
import type { ToolDefinition } from '../tool.types';
import type { EffectiveGatewaySettings } from './gateway-settings';

/** What `raize/gateway/decision` reads (policies/raize/gateway/gateway.rego). */
export interface GatewayPolicyInput {
  caller: { kind: GatewayCaller['kind']; task_class: string; role: string; scopes: string[] };
  tool: { name: string; class: string };
  tenant: { tool_permissions: Record<string, boolean>; scripts_enabled: boolean };
}

/**
 * The policy's input for one caller, one tool and one tenant. `role` is the activity's agent role, or the operator's
 * role on the client the call acts on. Activities carry no scopes: their token names one task, nothing more.
 */
export function buildPolicyInput(
  caller: GatewayCaller,
  role: string,
  definition: Pick<ToolDefinition, 'name' | 'class'>,
  settings: Pick<EffectiveGatewaySettings, 'toolPermissions' | 'scriptsEnabled'>,
): GatewayPolicyInput {
  const permissions: Record<string, boolean> = {};
  for (const [name, on] of Object.entries(settings.toolPermissions))
    if (typeof on === 'boolean') permissions[name] = on;
  return {
    caller: {
      kind: caller.kind,
      task_class: caller.taskClass,
      role,
      scopes: caller.kind === 'assistant' ? [...caller.scopes] : [],
    },
    tool: { name: definition.name, class: definition.class },
    tenant: { tool_permissions: permissions, scripts_enabled: settings.scriptsEnabled === true },
  };
}
