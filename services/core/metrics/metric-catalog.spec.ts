import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../util/repo-root';
import { exposedName, METRIC_LABELS, METRIC_LIST } from './metric-catalog';
import { STATE_GAUGE_METRICS } from './state-gauges';

describe('the metric catalog', () => {
  it('has valid, unique Prometheus names under raize_', () => {
    const names = METRIC_LIST.map(exposedName);
    for (const n of names) expect(n).toMatch(/^raize_[a-z0-9_]+$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses only allowlisted labels', () => {
    for (const m of METRIC_LIST) for (const l of m.labels) expect(METRIC_LABELS).toContain(l);
  });

  it('has a state gauge for every metric the API reads, and no other', () => {
    expect(STATE_GAUGE_METRICS.map((m) => m.name).sort()).toEqual(
      METRIC_LIST.filter((m) => m.source === 'api')
        .map((m) => m.name)
        .sort(),
    );
    for (const m of STATE_GAUGE_METRICS) expect(m.type).toBe('gauge');
  });

  it('is documented: docs/metrics.md names every metric', () => {
    const doc = readFileSync(join(repoRoot(), 'docs', 'metrics.md'), 'utf8');
    for (const m of METRIC_LIST) expect(doc).toContain(`\`${exposedName(m)}\``);
  });
});
