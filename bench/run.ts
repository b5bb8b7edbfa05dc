/**
 * All benchmarks in one run: the policy latency bench first (a micro-benchmark, best on a quiet process),
 * then the episode throughput bench.
 *
 *   npm run bench [-- --episodes=N] [-- out.json]
 *
 * Each bench's own environment tunables apply (see their headers). The JSON, when a path is given, holds
 * both reports: { policy, episodes }.
 */
import './quiet-logs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  failedEpisodes,
  parseBenchArgs,
  runEpisodeThroughputBench,
  toMarkdown as episodesMarkdown,
} from './episodes/episode-throughput.bench';
import { runPolicyLatencyBench, toMarkdown as policyMarkdown } from './policy/policy-latency.bench';

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  process.once('SIGTERM', () => ac.abort());

  process.stderr.write('[bench] policy latency\n');
  const policy = await runPolicyLatencyBench();
  process.stdout.write(`\n${policyMarkdown(policy)}\n\n`);

  process.stderr.write('[bench] episode throughput\n');
  const episodes = await runEpisodeThroughputBench({ episodes: args.episodes, signal: ac.signal });
  process.stdout.write(`\n${episodesMarkdown(episodes)}\n`);

  if (args.out) {
    const file = resolve(args.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ policy, episodes }, null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
  process.exitCode = failedEpisodes(episodes) > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
