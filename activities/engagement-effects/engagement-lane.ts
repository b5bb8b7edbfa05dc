import type { EngagementEffectActivities } from '../../workflows/contracts/engagement-effects.contract';
import type { GuardDeps } from '../guard/guard.deps';
import { scopedActivities } from '../scoped-activities';
import { createEngagementEffects } from './engagement-effects.activities';

/**
 * The engagement lane's guarded activities (services/worker/lane-workers.ts registers them): reply, DM, like and hide
 * through the kernel, each in the scope of its client. The set holds no publish effect and no settings write (C-30);
 * the kernel's policy refuses any other action for the engagement task class even if one were added.
 */
export function engagementLaneActivities(deps: GuardDeps): EngagementEffectActivities {
  return scopedActivities(deps.ds, createEngagementEffects(deps));
}
