import { ConnectorError } from '../../services/core/connectors/connector.errors';
import { isRefreshDue, tokenColumnsOf } from '../../services/core/connectors/token-schedule';
import { PlatformAccount } from '../../services/core/database/entities';
import type { RotatedTokens } from '../../services/core/secrets/credential-store';
import { logger } from '../../services/core/telemetry/logger';
import type { TokenStepInput, TokenStepOutcome } from '../../workflows/contracts/tokens.contract';
import { toActivityFailure } from '../guard/guard.errors';
import { markNeedsReconnect } from './mark-needs-reconnect';
import { findAccount, isLive } from './token-account';
import { tokenPlatform } from './token-platform';
import type { TokenDeps } from './token.deps';

/**
 * Refreshes the account's pair: under the credential reference's row lock, re-read the pair, refresh it only if it
 * is still due (a second worker finds the first one's new pair and stops), write the new pair under a new key and
 * repoint the reference together with the account's token columns, then delete the old secret after the commit.
 * A refused grant marks the account `needs_reconnect`; a transient failure or a rate limit changes nothing (the old
 * pair stays) and Temporal retries with backoff (waiting exactly as long as a rate limit says).
 */
export async function refreshAccountTokens(deps: TokenDeps, input: TokenStepInput): Promise<TokenStepOutcome> {
  const now = () => deps.now?.() ?? new Date();
  const account = await findAccount(deps.ds.manager, input);
  if (!isLive(account)) return 'skipped';
  const platform = tokenPlatform(deps, account.platform);
  let rotated: RotatedTokens | undefined;
  try {
    await deps.ds.transaction(async (m) => {
      const { ref, tokens } = await deps.store.lockOAuthTokens(m, account.clientId, account.credentialRefId);
      if (!isRefreshDue(platform.lifecycle, tokens, now())) return;
      const next = await platform.oauth().refresh(tokens);
      rotated = await deps.store.rotateOAuthTokens(m, ref, next);
      await m.update(
        PlatformAccount,
        { id: account.id, clientId: account.clientId },
        { ...tokenColumnsOf(rotated.tokens, now()), updatedAt: now() },
      );
    });
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'auth') {
      await deps.ds.transaction((m) =>
        markNeedsReconnect(m, deps, account, err.details.health ?? 'token_revoked', {
          actor: `workflow:${input.workflowId}`,
        }),
      );
      return 'needs_reconnect';
    }
    throw toActivityFailure(err);
  }
  if (!rotated) return 'skipped';
  deps.credentials?.forget(account.clientId, account.credentialRefId);
  // Committed: the reference points at the new pair. A failed delete leaves a dead secret behind, never a broken account.
  await rotated
    .retire()
    .catch((e: Error) =>
      logger.warn(
        { 'raize.client_id': account.clientId, 'raize.account_id': account.id, 'error.kind': e.name },
        'the replaced token pair could not be deleted from the secrets backend',
      ),
    );
  return 'done';
}
