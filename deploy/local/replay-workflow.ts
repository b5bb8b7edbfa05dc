import { DefaultLogger, Runtime } from '@temporalio/worker';
import { REPLAY_EXIT, runReplayCommand } from './replay/replay-workflow.command';

/**
 * How an engineer checks a failed or suspicious episode against the code in this checkout (docs/replay.md):
 *
 *   npm run replay -- <workflowId> [--run <runId>] [--save history.json]
 *
 * Exit 0: the code makes the recorded decisions; 1: it diverges (workflow and event named); 2: bad usage, or the
 * history could not be fetched.
 */
// The replayer's own warnings (a failing workflow task on a divergence) repeat what the command prints.
Runtime.install({
  logger: new DefaultLogger('ERROR'),
  telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
});
runReplayCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`replay failed: ${err.message}`);
    process.exit(REPLAY_EXIT.usage);
  },
);
