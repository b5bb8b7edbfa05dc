import type {
  AccountTokensContext,
  TokenSchedule,
  TokenStepInput,
  TokenStepOutcome,
} from '../../workflows/contracts/tokens.contract';
import { scopedActivities } from '../scoped-activities';
import { checkAccountToken } from './check-account-token';
import { loadTokenSchedule } from './load-token-schedule';
import { markNeedsReconnect } from './mark-needs-reconnect';
import { noticeReconsentDue } from './notice-reconsent';
import { refreshAccountTokens } from './refresh-account-tokens';
import { findAccount, isLive } from './token-account';
import type { TokenDeps } from './token.deps';

/**
 * The token workflow's activities (Temporal samples' factory style). Each runs in the scope of the client its input
 * names (C-01, C-05); their inputs and answers are ids, times and signals, never tokens (C-13).
 */
export function createAccountTokensActivities(deps: TokenDeps) {
  return scopedActivities(deps.ds, {
    loadTokenSchedule: (input: AccountTokensContext): Promise<TokenSchedule> => loadTokenSchedule(deps, input),
    refreshAccountTokens: (input: TokenStepInput): Promise<TokenStepOutcome> => refreshAccountTokens(deps, input),
    checkAccountToken: (input: TokenStepInput): Promise<TokenStepOutcome> => checkAccountToken(deps, input),
    noticeReconsentDue: (input: TokenStepInput): Promise<TokenStepOutcome> => noticeReconsentDue(deps, input),
    /** The token ended and nothing renews it: the account needs a reconnect. */
    async expireAccountTokens(input: TokenStepInput): Promise<TokenStepOutcome> {
      const account = await findAccount(deps.ds.manager, input);
      if (!isLive(account)) return 'skipped';
      await deps.ds.transaction((m) =>
        markNeedsReconnect(m, deps, account, input.signal ?? 'token_expired', {
          actor: `workflow:${input.workflowId}`,
          now: deps.now?.(),
        }),
      );
      return 'needs_reconnect';
    },
  });
}

export type AccountTokensActivities = ReturnType<typeof createAccountTokensActivities>;
