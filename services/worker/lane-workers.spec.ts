import * as productionBundle from '../../workflows';
import * as smokeBundle from '../../workflows/smoke';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANES, loadTemporalConfig, parseTemporalConfig, workerHeapFlag } from '../core/config/temporal-config';
import { repoRoot } from '../core/util/repo-root';
import type { LaneDeps } from '../../activities/lanes/lane.deps';
import { LANE_REGISTRATIONS, laneConcurrency, runnableLanes, SMOKE_LANE } from './lane-workers';

// The factories only capture their dependencies; nothing is called while the lists are built.
const fakeDeps = { taskQueues: { publish: 'publish-q', creation: 'creation-q' } } as LaneDeps;

describe('what each lane worker registers', () => {
  it('the production bundle exports exactly the workflows the lanes run, and no diagnostics', () => {
    const registered = LANES.flatMap((l) => LANE_REGISTRATIONS[l].workflows);
    expect(Object.keys(productionBundle).sort()).toEqual([...registered].sort());
    expect(Object.keys(productionBundle)).not.toContain(SMOKE_LANE.workflows[0]);
    expect(Object.keys(smokeBundle)).toEqual([...SMOKE_LANE.workflows]);
  });

  it('lanes share the workflow bundle, but a side effect runs only on the lane that owns it', () => {
    // Activities are registered per lane and every episode's activities run on its own queue: a workflow started on
    // another lane's queue finds no activity to run there, so it cannot publish from the creation lane's slots.
    const activitiesOf = (lane: (typeof LANES)[number]) =>
      Object.keys(LANE_REGISTRATIONS[lane].activities?.(fakeDeps) ?? {});
    expect(activitiesOf('publish')).toContain('guardedPublish');
    for (const lane of ['creation', 'planning'] as const) expect(activitiesOf(lane)).not.toContain('guardedPublish');
    expect(activitiesOf('creation')).toEqual(expect.arrayContaining(['generateItemAsset', 'scheduleApprovedItem']));
    expect(activitiesOf('publish')).not.toContain('generateItemAsset');
    expect(activitiesOf('planning')).not.toContain('generateItemAsset');
  });

  it('the publish lane gets the publish activities and nothing of the smoke lane', () => {
    const names = Object.keys(LANE_REGISTRATIONS.publish.activities!(fakeDeps));
    expect(names).toEqual(
      expect.arrayContaining([
        'preparePublish',
        'recordApproval',
        'recordApprovalDecision',
        'verifyDecision',
        'recordPublishStatus',
        'guardedPublish',
        'verifyPublishedPost',
      ]),
    );
    expect(names).not.toContain('greet');
  });

  it('receipt re-checks run on the engagement lane, never in the publish lane’s slots (issue #15, C-26)', () => {
    expect(LANE_REGISTRATIONS.engagement.workflows).toContain('receiptRecheckWorkflow');
    const engagement = Object.keys(LANE_REGISTRATIONS.engagement.activities!(fakeDeps));
    expect(engagement).toEqual(expect.arrayContaining(['checkReceipt', 'recordUncheckedReceipt']));
    for (const lane of ['publish', 'creation', 'planning'] as const) {
      expect(LANE_REGISTRATIONS[lane].workflows).not.toContain('receiptRecheckWorkflow');
      expect(Object.keys(LANE_REGISTRATIONS[lane].activities?.(fakeDeps) ?? {})).not.toContain('checkReceipt');
    }
  });

  it('lanes with nothing to run get no worker', () => {
    expect(runnableLanes(LANES)).toEqual(['publish', 'engagement', 'creation', 'planning']);
  });
});

describe('each lane worker’s slots and workflow cache (issue #18)', () => {
  const shipped = readFileSync(join(repoRoot(), 'temporal.yaml'), 'utf8');
  const withCache = (lane: string, n: number) =>
    parseTemporalConfig(
      shipped.replace(new RegExp(`(workerCache:[\\s\\S]*?\\n  ${lane}: \\{ cachedWorkflows: )\\d+`), `$1${n}`),
    );

  it('caches what temporal.yaml’s workerCache says, not the workflow slots', () => {
    const cfg = withCache('publish', 37);
    expect(cfg.workerSlots.publish.workflows).not.toBe(37);
    expect(laneConcurrency(cfg, 'publish').maxCachedWorkflows).toBe(37);
    expect(laneConcurrency(cfg, 'publish').maxConcurrentActivityTaskExecutions).toBe(
      cfg.workerSlots.publish.activities,
    );
  });

  it('never runs more workflow tasks at once than the lane may cache, and at least two', () => {
    expect(laneConcurrency(withCache('engagement', 8), 'engagement').maxConcurrentWorkflowTaskExecutions).toBe(8);
    expect(laneConcurrency(withCache('engagement', 2), 'engagement').maxConcurrentWorkflowTaskExecutions).toBe(2);
  });

  it('with the cache off (0) the workflow slots alone bound the tasks, at most 100', () => {
    const cfg = withCache('publish', 0);
    expect(laneConcurrency(cfg, 'publish')).toMatchObject({
      maxCachedWorkflows: 0,
      maxConcurrentWorkflowTaskExecutions: Math.min(cfg.workerSlots.publish.workflows, 100),
    });
  });

  it('refuses a temporal.yaml without a cache size for every lane, naming the lane', () => {
    expect(() => parseTemporalConfig(shipped.replace(/\n  planning: \{ cachedWorkflows: \d+ \}/, ''))).toThrow(
      /workerCache\.planning/,
    );
  });

  it('starts a worker with temporal.yaml’s heap limit per isolate, and refuses one too small to run a lane', () => {
    const cfg = parseTemporalConfig(shipped.replace(/maxOldSpaceMb: \d+/, 'maxOldSpaceMb: 300'));
    expect(workerHeapFlag(cfg)).toBe('--max-old-space-size=300');
    expect(() => parseTemporalConfig(shipped.replace(/maxOldSpaceMb: \d+/, 'maxOldSpaceMb: 64'))).toThrow(
      /workerProcess\.maxOldSpaceMb/,
    );
  });

  it('the shipped sizes cache fewer workflows than each lane has workflow slots (the cache used to be the slots)', () => {
    const cfg = loadTemporalConfig();
    for (const lane of LANES)
      expect(laneConcurrency(cfg, lane).maxCachedWorkflows).toBeLessThan(cfg.workerSlots[lane].workflows);
  });
});
