import { scopedActivities } from '../scoped-activities';
import { createPlanDecisionActivities } from './plan-decision.activities';
import { createPlanOpenActivities } from './plan-open.activities';
import { createPlanStatusActivities } from './plan-status.activities';
import { createPlannerActivities } from './planner.activities';
import type { PlanningDeps } from './planning.deps';

/**
 * The planning episode's activities, built from their dependencies. Each runs in the scope of the client its input
 * names (row-level security on every query, C-01, C-05) and re-checks that the plan belongs to that client.
 */
export function createPlanningActivities(deps: PlanningDeps) {
  return scopedActivities(deps.ds, {
    ...createPlanOpenActivities(deps),
    ...createPlannerActivities(deps),
    ...createPlanDecisionActivities(deps),
    ...createPlanStatusActivities(deps),
  });
}
