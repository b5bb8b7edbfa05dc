import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { repoRoot } from '../../../services/core/util/repo-root';

/** Where the replay fixtures live; test/replay/histories/manifest.json names each one. */
export function replayFixturePath(name: string): string {
  return join(repoRoot(), 'test', 'replay', 'histories', `${name}.json`);
}

/**
 * Whether a spec run records the fixture `name`: RAIZE_RECORD_FIXTURES=1 records every fixture of the specs run,
 * a comma-separated list of names only those (re-recording one fixture leaves its neighbours byte for byte).
 */
export function recordsFixture(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const wanted = env.RAIZE_RECORD_FIXTURES?.trim();
  if (!wanted) return false;
  return wanted === '1' || wanted.split(',').some((w) => w.trim() === name);
}

/**
 * Writes the history of a workflow spec's episode as the replay fixture `name` when the spec runs with
 * RAIZE_RECORD_FIXTURES (docs/replay.md); otherwise does nothing, so the specs' normal runs write no files.
 */
export async function recordReplayFixture(
  name: string,
  source: { fetchHistory(): Promise<History> },
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (!recordsFixture(name, env)) return;
  writeFileSync(replayFixturePath(name), historyToJSON(await source.fetchHistory()));
}
