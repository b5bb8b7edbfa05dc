import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { AppConfig } from '../../../services/core/config/app-config';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import { codecOptionsFrom, createDataConverter } from '../../../services/core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../../services/core/temporal/codec/secrets-key-source';
import { toolPath } from '../../../services/core/util/tool-path';
import { bundleWorkflows, workflowsEntry } from '../../../services/worker/workflow-bundle';
import { workflowTypeOf } from './history-events';
import { HistoryDivergenceError, replayHistory } from './replay-history';
import { exportHistory, HistoryFetchError } from './temporal-history-export';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const REPLAY_USAGE = `usage: npm run replay -- <workflowId> [--run <runId>] [--save <file.json>]
  Fetches the workflow's history from the Temporal server of this environment (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE)
  with the Temporal CLI and replays it on the workflow code of this checkout, decoding payloads with the codec keys of
  this environment's secrets backend. Exit 0: same decisions; 1: the code diverges (the event is named);
  2: bad usage, or the history could not be fetched.`;

/** The replay's exit codes: a script can tell "the code changed" from "could not look". */
export const REPLAY_EXIT = { same: 0, diverged: 1, usage: 2 } as const;

interface ReplayArgs {
  workflowId: string;
  runId?: string;
  save?: string;
}

function parseArgs(argv: string[]): ReplayArgs | string {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const name = a === '--run-id' ? 'run' : a.slice(2);
    if (!['run', 'save'].includes(name)) return `unknown option ${a}`;
    const value = argv[++i];
    if (!value || value.startsWith('--')) return `${a} needs a value`;
    options[name] = value;
  }
  if (positional.length !== 1) return positional.length ? 'one workflow id at a time' : 'a workflow id is required';
  if (!/^\S{1,1000}$/.test(positional[0])) return 'a workflow id has no spaces';
  return { workflowId: positional[0], runId: options.run, save: options.save };
}

/**
 * `npm run replay -- <workflowId>`: whether the current workflow code makes the decisions a recorded episode made
 * (docs/replay.md). One function, so the integration test runs exactly what the command runs. `workflowsEntry`
 * replays on other code than this checkout's production entry (the test's pre-patch code).
 */
export async function runReplayCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  opts: { workflowsEntry?: string } = {},
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(REPLAY_USAGE);
    return REPLAY_EXIT.same;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${REPLAY_USAGE}`);
    return REPLAY_EXIT.usage;
  }
  let config: AppConfig;
  let bin: string;
  try {
    config = loadAppConfig(env);
    bin = toolPath('temporal', env);
  } catch (err) {
    io.err((err as Error).message);
    return REPLAY_EXIT.usage;
  }
  const { address, namespace } = config.temporal;
  let history;
  try {
    history = await exportHistory({ bin, address, namespace, workflowId: args.workflowId, runId: args.runId }, env);
  } catch (err) {
    if (!(err instanceof HistoryFetchError)) throw err;
    io.err(err.message);
    return REPLAY_EXIT.usage;
  }
  const type = workflowTypeOf(history);
  const run = args.runId ? ` run ${args.runId}` : '';
  io.out(
    `fetched ${history.events?.length ?? 0} events of ${type} ${args.workflowId}${run} from ${address}/${namespace}`,
  );
  if (args.save) {
    // Saved as the server holds it: payloads stay encrypted (docs/payload-codec.md).
    writeFileSync(args.save, historyToJSON(history));
    io.out(`saved to ${args.save}`);
  }
  // Histories hold encrypted payloads: the replayer decodes them with the keys of this environment's secrets backend.
  const dataConverter = createDataConverter(new SecretsCodecKeySource(createSecrets(config)), codecOptionsFrom(config));
  try {
    const code = await bundleWorkflows(opts.workflowsEntry ?? workflowsEntry());
    await replayHistory({ workflowBundle: { code }, dataConverter }, history, {
      label: `workflow ${args.workflowId}${run}`,
      workflowId: args.workflowId,
    });
  } catch (err) {
    const e = err as Error;
    io.err(`replay FAILED: ${err instanceof HistoryDivergenceError ? e.message : `${e.name}: ${e.message}`}`);
    return REPLAY_EXIT.diverged;
  }
  io.out(`replay OK: the workflow code of this checkout makes the decisions ${type} ${args.workflowId} recorded`);
  return REPLAY_EXIT.same;
}
