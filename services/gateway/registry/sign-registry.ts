import type { DataSource } from 'typeorm';
import type { AuditService } from '../../core/audit/audit.service';
import { ToolRegistryEntry } from '../../core/database/entities/gateway.entity';
import { ensureGatewayKey, REGISTRY_SIGNING_KEY_SECRET } from '../../core/gateway/gateway-keys';
import type { SecretsPort } from '../../core/secrets/secrets.port';
import { EMPTY_SCOPE, runInTenantScope } from '../../core/tenancy/tenant-scope';
import type { ToolHandler } from '../tool.types';
import { registryKeyId, sameDefinition, signatureMatches, signDefinition } from './registry-signature';
import { parseToolDefinition } from './tool-definition.schema';

/** A definition changed in code without a new version: the signed history must never be rewritten in place. */
export class RegistryVersionConflictError extends Error {
  constructor(readonly tool: string) {
    super(`the registry holds a different definition of ${tool}: bump the version of ${tool}`);
    this.name = 'RegistryVersionConflictError';
  }
}

/**
 * Bootstrap (the owner connection; the app role may only read the registry): signs and inserts every handler version
 * the registry does not hold yet (C-37). A row of the same version with the same content but no valid signature
 * under the current key (a new keyring, a rotated key) is signed again: its content is the code's own definition,
 * so nothing the database says is trusted. A row of the same version with other content throws.
 */
export async function signRegistry(
  ownerDs: DataSource,
  secrets: SecretsPort,
  handlers: ToolHandler[],
  audit?: AuditService,
): Promise<{ signed: string[]; unchanged: string[] }> {
  const key = await ensureGatewayKey(ownerDs, secrets, REGISTRY_SIGNING_KEY_SECRET);
  const keyId = registryKeyId(key);
  const signed: string[] = [];
  const unchanged: string[] = [];
  for (const handler of handlers) {
    const definition = handler.definition;
    const shape = parseToolDefinition(definition);
    if (!shape.ok) throw new Error(`the definition of ${String(definition.name)} is not valid: ${shape.detail}`);
    const label = `${definition.name}@v${definition.version}`;
    const signature = signDefinition(key, definition);
    const repo = ownerDs.getRepository(ToolRegistryEntry);
    const row = await repo.findOne({ where: { name: definition.name, version: definition.version } });
    if (row && !sameDefinition(row.definition, definition)) throw new RegistryVersionConflictError(definition.name);
    if (row?.signature && signatureMatches(key, row.definition, row.signature)) {
      unchanged.push(label);
      continue;
    }
    const values = { definition: { ...definition }, signature, keyId, signedAt: new Date() };
    if (row) await repo.update({ id: row.id }, values);
    else
      await repo
        .createQueryBuilder()
        .insert()
        .values({ name: definition.name, version: definition.version, ...values })
        // Two bootstraps at once: the second finds the first's row on its next run and leaves it.
        .orIgnore()
        .execute();
    signed.push(label);
    if (audit)
      await runInTenantScope(ownerDs, EMPTY_SCOPE, () =>
        audit.append({
          agencyId: null,
          clientId: null,
          actor: 'system:gateway-registry',
          action: 'gateway.registry_signed',
          subjectType: 'tool',
          subjectId: label,
          data: { tool: definition.name, version: definition.version, keyId },
        }),
      );
  }
  return { signed, unchanged };
}
