import type { TokenStepInput, TokenStepOutcome } from '../../workflows/contracts/tokens.contract';
import { markAlerted } from '../../services/core/connector-health/account-health.service';
import { findAccount, isLive } from './token-account';
import type { TokenDeps } from './token.deps';

/**
 * The token (or its refresh token) ends soon and only the user can renew it (LinkedIn without partner refresh
 * tokens, a refresh token at the end of its life): an operator is told once, ahead of the end, while posts still go.
 */
export async function noticeReconsentDue(deps: TokenDeps, input: TokenStepInput): Promise<TokenStepOutcome> {
  const account = await findAccount(deps.ds.manager, input);
  if (!isLive(account)) return 'skipped';
  if (await markAlerted(deps.ds.manager, account, 'reconsent_due'))
    deps.alert('account needs re-consent soon: its token cannot be renewed without the brand signing in', {
      clientId: account.clientId,
      accountId: account.id,
      signal: 'reconsent_due',
    });
  return 'done';
}
