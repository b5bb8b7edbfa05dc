import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { EMPTY_SCOPE, runInTenantScope } from '../../services/core/tenancy/tenant-scope';
import type { AccountTokensInput } from '../../workflows/contracts/tokens.contract';
import { ACCOUNT_TOKENS_WORKFLOW_TYPE, accountTokensWorkflowId } from '../../workflows/contracts/tokens.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../workflows/contracts/search-attributes';

export interface TokenAccountRow {
  id: string;
  agency_id: string;
  client_id: string;
}

/**
 * Starts the token workflow of every account that has none (accounts connected before the workflow existed, or one
 * whose start was lost): start-if-absent, so running it again, or on every worker start, changes nothing. The
 * accounts of every tenant are listed through a security-definer function that returns ids only.
 */
export async function ensureAccountTokenWorkflows(o: {
  ds: DataSource;
  temporal: Client;
  taskQueue: string;
  pageSize?: number;
}): Promise<{ accounts: number }> {
  const pageSize = o.pageSize ?? 200;
  let after = '00000000-0000-0000-0000-000000000000';
  let accounts = 0;
  for (;;) {
    const rows: TokenAccountRow[] = await runInTenantScope(o.ds, EMPTY_SCOPE, () =>
      o.ds.query('SELECT * FROM raize_token_workflow_accounts($1, $2)', [after, pageSize]),
    );
    for (const row of rows) {
      await startAccountTokens(o.temporal, o.taskQueue, {
        agencyId: row.agency_id,
        clientId: row.client_id,
        platformAccountId: row.id,
      });
    }
    accounts += rows.length;
    if (rows.length < pageSize) return { accounts };
    after = rows[rows.length - 1]!.id;
  }
}

/** Start-if-absent of one account's token workflow. */
export async function startAccountTokens(temporal: Client, taskQueue: string, input: AccountTokensInput) {
  await temporal.workflow.start(ACCOUNT_TOKENS_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: accountTokensWorkflowId(input.platformAccountId),
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: clientIdKey, value: input.clientId },
      { key: agencyIdKey, value: input.agencyId },
      { key: episodeKindKey, value: 'account_tokens' },
    ],
  });
}
