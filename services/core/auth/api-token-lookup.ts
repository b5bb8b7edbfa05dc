import type { DataSource } from 'typeorm';
import { ApiToken } from '../database/entities';
import { EMPTY_SCOPE, realDataSource, runInTenantScope } from '../tenancy/tenant-scope';
import { digestToken } from './tokens';

/** Where a token was used from, recorded on the token (C-09). */
export interface ApiTokenUse {
  ip: string;
  userAgent: string | null;
}

/**
 * The live API token a bearer secret names, or null for revoked, expired and unknown tokens alike (C-09). The table
 * is readable only by each token's owner (C-01): the narrow `raize_live_api_token` lookup names the owner, and the
 * row is read and its last use recorded as that operator. Shared by the GraphQL API and the MCP gateway.
 */
export async function lookUpApiToken(ds: DataSource, token: string, use: ApiTokenUse): Promise<ApiToken | null> {
  const [live] = await realDataSource(ds).query<{ token_id: string; owner_id: string }[]>(
    'SELECT token_id, owner_id FROM raize_live_api_token($1)',
    [digestToken(token)],
  );
  if (!live) return null;
  return runInTenantScope(ds, { ...EMPTY_SCOPE, actorId: live.owner_id }, async () => {
    const row = await ds.getRepository(ApiToken).findOne({ where: { id: live.token_id } });
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
    await ds
      .getRepository(ApiToken)
      .update({ id: row.id }, { lastUsedAt: new Date(), lastUsedIp: use.ip, lastUsedUserAgent: use.userAgent });
    return row;
  });
}
