import type { INestApplication } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { loadAppConfig } from '../../services/core/config/app-config';
import { freePort } from '../../deploy/local/free-port';
import { createApi } from '../../services/api/create-api';
import { createLaneWorkers } from '../../services/worker/lane-workers';
import { createWorkerDeps } from '../../services/worker/worker-deps';
import { SandboxAdminClient } from '../../services/sandbox/sandbox-admin.client';
import type { RunningSandbox } from '../../services/sandbox/sandbox.server';
import { startSandbox } from '../../services/sandbox/sandbox.server';
import { nativeConnection, openDataSource, tempDataDir, testEnv, uniqueTaskQueue } from './test-env';
import type { LaneDeps } from '../../activities/lanes/lane.deps';
import type { ConnectorSettingsOverrides } from '../../services/core/connectors/platform-registry';
import type { PlatformEmulator } from '../../services/emulators/platforms/kit/platform-emulator';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import type { TestGateway } from './test-gateway';
import { startTestGateway } from './test-gateway';

export interface TestStack {
  apiUrl: string;
  sandbox: RunningSandbox;
  sandboxAdmin: SandboxAdminClient;
  ds: DataSource;
  taskQueue: string;
  dataDir: string;
  /** the MCP tool gateway the stack's AI steps reach their tools through (RAIZE_GATEWAY_URL points at it) */
  gateway: TestGateway;
  deps?: LaneDeps;
  gql<T = Record<string, unknown>>(
    actorId: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

const SANDBOX_ADMIN = 'sandbox-admin-test';

/**
 * A whole Raize in one test process against the harness's real Temporal server and database: sandbox
 * platform, API (NestJS over HTTP) and, on request, a publish-lane worker on a task queue of its own.
 */
export interface TestStackOptions {
  withWorker?: boolean;
  connectorTimeoutMs?: number;
  /** per-platform connector overrides for the worker (short settle windows, pacing off) */
  connectors?: ConnectorSettingsOverrides;
  env?: Record<string, string>;
  /** the base of the links the sandbox hands out for its posts (default: its own http://127.0.0.1 URL) */
  sandboxPublicUrl?: string;
  /** platform emulators the API and the worker reach instead of the real platforms */
  platforms?: PlatformEmulator[];
  /** the API's port, when something started before the stack must know its URL (Temporal Web's codec endpoint) */
  apiPort?: number;
  /** a labelled test double behind the tool gateway's text_generate/image_generate (default: the worker's own) */
  gatewayProviders?: ProviderGateway;
}

/** API and worker environment that points each platform at its emulator, registered as the emulators' app. */
function emulatorEnv(platforms: PlatformEmulator[]): Record<string, string> {
  return Object.fromEntries(
    platforms.flatMap((e) => {
      const prefix = `RAIZE_${e.platform.toUpperCase()}_`;
      return [
        [`${prefix}API_URL`, e.url],
        [`${prefix}DIALOG_URL`, e.url],
        [`${prefix}UPLOAD_URL`, e.url],
        [`${prefix}CLIENT_ID`, e.app.clientId],
        [`${prefix}CLIENT_SECRET`, e.app.clientSecret],
      ];
    }),
  );
}

/** Tests run many posts on one account and cannot wait out production timing: short settle window, no pacing. */
export const TEST_CONNECTORS: ConnectorSettingsOverrides = {
  sandbox: { settleSeconds: 3, reconcileLooks: 2, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } },
};

/** The emulators process a write before they answer: a short settle window is safe against them, and no pacing. */
const EMULATED_TIMING = { settleSeconds: 2, reconcileLooks: 1, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } };

export async function startTestStack(opts: TestStackOptions = {}): Promise<TestStack> {
  const env = testEnv();
  const sandbox = await startSandbox({ port: 0, adminToken: SANDBOX_ADMIN, publicUrl: opts.sandboxPublicUrl });
  const sandboxAdmin = new SandboxAdminClient(sandbox.url, SANDBOX_ADMIN);
  const apiPort = opts.apiPort ?? (await freePort());
  const taskQueue = uniqueTaskQueue('it');
  const dataDir = tempDataDir();
  Object.assign(process.env, {
    RAIZE_ENV: 'test',
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_NAMESPACE: env.namespace,
    RAIZE_DATA_DIR: dataDir,
    API_PORT: String(apiPort),
    API_HOST: '127.0.0.1',
    API_PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    SANDBOX_URL: sandbox.url,
    SANDBOX_OAUTH_CLIENT_ID: 'raize-test',
    RAIZE_TASK_QUEUE: taskQueue,
    RAIZE_SCHEMA_IN_MEMORY: '1',
    RAIZE_PAUSE_RECHECK_SECONDS: '1',
    RAIZE_VERIFY_INTERVAL_SECONDS: '1',
    ...emulatorEnv(opts.platforms ?? []),
    ...opts.env,
  });
  // Before the worker's deps: they build their MCP client from RAIZE_GATEWAY_URL (issue #16).
  const gateway = await startTestGateway({ providers: opts.gatewayProviders });
  process.env.RAIZE_GATEWAY_URL = gateway.url;
  await sandboxAdmin.registerOAuthClient({
    clientId: 'raize-test',
    redirectUris: [`http://127.0.0.1:${apiPort}/oauth/sandbox/callback`],
  });
  const app: INestApplication = await createApi();
  await app.listen(apiPort, '127.0.0.1');
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const ds = await openDataSource();

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let workerDs: DataSource | undefined;
  let closeDeps: (() => Promise<void>) | undefined;
  const stack: TestStack = {
    apiUrl,
    sandbox,
    sandboxAdmin,
    ds,
    taskQueue,
    dataDir,
    gateway,
    async gql(actorId, query, variables) {
      const res = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(actorId ? { authorization: `Dev ${actorId}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return res.json() as never;
    },
    async startWorker() {
      const config = loadAppConfig();
      const built = await createWorkerDeps(config, {
        connectorTimeoutMs: opts.connectorTimeoutMs,
        connectors: {
          ...Object.fromEntries((opts.platforms ?? []).map((e) => [e.platform, EMULATED_TIMING])),
          ...opts.connectors,
          sandbox: { ...TEST_CONNECTORS.sandbox, ...opts.connectors?.sandbox },
        },
        taskQueue,
      });
      workerDs = built.ds;
      closeDeps = built.close;
      stack.deps = built.deps;
      const connection = await nativeConnection();
      [worker] = await createLaneWorkers({
        connection,
        namespace: env.namespace,
        bundlePath: env.bundlePath,
        deps: built.deps,
        dataConverter: built.dataConverter,
        lanes: ['publish'],
        taskQueueFor: () => taskQueue,
      });
      running = worker.run().finally(() => connection.close());
    },
    async stopWorker() {
      if (worker && worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await closeDeps?.();
      await workerDs?.destroy();
      closeDeps = undefined;
      worker = undefined;
      running = undefined;
      workerDs = undefined;
    },
    async close() {
      await stack.stopWorker();
      await gateway.close();
      await app.close();
      await ds.destroy();
      await sandbox.close();
    },
  };
  if (opts.withWorker) await stack.startWorker();
  return stack;
}
