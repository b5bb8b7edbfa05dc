import { randomUUID } from 'node:crypto';
import argon2 = require('@node-rs/argon2');
import type { DataSource } from 'typeorm';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { createTemporalClient } from '../../../services/core/temporal/temporal-client';
import type { TenantScope } from '../../../services/core/tenancy/tenant-scope';
import {
  realDataSource,
  runInTenantScope,
  scopeHoldsConnection,
  withoutDatabaseConnection,
} from '../../../services/core/tenancy/tenant-scope';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { signIn } from '../../factories/operator-session';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, openDataSource, tempDataDir, testEnv, uniqueTaskQueue } from '../../harness/test-env';

const appUrl = () => testEnv().databaseUrl.replace('postgres@', 'raize_app@');
/** One pooled connection: whoever holds it blocks everyone else, which is what these tests look for. */
const poolOfOne = () =>
  createAppDataSource(appUrl(), { poolSize: 1, env: 'test', applicationName: 'raize-test-scope' });
const scopeOf = (t: SeededTenant): TenantScope => ({
  actorId: null,
  agencyIds: [],
  clientIds: [t.clientId],
  memberAgencyIds: [],
});

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Which settles first: `p`, or a timer of `ms` (then 'timeout'). */
async function firstOf<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

const countAssets = async (ds: DataSource) =>
  ((await ds.query('SELECT count(*)::int AS n FROM assets')) as { n: number }[])[0].n;

describe("a tenant scope's database connection (C-01)", () => {
  let owner: DataSource;
  let a: SeededTenant;
  let b: SeededTenant;
  beforeAll(async () => {
    owner = await openDataSource();
    a = await seedTenant(owner);
    b = await seedTenant(owner);
    for (const t of [a, b]) {
      await owner.query(
        `INSERT INTO assets (agency_id, client_id, kind, text, checksum) VALUES ($1, $2, 'text', 'only mine', 'x')`,
        [t.agencyId, t.clientId],
      );
    }
  });
  afterAll(() => owner.destroy());

  it('[C-01] a connection whose scope reset fails is destroyed: the next user of the pool never inherits the tenant', async () => {
    const app = await poolOfOne();
    try {
      let pidOfA = 0;
      await runInTenantScope(app, scopeOf(a), async () => {
        [{ pid: pidOfA }] = (await app.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
        expect(await countAssets(app)).toBe(1);
        // A statement fails inside a transaction TypeORM knows nothing of: the connection is left in an aborted
        // transaction, where the RESET at the end of the scope fails.
        await app.query('BEGIN');
        await expect(app.query('SELECT 1/0')).rejects.toThrow(/division by zero/);
      });
      const next = realDataSource(app).createQueryRunner();
      await next.connect();
      try {
        await next.query('ROLLBACK'); // a careful next user cleans the connection up first...
        const [seen] = (await next.query(
          `SELECT pg_backend_pid() AS pid, coalesce(current_setting('raize.client_ids', true), '') AS clients,
                  (SELECT count(*)::int FROM assets) AS assets`,
        )) as { pid: number; clients: string; assets: number }[];
        // ...and still must not find A's scope on it: the pool gave it a new connection.
        expect(seen.pid).not.toBe(pidOfA);
        expect(seen).toMatchObject({ clients: '', assets: 0 });
      } finally {
        await next.release();
      }
    } finally {
      await app.destroy();
    }
  });

  it('[C-01] a scope takes no connection before its first query and gives it back while it waits elsewhere', async () => {
    const app = await poolOfOne();
    const gate = deferred();
    const waiting = deferred();
    try {
      const inA = runInTenantScope(app, scopeOf(a), async () => {
        const beforeFirstQuery = scopeHoldsConnection();
        expect(await countAssets(app)).toBe(1);
        const whileWaiting = await withoutDatabaseConnection(async () => {
          waiting.resolve();
          await gate.promise; // argon2, Temporal…
          return scopeHoldsConnection();
        });
        const [after] = (await app.query(
          `SELECT current_setting('raize.client_ids') AS clients, (SELECT count(*)::int FROM assets) AS assets`,
        )) as { clients: string; assets: number }[];
        return { beforeFirstQuery, whileWaiting, after };
      });
      await waiting.promise;
      // B's request needs the pool's only connection while A's request is still waiting.
      const inB = await firstOf(
        runInTenantScope(app, scopeOf(b), () => countAssets(app)),
        5000,
      );
      expect(inB).toBe(1);
      gate.resolve();
      // A's next query took a connection again, with A's scope.
      expect(await inA).toEqual({
        beforeFirstQuery: false,
        whileWaiting: false,
        after: { clients: `{${a.clientId}}`, assets: 1 },
      });
    } finally {
      gate.resolve();
      await app.destroy();
    }
  });

  it("[C-01] a request waiting on a slow Temporal call does not block another request's query (pool of one)", async () => {
    const env = testEnv();
    const app = await poolOfOne();
    const temporal = await createTemporalClient(env.temporalAddress, env.namespace, dataConverterFor(tempDataDir()));
    // No worker polls this queue: a query to the workflow waits until its deadline, like a Temporal outage.
    const handle = await temporal.workflow.start('noWorkerRunsThis', {
      taskQueue: uniqueTaskQueue('idle'),
      workflowId: `idle-${randomUUID()}`,
      args: [],
    });
    const calling = deferred();
    try {
      const inA = runInTenantScope(app, scopeOf(a), async () => {
        expect(await countAssets(app)).toBe(1);
        calling.resolve();
        await temporal.connection.withDeadline(Date.now() + 6000, () => handle.query('status')).catch(() => undefined);
        return Date.now();
      });
      await calling.promise;
      const inB = await firstOf(
        runInTenantScope(app, scopeOf(b), async () => ({ assets: await countAssets(app), at: Date.now() })),
        4000,
      );
      expect(inB).toMatchObject({ assets: 1 });
      const aDone = await inA;
      expect((inB as { at: number }).at).toBeLessThan(aDone);
    } finally {
      await handle.terminate().catch(() => undefined);
      await temporal.connection.close();
      await app.destroy();
    }
  });
  it('[C-01] sign-in holds no pooled connection while argon2 verifies the password', async () => {
    const stack = await startTestStack();
    const held: boolean[] = [];
    const verify = argon2.verify;
    const spy = jest.spyOn(argon2, 'verify').mockImplementation((...args: Parameters<typeof verify>) => {
      held.push(scopeHoldsConnection());
      return verify(...args);
    });
    try {
      const t = await seedTenant(stack.ds);
      const password = 'a long enough passphrase';
      await new TenantBootstrap(stack.ds).setPassword(t.users.admin, password);
      const [{ email }] = (await stack.ds.query('SELECT email FROM users WHERE id = $1', [t.users.admin])) as {
        email: string;
      }[];
      const { body } = await signIn(stack, email, password);
      expect(body.errors).toBeUndefined();
      expect(held).toEqual([false]);
    } finally {
      spy.mockRestore();
      await stack.close();
    }
  });
});
