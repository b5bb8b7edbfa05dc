import { AuditService } from '../../../services/core/audit/audit.service';
import { createDataSource } from '../../../services/core/database/data-source';
import type { SecretsPort } from '../../../services/core/secrets/secrets.port';
import { signRegistry } from '../../../services/gateway/registry/sign-registry';
import { TOOL_HANDLERS } from '../../../services/gateway/tools';

/**
 * Bootstrap of the MCP tool gateway's registry (C-37): each tool version the registry does not hold yet is signed and
 * stored with the OWNER connection (the app role may only read the registry), before any gateway loads it.
 */
export async function signToolRegistry(
  databaseUrl: string,
  secrets: SecretsPort,
): Promise<{ signed: string[]; unchanged: string[] }> {
  const owner = createDataSource(databaseUrl, { poolSize: 1, applicationName: 'raize-bootstrap' });
  await owner.initialize();
  try {
    return await signRegistry(owner, secrets, TOOL_HANDLERS, new AuditService(owner, secrets));
  } finally {
    await owner.destroy();
  }
}
