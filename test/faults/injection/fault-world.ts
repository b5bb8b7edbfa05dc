import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { creationLaneActivities } from '../../../activities/creation/creation-lane';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { EmulatorAdminClient } from '../../../services/emulators/faults/emulator-admin.client';
import type { LinkedInEmulator } from '../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { startLinkedInEmulator } from '../../../services/emulators/platforms/linkedin/linkedin.emulator';
import type { OpenAiEmulator } from '../../../services/emulators/providers/openai.emulator';
import { startOpenAiEmulator } from '../../../services/emulators/providers/openai.emulator';
import { createLaneWorkers } from '../../../services/worker/lane-workers';
import { withTracing } from '../../../services/worker/worker-tracing';
import type { EmulatedConnection } from '../../factories/connect-emulated';
import { connectEmulatedAccount, releaseEmulatedAccounts } from '../../factories/connect-emulated';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../../harness/test-env';
import { SANDBOX_SECRET, startTestIngest, testSecrets } from '../../integration/ingest/ingest-harness';
import { AUTONOMOUS } from './fault-scenes';
import { FaultTally } from './fault-tally';
import type { OutageProviders } from './outage-providers';
import { outageProviders } from './outage-providers';

/** The connector deadline of every platform in this run: what "latency beyond the timeout" is measured against. */
export const CONNECTOR_TIMEOUT_MS = 1_500;

/** How long a creation item waits on a provider outage before it parks (production: DEFAULT_MAX_OUTAGE_MS, 6 h). */
export const MAX_OUTAGE_MS = 20_000;

/** The key the OpenAI emulator accepts; each client stores it as its own (a test value, never a real key). */
export const OPENAI_KEY = `sk-fault-${randomBytes(12).toString('hex')}`;

/**
 * One Raize for every fault scenario, as the product runs it, against the harness's real Temporal and Postgres: the
 * API, the publish lane's worker, the engagement and creation lanes' workers, the webhook ingest (draining into the
 * engagement episodes), the MCP tool gateway on the real provider gateway, the sandbox, the LinkedIn emulator and the
 * OpenAI emulator. The faults are set at run time through each platform's admin routes, as an operator of the local
 * stack would set them.
 */
export interface FaultWorld {
  stack: TestStack;
  linkedin: LinkedInEmulator;
  linkedinAdmin: EmulatorAdminClient;
  openai: OpenAiEmulator;
  openaiAdmin: EmulatorAdminClient;
  providers: OutageProviders;
  ingest: RunningIngest;
  temporal: Client;
  queues: { engagement: string; creation: string };
  tally: FaultTally;
  /**
   * The one client holding the LinkedIn emulator's first member: an external account belongs to one agency (C-12),
   * so the LinkedIn scenarios share it (and tell their posts apart by text).
   */
  linkedinBrand(): Promise<{ t: SeededTenant; conn: EmulatedConnection }>;
  close(): Promise<void>;
}

export async function startFaultWorld(): Promise<FaultWorld> {
  const adminToken = randomBytes(16).toString('hex');
  const [linkedin, openai] = await Promise.all([
    startLinkedInEmulator(),
    startOpenAiEmulator({ apiKeys: [OPENAI_KEY] }),
  ]);
  linkedin.server.enableAdmin(adminToken);
  openai.server.enableAdmin(adminToken);
  const providers = outageProviders(openai.url);
  const stack = await startTestStack({
    withWorker: true,
    connectorTimeoutMs: CONNECTOR_TIMEOUT_MS,
    platforms: [linkedin],
    gatewayProviders: providers.gateway,
  });

  const queues = { engagement: uniqueTaskQueue('fault-engage'), creation: uniqueTaskQueue('fault-create') };
  const connection = await nativeConnection();
  const dataConverter = dataConverterFor(stack.dataDir);
  const workers: Worker[] = await createLaneWorkers({
    connection,
    namespace: testEnv().namespace,
    bundlePath: testEnv().bundlePath,
    deps: stack.deps!,
    dataConverter,
    lanes: ['engagement'],
    taskQueueFor: () => queues.engagement,
  });
  // The creation lane as lane-workers.ts registers it, with a maximum outage a bounded test can reach.
  workers.push(
    await Worker.create(
      withTracing({
        connection,
        namespace: testEnv().namespace,
        taskQueue: queues.creation,
        workflowBundle: { codePath: testEnv().bundlePath },
        dataConverter,
        activities: creationLaneActivities(stack.deps!, { maxOutageMs: MAX_OUTAGE_MS }),
      }),
    ),
  );
  const running = Promise.all(workers.map((w) => w.run())).finally(() => connection.close());
  const temporal = await temporalClient({ dataDir: stack.dataDir });
  const ingest = await startTestIngest({
    env: { RAIZE_INGEST_DRAIN: '1', RAIZE_TASK_QUEUE: queues.engagement, RAIZE_INGEST_DRAIN_IDLE_MS: '50' },
    temporal: temporal.client,
    secrets: testSecrets(),
  });
  await stack.sandboxAdmin.registerWebhook({ url: `${ingest.url}/webhooks/sandbox`, secret: SANDBOX_SECRET });

  let brand: Promise<{ t: SeededTenant; conn: EmulatedConnection }> | undefined;
  const linkedinBrand = () =>
    (brand ??= (async () => {
      const t = await seedTenant(stack.ds, AUTONOMOUS);
      return { t, conn: await connectEmulatedAccount(stack, t.users.admin, t.clientId, linkedin) };
    })());

  return {
    stack,
    linkedin,
    linkedinBrand,
    linkedinAdmin: new EmulatorAdminClient(linkedin.url, adminToken),
    openai,
    openaiAdmin: new EmulatorAdminClient(openai.url, adminToken),
    providers,
    ingest,
    temporal: temporal.client,
    queues,
    tally: new FaultTally(),
    async close() {
      if (brand) await releaseEmulatedAccounts(stack, [(await brand).t.clientId]);
      await ingest.close();
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await running;
      await temporal.close();
      await stack.close();
      await providers.close();
      await Promise.all([linkedin.close(), openai.close()]);
    },
  };
}
