import type { AppConfig } from '../config/app-config';
import type { PublishWorkflowOptions } from '../../../workflows/contracts/publish.contract';

/** The publish workflow's timing from the deployment's configuration; every scheduler passes the same. */
export function publishOptionsFrom(
  config: Pick<AppConfig, 'pauseRecheckSeconds' | 'publishTimeoutSeconds' | 'verifyIntervalSeconds'>,
): PublishWorkflowOptions {
  return {
    pauseRecheckSeconds: config.pauseRecheckSeconds,
    publishTimeoutSeconds: config.publishTimeoutSeconds,
    verifyIntervalSeconds: config.verifyIntervalSeconds,
  };
}
