import type { GuardDeps } from '../guard.deps';
import { openApiLane } from './api.lane';
import type { LaneResolver } from './lane-session';

/** Only publishing has a browser writer and reader; engagement actions keep the account's API connection. */
export const laneActsThroughBrowser = (action: string, lane: string): boolean => action === 'publish' && lane !== 'api';

/**
 * A host without a browser (the publish and engagement workers): the API lane only. A publish whose account acts
 * through the browser is routed to a browser runner by the workflow; reaching here means no runner took it.
 */
export function apiOnlyLanes(deps: GuardDeps): LaneResolver {
  return {
    open: async (target, ctx) =>
      laneActsThroughBrowser(ctx.action, target.account.lane)
        ? {
            refused: {
              code: 'browser_runner_unavailable',
              message: 'this account publishes through the browser lane; only a browser runner can take it',
            },
          }
        : openApiLane(deps, target),
  };
}
