import { createDataSource } from './data-source';
import { ensureDatabase } from './ensure-database';
import { loadAppConfig } from '../config/app-config';

/** Creates the database when missing and runs pending migrations; safe to run on every start. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const ds = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'raize-migrate' });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  migrate(loadAppConfig().databaseUrl)
    .then((ran) => console.log(ran.length ? `migrations applied: ${ran.join(', ')}` : 'database is up to date'))
    .catch((err: Error) => {
      console.error(`migration failed: ${err.message}`);
      process.exit(1);
    });
}
