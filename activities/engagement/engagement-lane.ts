import type { EngagementActivities } from '../../workflows/contracts/engagement.contract';
import { brandContextFor } from '../creation/creation-lane';
import type { LaneDeps } from '../lanes/lane.deps';
import { scopedActivities } from '../scoped-activities';
import { createConversationActivities } from './conversation.activities';
import { createRouteDraftActivities } from './route-draft.activities';

/**
 * The engagement episode's own activities (services/worker/lane-workers.ts registers them beside the guarded
 * effects): recording, routing, drafting and conversation bookkeeping, each in the scope of its client. None of them
 * writes to a platform; replies and hides go through the guard's effects (C-30).
 */
export function engagementEpisodeActivities(deps: LaneDeps): EngagementActivities {
  const d = {
    ds: deps.ds,
    audit: deps.audit,
    policy: deps.policy,
    tools: deps.tools,
    brandContext: brandContextFor,
    platforms: deps.platforms,
    credentials: deps.credentials,
  };
  return scopedActivities(deps.ds, { ...createConversationActivities(d), ...createRouteDraftActivities(d) });
}
