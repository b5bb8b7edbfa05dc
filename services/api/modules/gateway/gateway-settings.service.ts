import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { DEFAULT_GATEWAY_SETTINGS, GatewaySettings } from '../../../core/database/entities/gateway.entity';
import { TOOL_NAMES, type ToolName } from '../../../../workflows/contracts/vocabulary/gateway';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { UpdateGatewaySettingsInput } from './dtos/update-gateway-settings.input';
import { GatewaySettingsModel } from './models/gateway-settings.model';
import { normalizeScriptDomains } from './script-domains';

/** What an Admin changes, in the words of the GraphQL model (the audit event names these fields). */
interface Editable {
  disabledTools: ToolName[];
  scriptsEnabled: boolean;
  scriptDomains: string[];
  callsPerMinute: number;
  monthlyBudgetUsdMicros: number | null;
}

/**
 * An agency's gateway settings (issue #16): Admins and Managers read them, only an Admin changes them
 * (`gateway.manage`), and every change is audited with what it changed. Row-level security holds the write to the
 * agency in the request's scope as well (migration 1766700000000).
 */
@Injectable()
export class GatewaySettingsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async get(actor: Actor, agencyId: string): Promise<GatewaySettingsModel> {
    await this.access.requireAgency(actor, agencyId, 'gateway.read');
    const row = await this.ds.getRepository(GatewaySettings).findOne({ where: { agencyId } });
    return toModel(agencyId, row);
  }

  async update(actor: Actor, input: UpdateGatewaySettingsInput): Promise<GatewaySettingsModel> {
    // The role first: someone who may not change the settings learns nothing from a validation answer.
    await this.access.requireAgency(actor, input.agencyId, 'gateway.manage');
    const patch = patchOf(input);
    const saved = await this.ds.transaction(async (m) => {
      const current = await lockRow(m, input.agencyId);
      const before = editableOf(current);
      const after: Editable = { ...before, ...patch };
      // Scripts run code on Raize's side and reach the listed domains: turning them on is a decision said out loud.
      if (after.scriptsEnabled && !before.scriptsEnabled && input.acknowledgeScriptRisk !== true)
        throw new AppError(
          AppErrorCode.BadInput,
          'turning scripts on needs acknowledgeScriptRisk: true (scripts run code on Raize and reach the domains listed)',
        );
      const changed = changesBetween(before, after);
      if (!Object.keys(changed).length) return current;
      const row = await m.getRepository(GatewaySettings).save({
        agencyId: input.agencyId,
        toolPermissions: Object.fromEntries(after.disabledTools.map((t) => [t, false])),
        scriptsEnabled: after.scriptsEnabled,
        scriptDomains: after.scriptDomains,
        callsPerMinute: after.callsPerMinute,
        monthlyBudgetUsdMicros: after.monthlyBudgetUsdMicros,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      });
      await this.audit.append(
        {
          agencyId: input.agencyId,
          clientId: null,
          actor: `user:${actor.userId}`,
          action: 'gateway.settings_updated',
          subjectType: 'gateway_settings',
          subjectId: input.agencyId,
          data: { changed },
        },
        m,
      );
      return row;
    });
    return toModel(input.agencyId, saved);
  }
}

/** The row, created with the defaults when the agency has none, locked for this transaction (concurrent saves). */
async function lockRow(m: EntityManager, agencyId: string): Promise<GatewaySettings> {
  await m.query(`INSERT INTO gateway_settings (agency_id) VALUES ($1) ON CONFLICT (agency_id) DO NOTHING`, [agencyId]);
  return m
    .getRepository(GatewaySettings)
    .createQueryBuilder('g')
    .setLock('pessimistic_write')
    .where('g.agencyId = :agencyId', { agencyId })
    .getOneOrFail();
}

function patchOf(input: UpdateGatewaySettingsInput): Partial<Editable> {
  const patch: Partial<Editable> = {};
  if (input.disabledTools !== undefined)
    patch.disabledTools = TOOL_NAMES.filter((t) => input.disabledTools!.includes(t));
  if (input.scriptsEnabled !== undefined) patch.scriptsEnabled = input.scriptsEnabled;
  if (input.scriptDomains !== undefined) {
    const domains = normalizeScriptDomains(input.scriptDomains);
    if (!domains.ok)
      throw new AppError(
        AppErrorCode.BadInput,
        `scriptDomains: ${JSON.stringify(domains.bad)} is not a host name (give names like api.example.com: no scheme, port, path, wildcard or IP address)`,
      );
    patch.scriptDomains = domains.domains;
  }
  if (input.callsPerMinute !== undefined) patch.callsPerMinute = input.callsPerMinute;
  if (input.monthlyBudgetUsdMicros !== undefined) patch.monthlyBudgetUsdMicros = input.monthlyBudgetUsdMicros;
  return patch;
}

function editableOf(row: GatewaySettings | null): Editable {
  if (!row)
    return {
      disabledTools: [],
      scriptsEnabled: DEFAULT_GATEWAY_SETTINGS.scriptsEnabled,
      scriptDomains: [...DEFAULT_GATEWAY_SETTINGS.scriptDomains],
      callsPerMinute: DEFAULT_GATEWAY_SETTINGS.callsPerMinute,
      monthlyBudgetUsdMicros: DEFAULT_GATEWAY_SETTINGS.monthlyBudgetUsdMicros,
    };
  return {
    disabledTools: TOOL_NAMES.filter((t) => row.toolPermissions[t] === false),
    scriptsEnabled: row.scriptsEnabled,
    scriptDomains: row.scriptDomains,
    callsPerMinute: row.callsPerMinute,
    monthlyBudgetUsdMicros: row.monthlyBudgetUsdMicros,
  };
}

/** `{ field: { from, to } }` for each field that differs (settings only: nothing here is a secret). */
function changesBetween(before: Editable, after: Editable): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(after) as (keyof Editable)[])
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = { from: before[k], to: after[k] };
  return out;
}

function toModel(agencyId: string, row: GatewaySettings | null): GatewaySettingsModel {
  return { agencyId, ...editableOf(row), saved: !!row, updatedAt: row?.updatedAt ?? null };
}
