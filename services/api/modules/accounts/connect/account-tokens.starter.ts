import type { Client as TemporalClient } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../../../core/config/app-config';
import { loadTemporalConfig } from '../../../../core/config/temporal-config';
import { KillSwitchSettingsRepository } from '../../../../core/repositories/kill-switch-settings.repository';
import { logger } from '../../../../core/telemetry/logger';
import { withoutDatabaseConnection } from '../../../../core/tenancy/tenant-scope';
import type { AccountTokensInput } from '../../../../../workflows/contracts/tokens.contract';
import {
  ACCOUNT_TOKENS_WORKFLOW_TYPE,
  accountTokensWorkflowId,
  reconnectedSignal,
} from '../../../../../workflows/contracts/tokens.contract';
import { recheckSignal } from '../../../../../workflows/contracts/publish.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../../../../workflows/contracts/search-attributes';

/**
 * After a connect or a reconnect commits: the account's token workflow is started if absent and told that the
 * tokens are new (signal-with-start), and posts paused on this account ask the guard again now instead of at their
 * next timer. Neither may fail the operator's confirmation (the account is bound already): a failure is logged, and
 * the worker's bootstrap starts a missing token workflow; paused posts recheck on their own timer.
 */
export class AccountTokensStarter {
  private readonly switches = new KillSwitchSettingsRepository();

  constructor(
    private readonly temporal: TemporalClient,
    private readonly config: Pick<AppConfig, 'taskQueueOverride'>,
  ) {}

  async connected(m: EntityManager, input: AccountTokensInput): Promise<void> {
    const paused = await this.switches.pausedWorkflowIds(m, 'account', input.platformAccountId).catch(() => []);
    await withoutDatabaseConnection(async () => {
      try {
        await this.temporal.workflow.signalWithStart(ACCOUNT_TOKENS_WORKFLOW_TYPE, {
          taskQueue: this.config.taskQueueOverride ?? loadTemporalConfig().taskQueues.publish,
          workflowId: accountTokensWorkflowId(input.platformAccountId),
          args: [input],
          signal: reconnectedSignal,
          signalArgs: [],
          typedSearchAttributes: [
            { key: clientIdKey, value: input.clientId },
            { key: agencyIdKey, value: input.agencyId },
            { key: episodeKindKey, value: 'account_tokens' },
          ],
        });
      } catch (err) {
        logger.warn(
          {
            'raize.client_id': input.clientId,
            'raize.account_id': input.platformAccountId,
            'error.kind': (err as Error).name,
          },
          'token workflow not started; the worker bootstrap will start it',
        );
      }
      await Promise.all(
        paused.map((id) =>
          this.temporal.workflow
            .getHandle(id)
            .signal(recheckSignal)
            .catch(() => undefined),
        ),
      );
    });
  }
}
