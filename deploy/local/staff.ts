import { userInfo } from 'node:os';
import { PlatformStaffBootstrap } from '../../services/core/bootstrap/platform-staff';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createDataSource } from '../../services/core/database/data-source';
import { migrate } from '../../services/core/database/migrate';

const USAGE = 'usage: npm run staff -- grant <email> | revoke <email> | list';

/**
 * Platform staff of this installation (global kill switch, decoding Temporal payloads, Temporal Web links). Runs
 * with the database owner's DATABASE_URL: the application role cannot write platform_staff, by design.
 *
 *   npm run staff -- grant ops@raize.example
 */
async function main(): Promise<void> {
  const [verb, email] = process.argv.slice(2);
  if (!(verb === 'list' || ((verb === 'grant' || verb === 'revoke') && email))) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadAppConfig();
  await migrate(config.databaseUrl);
  const ds = createDataSource(config.databaseUrl, { applicationName: 'raize-staff-cli' });
  await ds.initialize();
  try {
    const staff = new PlatformStaffBootstrap(ds);
    const by = `staff-cli:${userInfo().username}`;
    if (verb === 'grant') {
      const r = await staff.grant(email, by);
      console.log(r.granted ? `${email} is platform staff now (user ${r.userId})` : `${email} was staff already`);
    } else if (verb === 'revoke') {
      const r = await staff.revoke(email);
      console.log(r.revoked ? `${email} is no longer platform staff` : `${email} was not staff`);
    } else {
      for (const s of await staff.list())
        console.log(`${s.email}  user ${s.userId}  granted ${s.grantedAt.toISOString()} by ${s.grantedBy}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(`staff: ${err.message}`);
  process.exit(1);
});
