import type { LaneDeps } from '../lanes/lane.deps';
import { fetchOptionsFromEnv } from '../../services/core/net/guarded-fetch';
import { WebhookDispatcher } from '../../services/core/webhooks-out/webhook-dispatcher';
import { dispatcherOptionsFromEnv } from '../../services/core/webhooks-out/webhook-dispatcher.options';

/**
 * The outbound webhook loop of a worker process (services/worker/lane-workers.ts, LANE_LOOPS). Targets are
 * fetched under the deployment's guarded-fetch settings (RAIZE_FETCH_ALLOW_HTTP / RAIZE_FETCH_ALLOW_PRIVATE, off
 * by default), the same ones that checked them when they were saved.
 */
export function createWebhookLoop(deps: LaneDeps): WebhookDispatcher {
  if (!deps.secrets) throw new Error('the webhook loop needs the secrets backend (LaneDeps.secrets)');
  return new WebhookDispatcher(
    {
      ds: deps.ds,
      secrets: deps.secrets,
      audit: deps.audit,
      alert: deps.alert,
      fetchOptions: fetchOptionsFromEnv(),
    },
    dispatcherOptionsFromEnv(),
  );
}
