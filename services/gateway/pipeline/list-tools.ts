import type { DataSource } from 'typeorm';
import type { Role } from '../../core/database/entities';
import type { GatewayCaller } from '../../core/gateway/caller';
import type { PolicyEngine } from '../../core/policy/policy-engine';
import type { LoadedRegistry, LoadedTool } from '../registry/load-registry';
import { strongestRole } from '../auth/operator-client-roles';
import { askGatewayPolicy } from './ask-policy';
import type { CallTarget } from './call-target';
import { assistantTargets } from './call-target';
import type { EffectiveGatewaySettings } from './gateway-settings';
import { readGatewaySettings } from './gateway-settings';
import { buildPolicyInput } from './policy-input';

/**
 * The tools this caller may use, and only those (C-36): each loaded tool asked of the policy with the caller's role and
 * its tenant's settings. An assistant sees a tool that takes a client when at least one of its clients' roles may use
 * it, and a tool that takes none when its strongest role may.
 */
export async function listTools(
  ds: DataSource,
  policy: PolicyEngine,
  registry: LoadedRegistry,
  caller: GatewayCaller,
): Promise<LoadedTool[]> {
  const settingsOf = memo((agencyId: string) => readGatewaySettings(ds, agencyId));
  const allowedFor = async (tool: LoadedTool, t: Pick<CallTarget, 'agencyId' | 'role'>): Promise<boolean> =>
    askGatewayPolicy(policy, buildPolicyInput(caller, t.role, tool.definition, await settingsOf(t.agencyId))).allow;

  const tools = [...registry.tools.values()].sort((a, b) => a.definition.name.localeCompare(b.definition.name));
  const out: LoadedTool[] = [];
  if (caller.kind === 'activity') {
    for (const tool of tools) if (await allowedFor(tool, caller)) out.push(tool);
    return out;
  }
  const targets = await assistantTargets(ds, caller);
  const strongest = strongestRole(targets.map((t) => t.role as Role));
  const strongestTargets = targets.filter((t) => t.role === strongest);
  for (const tool of tools) {
    const candidates = tool.definition.takesClient ? targets : strongestTargets.slice(0, 1);
    for (const t of candidates)
      if (await allowedFor(tool, t)) {
        out.push(tool);
        break;
      }
  }
  return out;
}

function memo(load: (agencyId: string) => Promise<EffectiveGatewaySettings>) {
  const cache = new Map<string, Promise<EffectiveGatewaySettings>>();
  return (agencyId: string): Promise<EffectiveGatewaySettings> => {
    let hit = cache.get(agencyId);
    if (!hit) cache.set(agencyId, (hit = load(agencyId)));
    return hit;
  };
}
