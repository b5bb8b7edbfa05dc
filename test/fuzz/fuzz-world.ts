import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionActor } from '../factories/real-actors';
import { signedIn } from '../factories/real-actors';
import type { SeededTenant } from '../factories/tenant.factory';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { DatabaseFingerprint } from './db-fingerprint';
import type { FuzzPools } from './fuzz-pools';
import { emptyPools } from './fuzz-pools';
import { seedFuzzTenant } from './fuzz-seed';
import { FUZZ_UPLOAD_LIMIT } from './uploads/upload-arbitrary';

/** Everything the fuzz properties share: one API on the harness's Temporal and Postgres, two tenants, a session. */
export interface FuzzWorld {
  stack: TestStack;
  /** the fuzzing tenant: its Admin's real session sends every input, so role checks do not hide validation */
  own: SeededTenant;
  /** another agency: its ids must be answered like ids that do not exist */
  foreign: SeededTenant;
  admin: SessionActor;
  artifactsDir: string;
  fingerprint: DatabaseFingerprint;
  pools: FuzzPools;
  /** Reads the pools again: fuzzed calls that were accepted created rows worth fuzzing with too. */
  refreshPools(): Promise<void>;
  close(): Promise<void>;
}

/** Budgets far above what one fuzz run spends: a 429 would hide what the input itself does (rate limits, C-10). */
const UNLIMITED = {
  RAIZE_RATE_LIMIT_IP_PER_MINUTE: '1000000',
  RAIZE_RATE_LIMIT_PER_MINUTE: '1000000',
  RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000000',
  RAIZE_RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
};

export async function startFuzzWorld(): Promise<FuzzWorld> {
  const artifactsDir = mkdtempSync(join(tmpdir(), 'raize-fuzz-artifacts-'));
  const stack = await startTestStack({
    env: {
      ...UNLIMITED,
      // Outbound fetches (webhook subscriptions, media URLs) may reach 127.0.0.1 over http and nothing else private,
      // as the import tests allow: there is no public host to point them at here.
      RAIZE_FETCH_ALLOW_HTTP: '1',
      RAIZE_FETCH_ALLOW_PRIVATE: '127.0.0.1/32',
      RAIZE_ARTIFACTS_BACKEND: 'local',
      RAIZE_ARTIFACTS_DIR: artifactsDir,
      ...Object.fromEntries(
        ['IMAGE', 'VIDEO', 'TEXT', 'IMPORT', 'PROOF'].map((k) => [
          `RAIZE_ARTIFACTS_MAX_${k}_BYTES`,
          String(FUZZ_UPLOAD_LIMIT),
        ]),
      ),
    },
  });
  try {
    const own = await seedTenant(stack.ds);
    const foreign = await seedTenant(stack.ds);
    const seeds = [await seedFuzzTenant(stack, own), await seedFuzzTenant(stack, foreign)];
    const failed = [...new Set(seeds.flatMap((s) => s.failed))];
    process.stderr.write(
      `[fuzz] seeded ${seeds[0]!.done + seeds[1]!.done} rows through the API${failed.length ? `; not seeded: ${failed.join(', ')}` : ''}\n`,
    );
    const admin = await signedIn(stack, own.users.admin);
    const world: FuzzWorld = {
      stack,
      own,
      foreign,
      admin,
      artifactsDir,
      fingerprint: new DatabaseFingerprint(stack.ds),
      pools: await readPools(stack, own, foreign),
      async refreshPools() {
        world.pools = await readPools(stack, own, foreign);
      },
      close: () => stack.close(),
    };
    return world;
  } catch (err) {
    await stack.close();
    throw err;
  }
}

/** Never handed to the fuzzer: revoking the session that sends the inputs would end the run, not test anything. */
const NOT_FUZZED_TABLES = new Set(['sessions', 'portal_sessions']);

async function readPools(stack: TestStack, own: SeededTenant, foreign: SeededTenant): Promise<FuzzPools> {
  const tables = await stack.ds.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'client_id'
     INTERSECT
     SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'`,
  );
  const union = tables
    .map((t) => t.table_name)
    .filter((t) => !NOT_FUZZED_TABLES.has(t))
    .map(
      (t) =>
        `(SELECT '${t}' AS t, id::text AS id, client_id::text AS c FROM public."${t}" WHERE client_id = ANY($1::uuid[]) ORDER BY id LIMIT 40)`,
    )
    .join(' UNION ALL ');
  const rows = await stack.ds.query<{ t: string; id: string; c: string }[]>(union, [[own.clientId, foreign.clientId]]);
  const pools: FuzzPools = emptyPools();
  const add = (side: Record<string, string[]>, t: string, id: string) => (side[t] ??= []).push(id);
  for (const r of rows) add(r.c === own.clientId ? pools.own : pools.foreign, r.t, r.id);
  for (const [side, t] of [
    [pools.own, own],
    [pools.foreign, foreign],
  ] as const) {
    add(side, 'clients', t.clientId);
    add(side, 'agencies', t.agencyId);
    for (const u of Object.values(t.users)) add(side, 'users', u);
  }
  const [facts] = await stack.ds.query<
    { checksums: string[] | null; keys: string[] | null; handles: string[] | null; foreign: string[] | null }[]
  >(
    `SELECT (SELECT array_agg(checksum) FROM (SELECT checksum FROM assets WHERE client_id = $1 LIMIT 20) a) AS checksums,
            (SELECT array_agg(key) FROM (SELECT key FROM artifacts WHERE client_id = $1 LIMIT 20) k) AS keys,
            (SELECT array_agg(handle) FROM platform_accounts WHERE client_id = $1) AS handles,
            (SELECT array_agg(handle) FROM platform_accounts WHERE client_id = $2) AS foreign`,
    [own.clientId, foreign.clientId],
  );
  pools.checksums = facts?.checksums ?? [];
  pools.mediaKeys = facts?.keys ?? [];
  pools.handles = facts?.handles ?? [];
  pools.foreignHandles = facts?.foreign ?? [];
  return pools;
}
