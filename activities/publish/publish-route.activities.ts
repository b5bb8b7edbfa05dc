import { ApplicationFailure } from '@temporalio/common';
import { RunnerRepository } from '../../services/core/browser/runner.repository';
import { BrowserProfile, PlatformAccount } from '../../services/core/database/entities';
import type { PreparePublishInput, PublishRoute } from '../../workflows/contracts/publish-activities.contract';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import type { GuardDeps } from '../guard/guard.deps';
import { laneActsThroughBrowser } from '../guard/publish-lanes/lane-resolver';

/** A runner that has not beaten for this long is taken for dead: its profiles move to a live runner. */
export const RUNNER_STALE_MS = 30_000;

/** Where each guarded publish attempt runs (issue #17): by the account's lane, on the runner holding its profile. */
export function createPublishRouteActivities(deps: Pick<GuardDeps, 'ds'>) {
  const runners = new RunnerRepository(deps.ds);
  return {
    async routePublish(input: PreparePublishInput): Promise<PublishRoute> {
      return deps.ds.transaction(async (m): Promise<PublishRoute> => {
        const account = await m.findOne(PlatformAccount, {
          where: { id: input.platformAccountId, clientId: input.clientId, agencyId: input.agencyId },
        });
        if (!account)
          throw ApplicationFailure.create({
            type: FAILURE_TYPES.tenantRefused,
            message: 'the platform account does not exist for this client',
            nonRetryable: true,
          });
        if (!laneActsThroughBrowser('publish', account.lane)) return { kind: 'worker' };
        const profile = await m.findOne(BrowserProfile, {
          where: { platformAccountId: account.id, clientId: account.clientId },
        });
        // No profile: the guard on a publish worker asks the policy, which holds the post (browser_profile_missing).
        if (!profile) return { kind: 'worker' };
        const runner = await runners.assign(m, {
          clientId: account.clientId,
          profileId: profile.id,
          platform: account.platform,
          staleAfterMs: RUNNER_STALE_MS,
        });
        if (!runner)
          return {
            kind: 'unavailable',
            reasons: [
              {
                code: 'browser_runner_unavailable',
                message: `no browser runner for ${account.platform} is alive; the post waits for one`,
              },
            ],
          };
        return { kind: 'runner', taskQueue: runner.taskQueue };
      });
    },
  };
}
