import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { z } from 'zod';

export const HISTORIES_DIR = join(__dirname, 'histories');

const fixtureSchema = z.object({
  /** the file test/replay/histories/<name>.json */
  name: z.string().regex(/^[a-z0-9-]+$/),
  workflowType: z.string().min(1),
  path: z.enum(['happy', 'unhappy']),
  /** how the episode ended or what it went through (verified, denied, parked, continued_as_new, …) */
  outcome: z.string().min(1),
  story: z.string().min(1),
  recorded: z.object({
    /** the commit the tree was on when the fixture was recorded */
    commit: z.string().regex(/^[0-9a-f]{7,40}$/),
    /** the `patched()` ids whose markers the history holds: the code version it replays against */
    patches: z.array(z.string()),
    /** the spec that records it (RAIZE_RECORD_FIXTURES), or why it is frozen */
    by: z.string().min(1),
  }),
});
const manifestSchema = z.object({ fixtures: z.array(fixtureSchema).min(1) });

export type ReplayFixture = z.infer<typeof fixtureSchema>;

/** test/replay/histories/manifest.json, checked: a malformed entry fails here, not as a confusing replay. */
export function loadManifest(): ReplayFixture[] {
  return manifestSchema.parse(JSON.parse(readFileSync(join(HISTORIES_DIR, 'manifest.json'), 'utf8'))).fixtures;
}

export function fixtureFile(name: string): string {
  return join(HISTORIES_DIR, `${name}.json`);
}

export function loadFixture(name: string): History {
  return historyFromJSON(JSON.parse(readFileSync(fixtureFile(name), 'utf8')));
}
