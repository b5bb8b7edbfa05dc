import { scopedActivities } from '../scoped-activities';
import { createContentCheckActivity } from './content-check.activities';
import type { CreationDeps } from './creation.deps';
import { createGenerateActivity } from './generate.activities';
import { createItemStatusActivities } from './item-status.activities';
import { createReviewDecisionActivity } from './review-decision.activities';
import { createScheduleItemActivity } from './schedule-item.activities';

/**
 * The creation episode's activities, built from their dependencies (Temporal samples' factory style). Each runs in
 * the scope of the client its input names, so even a forgotten WHERE cannot reach another tenant (C-01, C-05).
 */
export function createCreationActivities(deps: CreationDeps) {
  return scopedActivities(deps.ds, {
    ...createItemStatusActivities(deps),
    generateItemAsset: createGenerateActivity(deps),
    checkItemContent: createContentCheckActivity(deps),
    verifyCreationDecision: createReviewDecisionActivity(deps),
    scheduleApprovedItem: createScheduleItemActivity(deps),
  });
}
