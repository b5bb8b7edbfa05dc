import { nextTokenStep } from '../../services/core/connectors/token-schedule';
import type { AccountTokensContext, TokenSchedule } from '../../workflows/contracts/tokens.contract';
import { isPlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import { alertedSignal } from '../../services/core/connector-health/account-health.repository';
import { findAccount, isLive } from './token-account';
import { tokenPlatform } from './token-platform';
import type { TokenDeps } from './token.deps';

/** Waiting for an operator: the token is refused, or the identity behind it changed (C-19). */
const WAITS = ['needs_reconnect', 'quarantined'];

/**
 * The next step for the account's tokens, computed from the pair in the secrets backend (it never leaves this
 * activity: the workflow gets a step, a time and a signal).
 */
export async function loadTokenSchedule(deps: TokenDeps, ctx: AccountTokensContext): Promise<TokenSchedule> {
  const m = deps.ds.manager;
  const account = await findAccount(m, ctx);
  if (!account || account.status === 'disconnected' || !isPlatformId(account.platform)) return { step: 'stop' };
  if (WAITS.includes(account.status) || !isLive(account)) return { step: 'wait_reconnect' };
  const tokens = await deps.store.loadOAuthTokens(m, account.clientId, account.credentialRefId);
  const step = nextTokenStep({
    lifecycle: tokenPlatform(deps, account.platform).lifecycle,
    tokens,
    now: deps.now?.() ?? new Date(),
    checkedAt: account.tokenCheckedAt,
    noticed: (await alertedSignal(m, account)) === 'reconsent_due',
  });
  return { step: step.kind, at: step.at.toISOString(), ...(step.signal ? { signal: step.signal } : {}) };
}
