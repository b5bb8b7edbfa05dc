import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../../schema/migrations';
import { tenantScopedDataSource } from '../tenancy/tenant-scope';

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
 * current tenant scope's connection (services/core/tenancy/tenant-scope.ts).
 */
export async function createAppDataSource(
  databaseAppUrl: string,
  opts: { poolSize?: number; applicationName?: string } = {},
): Promise<DataSource> {
  const real = createDataSource(databaseAppUrl, opts);
  await real.initialize();
  return tenantScopedDataSource(real);
}
