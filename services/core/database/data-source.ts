import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../../schema/migrations';
import { tenantScopedDataSource } from '../tenancy/tenant-scope';
import { assertAppRoleConfined } from './app-role-check';

/** One DataSource per process. Schema changes only through migrations, never `synchronize`. */
export function createDataSource(
  databaseUrl: string,
  opts: { poolSize?: number; applicationName?: string } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: opts.poolSize ?? 10, application_name: opts.applicationName ?? 'raize' },
  });
}

/**
 * The application's DataSource: connects as the app role (RLS applies) and routes every query through the
 * current tenant scope's connection (services/core/tenancy/tenant-scope.ts). Refuses a role that row-level
 * security does not bind (superuser, BYPASSRLS, table owner), so no process runs with tenancy silently off.
 */
export async function createAppDataSource(
  databaseAppUrl: string,
  opts: { poolSize?: number; applicationName?: string; env: AppConfig['env'] },
): Promise<DataSource> {
  const real = createDataSource(databaseAppUrl, opts);
  await real.initialize();
  try {
    await assertAppRoleConfined(real, opts.env);
  } catch (err) {
    await real.destroy();
    throw err;
  }
  return tenantScopedDataSource(real);
}
