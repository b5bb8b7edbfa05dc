import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { tokenLaneActivities } from '../../../activities/tokens';
import type { TokenLaneDeps } from '../../../activities/tokens';
import type { LaneDeps } from '../../../activities/lanes/lane.deps';
import { createPublishActivities } from '../../../activities/publish/publish.activities';
import { loadAppConfig } from '../../../services/core/config/app-config';
import type { ConnectorSettingsOverrides } from '../../../services/core/connectors/platform-registry';
import { connectorSettingsFrom } from '../../../services/core/connectors/platform-registry';
import { CredentialStore } from '../../../services/core/secrets/credential-store';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import { bundleWorkflows } from '../../../services/worker/workflow-bundle';
import { createWorkerDeps } from '../../../services/worker/worker-deps';
import type { TestStack } from '../../harness/stack';
import { nativeConnection, testEnv } from '../../harness/test-env';
import { withTracing } from '../../../services/worker/worker-tracing';

export interface Alert {
  msg: string;
  fields: Record<string, string>;
}

export interface TokenWorker {
  deps: LaneDeps;
  ds: DataSource;
  /** what the token activities need, as the publish lane's worker gives it (mutable: tests move the refresh window) */
  tokenDeps: TokenLaneDeps & { tokenLifecycles: NonNullable<TokenLaneDeps['tokenLifecycles']> };
  alerts: Alert[];
  stop(): Promise<void>;
}

const CONNECTORS: ConnectorSettingsOverrides = {
  sandbox: { settleSeconds: 3, reconcileLooks: 2, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } },
};

/**
 * The publish lane's worker as it runs once the token workflow is registered there: the publish workflow and its
 * activities, plus the token workflow and its activities, on the stack's task queue (where the API starts both).
 */
export async function startTokenWorker(stack: TestStack): Promise<TokenWorker> {
  const config = loadAppConfig();
  const built = await createWorkerDeps(config, { connectors: CONNECTORS, taskQueue: stack.taskQueue });
  const alerts: Alert[] = [];
  const tokenDeps = {
    ds: built.deps.ds,
    audit: built.deps.audit,
    credentials: built.deps.credentials,
    alert: (msg: string, fields: Record<string, string>) => void alerts.push({ msg, fields }),
    credentialStore: new CredentialStore(createSecrets(config)),
    connectorSettings: connectorSettingsFrom(config, CONNECTORS),
    tokenLifecycles: {},
  };
  const connection = await nativeConnection();
  const worker = await Worker.create(
    withTracing({
      connection,
      namespace: testEnv().namespace,
      taskQueue: stack.taskQueue,
      workflowBundle: { code: await bundleWorkflows(require.resolve('./token-test-workflows')) },
      dataConverter: built.dataConverter,
      activities: { ...createPublishActivities(built.deps), ...tokenLaneActivities(tokenDeps) },
      shutdownGraceTime: '2 seconds',
    }),
  );
  const running = worker.run().finally(() => connection.close());
  return {
    deps: built.deps,
    ds: built.ds,
    tokenDeps,
    alerts,
    async stop() {
      worker.shutdown();
      await running;
      await built.close();
      await built.ds.destroy();
    },
  };
}
