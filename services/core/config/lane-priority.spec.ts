import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../util/repo-root';
import type { TemporalFileConfig } from './temporal-config';
import { LANES, loadTemporalConfig, parseTemporalConfig } from './temporal-config';

const ORDER = ['publish', 'engagement', 'creation', 'planning'] as const;
const KINDS = ['workflows', 'activities'] as const;

/** Where a lower lane gets more slots than a higher one (publish > engagement > creation > planning), as `a<b.kind`. */
function inversions(cfg: TemporalFileConfig): string[] {
  return ORDER.flatMap((higher, i) =>
    ORDER.slice(i + 1).flatMap((lower) =>
      KINDS.filter((k) => cfg.workerSlots[lower][k] > cfg.workerSlots[higher][k]).map((k) => `${higher}<${lower}.${k}`),
    ),
  );
}

/**
 * C-26's configuration half (test/integration/lanes/lanes-under-load.test.ts is the behaviour): the lanes' priority is
 * what temporal.yaml gives each lane's queue and worker.
 */
describe('temporal.yaml lane queues and slots', () => {
  const cfg = loadTemporalConfig();

  it('[C-26] gives the publish lane at least as many workflow and activity slots as any other lane, and keeps the order publish ≥ engagement ≥ creation ≥ planning', () => {
    expect(inversions(cfg)).toEqual([]);
  });

  it('[C-26] the check bites: a planning lane given more activity slots than publish is reported', () => {
    const text = readFileSync(join(repoRoot(), 'temporal.yaml'), 'utf8');
    const bad = parseTemporalConfig(
      text.replace(/planning: \{ workflows: (\d+), activities: \d+ \}/, 'planning: { workflows: $1, activities: 999 }'),
    );
    expect(inversions(bad)).toEqual(
      expect.arrayContaining(['publish<planning.activities', 'engagement<planning.activities']),
    );
  });

  it('[C-26] gives every lane a task queue of its own', () => {
    expect(new Set(LANES.map((l) => cfg.taskQueues[l])).size).toBe(LANES.length);
  });
});
