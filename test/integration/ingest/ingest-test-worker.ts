import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { engagementWorkflowId } from '../../../workflows/contracts/engagement.contract';
import {
  dataConverterFor,
  nativeConnection,
  tempDataDir,
  temporalClient,
  uniqueTaskQueue,
} from '../../harness/test-env';
import { receivedIdsQuery } from './ingest-test-workflows';
import { withTracing } from '../../../services/worker/worker-tracing';

let bundle: Promise<string> | undefined;
const testBundle = () =>
  (bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./ingest-test-workflows'),
    logger: new DefaultLogger('ERROR'),
  }).then((b) => b.code));

/** A worker for the stand-in engagement episode on a queue of its own, and a client with the same payload codec. */
export async function startEngagementStandIn(activities: object = {}): Promise<{
  taskQueue: string;
  dataDir: string;
  client: Client;
  close(): Promise<void>;
}> {
  const dataDir = tempDataDir();
  const taskQueue = uniqueTaskQueue('ingest');
  const dataConverter = dataConverterFor(dataDir);
  // Creates the codec key now, so a child process given the same data dir finds it rather than racing to make one.
  await dataConverter.payloadCodecs![0]!.encode([{ metadata: {}, data: new TextEncoder().encode(randomUUID()) }]);
  const temporal = await temporalClient({ dataDir });
  const connection = await nativeConnection();
  const worker = await Worker.create(
    withTracing({
      connection,
      namespace: process.env.RAIZE_TEST_NAMESPACE,
      taskQueue,
      workflowBundle: { code: await testBundle() },
      dataConverter,
      activities,
    }),
  );
  const running = worker.run().finally(() => connection.close());
  return {
    taskQueue,
    dataDir,
    client: temporal.client,
    async close() {
      worker.shutdown();
      await running;
      await temporal.close();
    },
  };
}

/** The ids the stand-in episode of this account received (empty while it has not started). */
export async function receivedIds(client: Client, clientId: string, accountId: string): Promise<string[]> {
  try {
    return await client.workflow.getHandle(engagementWorkflowId(clientId, accountId)).query(receivedIdsQuery);
  } catch {
    return [];
  }
}

export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not reached; last value ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A connected platform account of the tenant, written as the owner (the tests need no OAuth for the drainer). */
export async function seedAccount(
  owner: DataSource,
  t: { agencyId: string; clientId: string },
  o: { platform?: string; externalAccountId?: string; status?: string } = {},
): Promise<{ id: string; externalAccountId: string }> {
  const ext = o.externalAccountId ?? `ext_${randomUUID().slice(0, 12)}`;
  const [row] = await owner.query<{ id: string }[]>(
    `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint, status)
     VALUES ($1, $2, $3, $4, '@brand', 'fp', $5) RETURNING id`,
    [t.agencyId, t.clientId, o.platform ?? 'sandbox', ext, o.status ?? 'connected'],
  );
  return { id: row!.id, externalAccountId: ext };
}
