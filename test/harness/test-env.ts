import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../services/core/database/data-source';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { createDataConverter } from '../../services/core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../services/core/temporal/codec/secrets-key-source';

export interface TestEnv {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  bundlePath: string;
}

export function testEnv(): TestEnv {
  const need = (k: string) => {
    const v = process.env[k];
    if (!v) throw new Error(`${k} is not set: run integration tests through jest's integration project (global setup)`);
    return v;
  };
  return {
    temporalAddress: need('RAIZE_TEST_TEMPORAL_ADDRESS'),
    namespace: need('RAIZE_TEST_NAMESPACE'),
    databaseUrl: need('RAIZE_TEST_DATABASE_URL'),
    bundlePath: need('RAIZE_TEST_WORKFLOW_BUNDLE'),
  };
}

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function openDataSource(): Promise<DataSource> {
  const ds = createDataSource(testEnv().databaseUrl, { poolSize: 5, applicationName: 'raize-test' });
  await ds.initialize();
  return ds;
}

/**
 * The data converter of a Raize process whose RAIZE_DATA_DIR is `dataDir`: the codec keys live in that
 * directory's keyring, so the API, the workers (in process or forked) and test clients given the same
 * directory read each other's payloads.
 */
export function dataConverterFor(dataDir: string): DataConverter {
  return createDataConverter(
    new SecretsCodecKeySource(createSecrets({ dataDir, masterKey: process.env.RAIZE_MASTER_KEY })),
    { namespace: testEnv().namespace, refusePlaintext: false },
  );
}

/**
 * A Temporal client with the payload codec of the stack running in this test file (its RAIZE_DATA_DIR), or of
 * `dataDir`. Plain when no stack runs (a bare worker without the codec) or with `{ dataDir: null }` (reading
 * raw histories as anyone with access to the Temporal server would).
 */
export async function temporalClient(
  opts: { dataDir?: string | null } = {},
): Promise<{ client: Client; close: () => Promise<void> }> {
  const env = testEnv();
  const dataDir = opts.dataDir === undefined ? process.env.RAIZE_DATA_DIR : opts.dataDir;
  const connection = await Connection.connect({ address: env.temporalAddress });
  const dataConverter = dataDir ? dataConverterFor(dataDir) : undefined;
  return {
    client: new Client({ connection, namespace: env.namespace, dataConverter }),
    close: () => connection.close(),
  };
}

export async function nativeConnection(): Promise<NativeConnection> {
  return NativeConnection.connect({ address: testEnv().temporalAddress });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'raize-data-'));
}
