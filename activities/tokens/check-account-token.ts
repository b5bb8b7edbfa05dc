import { ConnectorError } from '../../services/core/connectors/connector.errors';
import { PlatformAccount } from '../../services/core/database/entities';
import type { TokenStepInput, TokenStepOutcome } from '../../workflows/contracts/tokens.contract';
import { assertFingerprint } from '../guard/fingerprint.guard';
import { toActivityFailure } from '../guard/guard.errors';
import { markNeedsReconnect } from './mark-needs-reconnect';
import { findAccount, isLive } from './token-account';
import { tokenPlatform } from './token-platform';
import type { TokenDeps } from './token.deps';

/**
 * Asks the platform who the token is (no refresh): a revoked token is found between refreshes, before a post needs
 * it; a token that now resolves to another identity is quarantined here as the guard would (C-19).
 */
export async function checkAccountToken(deps: TokenDeps, input: TokenStepInput): Promise<TokenStepOutcome> {
  const now = deps.now?.() ?? new Date();
  const account = await findAccount(deps.ds.manager, input);
  if (!isLive(account)) return 'skipped';
  const actor = `workflow:${input.workflowId}`;
  try {
    const tokens = await deps.store.loadOAuthTokens(deps.ds.manager, account.clientId, account.credentialRefId);
    const reader = tokenPlatform(deps, account.platform).reader();
    await assertFingerprint(deps, account, reader, { accessToken: tokens.accessToken }, actor, {});
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'auth') {
      await deps.ds.transaction((m) =>
        markNeedsReconnect(m, deps, account, err.details.health ?? 'token_revoked', { actor, now }),
      );
      return 'needs_reconnect';
    }
    throw toActivityFailure(err);
  }
  await deps.ds.manager.update(
    PlatformAccount,
    { id: account.id, clientId: account.clientId },
    { tokenCheckedAt: now, updatedAt: now },
  );
  return 'done';
}
