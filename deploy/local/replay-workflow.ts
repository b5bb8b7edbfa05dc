import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { codecOptionsFrom, createDataConverter } from '../../services/core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../services/core/temporal/codec/secrets-key-source';
import { createTemporalClient } from '../../services/core/temporal/temporal-client';
import { workflowsEntry } from '../../services/worker/workflow-bundle';

/**
 * How an engineer checks a failed or suspicious episode: download its history by workflow id and replay it
 * against the workflow code in this checkout. Exit 0: the code reproduces the history; exit 1: it does not.
 *
 *   npm run replay -- <workflowId> [--run <runId>] [--save history.json]
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const workflowId = args.find(
    (a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--run' && args[args.indexOf(a) - 1] !== '--save',
  );
  if (!workflowId) {
    console.error('usage: npm run replay -- <workflowId> [--run <runId>] [--save history.json]');
    process.exit(2);
  }
  const runId = args.includes('--run') ? args[args.indexOf('--run') + 1] : undefined;
  const save = args.includes('--save') ? args[args.indexOf('--save') + 1] : undefined;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadAppConfig();
  // Histories hold encrypted payloads: the replayer decodes them with the keys of this data dir's secrets backend.
  const dataConverter = createDataConverter(new SecretsCodecKeySource(createSecrets(config)), codecOptionsFrom(config));
  const client = await createTemporalClient(config.temporal.address, config.temporal.namespace, dataConverter);
  try {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    console.log(`fetched ${history.events?.length ?? 0} events of ${workflowId} from ${config.temporal.address}`);
    if (save) {
      writeFileSync(save, historyToJSON(history));
      console.log(`saved to ${save}`);
    }
    await Worker.runReplayHistory({ workflowsPath: workflowsEntry(), dataConverter }, history, workflowId);
    console.log('replay OK: the current workflow code reproduces this history');
  } catch (err) {
    console.error(`replay FAILED: ${(err as Error).name}: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await client.connection.close();
  }
}

void main();
