import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { createAppDataSource } from '../../../services/core/database/data-source';
import type { PlatformAccount } from '../../../services/core/database/entities';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { openDataSource, testEnv } from '../../harness/test-env';

/** The owner's connection (seeds rows as a migration would) and the app role's (RLS applies, as in production). */
export interface HealthWorld {
  owner: DataSource;
  app: DataSource;
  /** runs `fn` in one client's tenant scope, on the app role, with its entity manager */
  asClient<T>(clientId: string, fn: (m: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openHealthWorld(): Promise<HealthWorld> {
  const owner = await openDataSource();
  const app = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
    env: 'test',
    poolSize: 3,
    applicationName: 'raize-test-connector-health',
  });
  return {
    owner,
    app,
    asClient: async (clientId, fn) => runInTenantScope(app, await clientScope(app, clientId), () => fn(app.manager)),
    close: async () => {
      await app.destroy();
      await owner.destroy();
    },
  };
}

export interface SeedAccount {
  platform?: string;
  status?: PlatformAccount['status'];
  statusReason?: string | null;
  tokenExpiresAt?: Date | null;
  refreshExpiresAt?: Date | null;
  tokenCheckedAt?: Date | null;
  connectedAt?: Date;
  handle?: string;
}

/** An account written straight into the table, in whatever state a test needs (no platform is asked). */
export async function seedAccount(
  owner: DataSource,
  tenant: { agencyId: string; clientId: string },
  s: SeedAccount = {},
): Promise<Pick<PlatformAccount, 'id' | 'agencyId' | 'clientId' | 'platform' | 'handle'>> {
  const platform = s.platform ?? 'sandbox';
  const handle = s.handle ?? `@seed_${randomUUID().slice(0, 6)}`;
  const [row]: { id: string }[] = await owner.query(
    `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint, status,
       status_reason, token_expires_at, refresh_expires_at, token_checked_at, connected_at)
     VALUES ($1, $2, $3, $4, $5, 'fp', $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      tenant.agencyId,
      tenant.clientId,
      platform,
      randomUUID(),
      handle,
      s.status ?? 'connected',
      s.statusReason ?? null,
      s.tokenExpiresAt ?? null,
      s.refreshExpiresAt ?? null,
      s.tokenCheckedAt ?? null,
      s.connectedAt ?? new Date(),
    ],
  );
  return { id: row!.id, agencyId: tenant.agencyId, clientId: tenant.clientId, platform, handle };
}

/** A usage record as the guard writes one after a metered call. */
export async function seedUsage(
  owner: DataSource,
  account: { id: string; agencyId: string; clientId: string; platform: string },
  u: { unit: 'usd_micros' | 'quota_units'; amount: number; at?: Date },
): Promise<void> {
  await owner.query(
    `INSERT INTO platform_usage (agency_id, client_id, platform_account_id, platform, unit, amount, operation, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'seeded', $7)`,
    [account.agencyId, account.clientId, account.id, account.platform, u.unit, u.amount, u.at ?? new Date()],
  );
}
