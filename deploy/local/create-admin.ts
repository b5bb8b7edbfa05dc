import { createInterface } from 'node:readline';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { MIN_PASSWORD_LENGTH } from '../../services/core/auth/password';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createDataSource } from '../../services/core/database/data-source';
import { migrate } from '../../services/core/database/migrate';

/**
 * Creates the first agency and its Admin on a fresh install. There is no default password: it is read
 * from RAIZE_ADMIN_PASSWORD or typed on standard input.
 *
 *   npm run admin:create -- --email ops@agency.example --name "Ops Lead" --agency "Our Agency"
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.RAIZE_ADMIN_PASSWORD) return process.env.RAIZE_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(`password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const line = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  return line.trim();
}

async function main(): Promise<void> {
  const email = arg('email');
  const name = arg('name');
  const agencyName = arg('agency');
  if (!email || !name || !agencyName) {
    console.error('usage: npm run admin:create -- --email <email> --name <display name> --agency <agency name>');
    process.exit(2);
  }
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters; nothing was created`);
    process.exit(2);
  }
  const config = loadAppConfig();
  await migrate(config.databaseUrl);
  const ds = createDataSource(config.databaseUrl, { applicationName: 'raize-admin-cli' });
  await ds.initialize();
  try {
    const b = new TenantBootstrap(ds);
    if (((await ds.query('SELECT 1 FROM users WHERE email = $1', [email.toLowerCase()])) as unknown[]).length) {
      console.error(`an operator with that email exists already; nothing was created`);
      process.exit(1);
    }
    const agency = await b.createAgency(agencyName);
    const user = await b.createUser(email, name);
    await b.setPassword(user.id, password);
    await b.grant(user.id, agency.id, 'Admin');
    console.log(`created agency ${agency.id} and Admin ${user.id}; sign in with ${user.email}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  console.error(`admin:create failed: ${err.message}`);
  process.exit(1);
});
