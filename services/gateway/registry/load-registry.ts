import type { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import { readGatewayKey, REGISTRY_SIGNING_KEY_SECRET } from '../../core/gateway/gateway-keys';
import type { SecretsPort } from '../../core/secrets/secrets.port';
import { logger } from '../../core/telemetry/logger';
import { EMPTY_SCOPE, runInTenantScope } from '../../core/tenancy/tenant-scope';
import type { RegistryRefusal, ToolName } from '../../../workflows/contracts/vocabulary/gateway';
import type { ToolDefinition, ToolHandler } from '../tool.types';
import { verifyRegistryRow } from './verify-registry-row';
import type { RegistryRow } from './verify-registry-row';

export interface LoadedTool {
  definition: ToolDefinition;
  handler: ToolHandler;
  /** ajv messages, [] when valid */
  validate: (input: unknown) => string[];
}

export interface RegistryRefused {
  name: string;
  version: number | null;
  reason: RegistryRefusal;
  detail: string;
}

export interface LoadedRegistry {
  tools: Map<ToolName, LoadedTool>;
  refused: RegistryRefused[];
}

/**
 * Reads the newest version of each tool (app role, read only) and keeps only those that are signed under the current
 * registry key, intact, well formed and served by a handler of that very version (C-37). A refused tool is neither
 * listed nor callable, and no older version stands in for it: a tampered newest row fails closed. Each refusal is
 * logged with its reason and audited once per load.
 */
export async function loadRegistry(
  ds: DataSource,
  secrets: SecretsPort,
  handlers: ToolHandler[],
  opts: { audit?: AuditService } = {},
): Promise<LoadedRegistry> {
  const key = await readGatewayKey(secrets, REGISTRY_SIGNING_KEY_SECRET);
  const rows = await runInTenantScope(ds, EMPTY_SCOPE, () =>
    ds.query<RegistryRow[]>(
      `SELECT DISTINCT ON (name) name, version, definition, signature FROM tool_registry ORDER BY name, version DESC`,
    ),
  );
  const byName = new Map<string, ToolHandler>(handlers.map((h) => [h.definition.name, h]));
  const tools = new Map<ToolName, LoadedTool>();
  const refused: RegistryRefused[] = [];
  for (const row of rows) {
    const verdict = verifyRegistryRow(row, key, byName.get(row.name));
    if (verdict.ok) tools.set(verdict.tool.definition.name, verdict.tool);
    else refused.push({ name: row.name, version: row.version, reason: verdict.reason, detail: verdict.detail });
  }
  const inRegistry = new Set(rows.map((r) => r.name));
  for (const h of handlers)
    if (!inRegistry.has(h.definition.name))
      refused.push({
        name: h.definition.name,
        version: null,
        reason: 'unsigned',
        detail: 'the registry holds no signed definition of this tool (run the bootstrap)',
      });
  await report(ds, refused, opts.audit ?? new AuditService(ds, secrets));
  return { tools, refused };
}

async function report(ds: DataSource, refused: RegistryRefused[], audit: AuditService): Promise<void> {
  if (!refused.length) return;
  for (const r of refused)
    logger.warn(
      {
        'raize.operation': 'gateway.registry_load',
        'raize.action': r.name,
        'raize.outcome': 'refused',
        'raize.reasons': [r.reason],
      },
      `tool registry entry ${r.name}@v${r.version ?? '-'} refused: ${r.reason}`,
    );
  await runInTenantScope(ds, EMPTY_SCOPE, async () => {
    for (const r of refused)
      await audit.append({
        agencyId: null,
        clientId: null,
        actor: 'system:gateway',
        action: 'gateway.registry_refused',
        subjectType: 'tool',
        subjectId: `${r.name}@v${r.version ?? '-'}`,
        data: { tool: r.name, version: r.version, reason: r.reason, detail: r.detail },
      });
  });
}
