import type { DataSource } from 'typeorm';
import type { TenantScope } from '../../tenancy/tenant-scope';
import { realDataSource } from '../../tenancy/tenant-scope';

const PAGE = 1000;
const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * The scope of the installation-wide readings: every agency with a connected account, found with the same narrow
 * security-definer listing the token and analytics schedules use (ids only). The readings run in it and return counts
 * by bounded labels, never a row, to platform staff and to the scrape; agencies without a connected account have no
 * posts, caps, tokens or platform calls to count (their plans and items are not in the installation's figures).
 */
export async function installationScope(ds: DataSource): Promise<TenantScope> {
  const agencies = new Set<string>();
  for (let after = NIL; ;) {
    const rows: { id: string; agency_id: string }[] = await realDataSource(ds).query(
      'SELECT * FROM raize_token_workflow_accounts($1, $2)',
      [after, PAGE],
    );
    for (const r of rows) agencies.add(r.agency_id);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  return { actorId: null, agencyIds: [...agencies].sort(), clientIds: [], memberAgencyIds: [] };
}
