import type { LaneDeps } from '../lanes/lane.deps';
import { createReceiptActivities } from './receipt-check.activities';
import { receiptStarter } from './receipt-starter';
import { ReceiptSweep } from './receipt-sweep';

/** The receipt episode's activities, for the engagement lane (services/worker/lane-workers.ts registers them). */
export function receiptLaneActivities(deps: LaneDeps) {
  return createReceiptActivities(deps);
}

/** The starter the publish lane's activities call once a post is verified. */
export function publishLaneReceiptStarter(deps: LaneDeps) {
  return receiptStarter(deps);
}

/** The engagement lane's loop that restarts receipt episodes whose start was lost. */
export function createReceiptSweep(deps: LaneDeps): ReceiptSweep {
  return new ReceiptSweep({ ds: deps.ds, start: receiptStarter(deps) });
}
