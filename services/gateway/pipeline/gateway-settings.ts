import type { DataSource } from 'typeorm';
import { DEFAULT_GATEWAY_SETTINGS, GatewaySettings } from '../../core/database/entities/gateway.entity';
import type { TenantScope } from '../../core/tenancy/tenant-scope';
import { runInTenantScope } from '../../core/tenancy/tenant-scope';

export interface EffectiveGatewaySettings {
  toolPermissions: Record<string, boolean | undefined>;
  scriptsEnabled: boolean;
  scriptDomains: string[];
  callsPerMinute: number;
  monthlyBudgetUsdMicros: number | null;
}

/** Reads an agency's gateway rows (settings, usage) and nothing else: its memberships' view, no client's data. */
export function agencyScope(agencyId: string): TenantScope {
  return { actorId: null, agencyIds: [], clientIds: [], memberAgencyIds: [agencyId] };
}

/** The agency's gateway settings, or the defaults (every tool the policy allows, scripts off) when it has none. */
export async function readGatewaySettings(ds: DataSource, agencyId: string): Promise<EffectiveGatewaySettings> {
  const row = await runInTenantScope(ds, agencyScope(agencyId), () =>
    ds.getRepository(GatewaySettings).findOne({ where: { agencyId } }),
  );
  if (!row)
    return {
      ...DEFAULT_GATEWAY_SETTINGS,
      toolPermissions: { ...DEFAULT_GATEWAY_SETTINGS.toolPermissions },
      scriptDomains: [...DEFAULT_GATEWAY_SETTINGS.scriptDomains],
    };
  return {
    toolPermissions: { ...row.toolPermissions },
    scriptsEnabled: row.scriptsEnabled,
    scriptDomains: [...row.scriptDomains],
    callsPerMinute: row.callsPerMinute,
    monthlyBudgetUsdMicros: row.monthlyBudgetUsdMicros,
  };
}
