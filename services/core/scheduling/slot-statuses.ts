import type { PlanItemStatus, PlanStatus } from '../../../workflows/contracts/vocabulary/plan-status';
import type { PublishStatus } from '../../../workflows/contracts/vocabulary/publish-status';

/**
 * Posts in these statuses never went out and never will: their queue slot is free again and they do not count
 * towards a day's cap. Every other status holds its slot (a published post took its time, a waiting one will).
 */
export const SLOT_RELEASING_STATUSES: readonly PublishStatus[] = ['cancelled', 'rejected', 'denied', 'failed'];

/**
 * Plan items in these statuses hold no slot themselves: a scheduled one's posts hold it (publish_jobs), a rejected
 * or failed one gave it up. Every other item of a live plan holds its slot on each of its accounts until then.
 */
export const SLOT_RELEASING_ITEM_STATUSES: readonly PlanItemStatus[] = ['scheduled', 'rejected', 'failed'];
/** Plans whose items hold no slot: nothing of theirs will be created. */
export const SLOT_RELEASING_PLAN_STATUSES: readonly PlanStatus[] = ['rejected', 'failed'];
