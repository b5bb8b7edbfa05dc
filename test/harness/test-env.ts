import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../services/core/database/data-source';

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

export async function temporalClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const env = testEnv();
  const connection = await Connection.connect({ address: env.temporalAddress });
  return { client: new Client({ connection, namespace: env.namespace }), close: () => connection.close() };
}

export async function nativeConnection(): Promise<NativeConnection> {
  return NativeConnection.connect({ address: testEnv().temporalAddress });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'raize-data-'));
}
