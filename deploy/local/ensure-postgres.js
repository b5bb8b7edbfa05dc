// Makes sure a Postgres answers at the server named by RAIZE_TEST_DATABASE_SERVER (default the machine's
// 127.0.0.1:5432). On this machine kind the server is installed but may be stopped: start it if so.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const { Client } = require('pg');

const server = process.env.RAIZE_TEST_DATABASE_SERVER || 'postgres://postgres@127.0.0.1:5432';

async function answers() {
  const c = new Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

(async () => {
  if (await answers()) return console.log(`postgres: answering at ${server.replace(/\/\/[^@]*@/, '//')}`);
  if (existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql')[0];
    console.log(`postgres: not answering; starting cluster ${version}/main`);
    try {
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
    } catch {
      /* reported below */
    }
    for (let i = 0; i < 30; i++) {
      if (await answers()) return console.log('postgres: started');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  console.error(
    `postgres: nothing answers at ${server}; set RAIZE_TEST_DATABASE_SERVER to a server the tests may create databases on`,
  );
  process.exit(1);
})();
