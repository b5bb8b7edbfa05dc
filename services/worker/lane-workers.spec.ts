import * as productionBundle from '../../workflows';
import * as smokeBundle from '../../workflows/smoke';
import { LANES } from '../core/config/temporal-config';
import type { LaneDeps } from '../../activities/lanes/lane.deps';
import { LANE_REGISTRATIONS, runnableLanes, SMOKE_LANE } from './lane-workers';

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
