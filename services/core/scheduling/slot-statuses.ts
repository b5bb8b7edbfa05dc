import type { PublishStatus } from '../../../workflows/contracts/vocabulary/publish-status';

/**
 * Posts in these statuses never went out and never will: their queue slot is free again and they do not count
 * towards a day's cap. Every other status holds its slot (a published post took its time, a waiting one will).
 */
export const SLOT_RELEASING_STATUSES: readonly PublishStatus[] = ['cancelled', 'rejected', 'denied', 'failed'];
