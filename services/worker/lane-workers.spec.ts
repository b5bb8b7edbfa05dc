import * as productionBundle from '../../workflows';
import * as smokeBundle from '../../workflows/smoke';
import { LANES } from '../core/config/temporal-config';
import type { GuardDeps } from '../../activities/guard/guard.deps';
import { LANE_REGISTRATIONS, runnableLanes, SMOKE_LANE } from './lane-workers';

describe('what each lane worker registers', () => {
  it('the production bundle exports exactly the workflows the lanes run, and no diagnostics', () => {
    const registered = LANES.flatMap((l) => LANE_REGISTRATIONS[l].workflows);
    expect(Object.keys(productionBundle).sort()).toEqual([...registered].sort());
    expect(Object.keys(productionBundle)).not.toContain(SMOKE_LANE.workflows[0]);
    expect(Object.keys(smokeBundle)).toEqual([...SMOKE_LANE.workflows]);
  });

  it('one bundle is enough only while a single lane runs workflows', () => {
    // A second lane with workflows needs a bundle entry of its own, or it would register the publish episode too.
    expect(LANES.filter((l) => LANE_REGISTRATIONS[l].workflows.length > 0)).toEqual(['publish']);
  });

  it('the publish lane gets the publish activities and nothing of the smoke lane', () => {
    const names = Object.keys(LANE_REGISTRATIONS.publish.activities!({} as GuardDeps));
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

  it('lanes with nothing to run get no worker', () => {
    expect(runnableLanes(LANES)).toEqual(['publish']);
  });
});
