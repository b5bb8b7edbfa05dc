import { ApplicationFailure } from '@temporalio/common';
import { EngagementRepliesRepository } from '../../services/core/repositories/engagement-replies.repository';
import type {
  GuardedEngagementOutcome,
  GuardedMessageInput,
  GuardedModerationInput,
} from '../../workflows/contracts/engagement-effects.contract';
import type { EngagementAction } from '../../workflows/contracts/vocabulary/engagement';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import type { Reason } from '../../workflows/contracts/vocabulary/reason-codes';
import { dispositionFor } from '../../workflows/contracts/vocabulary/reason-codes';
import { dmEffect } from '../guard/effects/dm.effect';
import type { EngagementClaim, EngagementTarget } from '../guard/effects/engagement-effect.shared';
import { engagementKey } from '../guard/effects/engagement-effect.shared';
import { hideEffect } from '../guard/effects/hide.effect';
import { likeEffect } from '../guard/effects/like.effect';
import { replyEffect } from '../guard/effects/reply.effect';
import type { GuardDeps } from '../guard/guard.deps';
import { retryAfter } from '../guard/guard.errors';
import type { SideEffectOutcome } from '../guard/kernel/side-effect.kernel';
import { SideEffectKernel } from '../guard/kernel/side-effect.kernel';
import type { SideEffectAdapter } from '../guard/kernel/side-effect.adapter';

/** A cooldown is short by design (seconds): ask again after a little more than the longest default one. */
const COOLDOWN_RETRY_SECONDS = 6;

type Adapter = SideEffectAdapter<EngagementClaim, EngagementTarget>;

/**
 * The engagement side effects, each through the one kernel with the engagement task class (C-30): reply, DM, like,
 * hide, and nothing else. Outcomes come back as values; only what a retry can fix (pacing, a cooldown, an unknown
 * outcome, a held lease) is thrown, so the activity's retry policy asks again and the ledger keeps it to one.
 */
export function createEngagementEffects(deps: GuardDeps) {
  const kernel = new SideEffectKernel(deps, { taskClass: 'engagement' });
  const replies = new EngagementRepliesRepository();
  const adapters: Record<EngagementAction, Adapter> = {
    reply: replyEffect(deps.audit),
    dm: dmEffect(deps.audit),
    like: likeEffect(deps.audit),
    hide: hideEffect(deps.audit),
  };

  async function settle(
    action: EngagementAction,
    claim: EngagementClaim,
    outcome: SideEffectOutcome,
  ): Promise<GuardedEngagementOutcome> {
    const base = { action, replyId: claim.replyId };
    if (outcome.kind === 'done') {
      const { postId, verified, reconciled } = outcome;
      return { ...base, outcome: 'done', reasons: [], platformId: postId, verified, reconciled };
    }
    const disposition = outcome.kind === 'denied' ? dispositionFor(outcome.reasons) : 'terminal';
    if (disposition === 'pause' && outcome.reasons.every((r) => r.code === 'cooldown'))
      throw retryAfter(
        FAILURE_TYPES.paced,
        'cooldown: the account took this action moments ago',
        COOLDOWN_RETRY_SECONDS,
      );
    // A draft waiting for a human (or a pause) stays a draft with its reasons; a refusal is final for this row.
    await deps.ds.transaction((m) =>
      replies.note(m, {
        id: claim.replyId,
        clientId: claim.clientId,
        status: disposition === 'terminal' ? 'refused' : undefined,
        reasons: outcome.reasons,
      }),
    );
    return {
      ...base,
      outcome: disposition === 'needs_approval' ? 'needs_approval' : 'refused',
      reasons: outcome.reasons,
    };
  }

  async function run(action: EngagementAction, claim: EngagementClaim): Promise<GuardedEngagementOutcome> {
    try {
      return await settle(action, claim, await kernel.run(adapters[action], claim));
    } catch (err) {
      // What no retry can fix ends here as a value the episode can act on (escalate to a human).
      if (!(err instanceof ApplicationFailure) || !err.nonRetryable) throw err;
      const tenant = err.type === FAILURE_TYPES.tenantRefused || err.type === FAILURE_TYPES.ledgerTenantRefused;
      const reasons: Reason[] = [{ code: tenant ? 'tenant_refused' : 'publish_failed', message: err.message }];
      if (!tenant)
        await deps.ds
          .transaction((m) =>
            replies.note(m, { id: claim.replyId, clientId: claim.clientId, status: 'failed', reasons }),
          )
          .catch(() => undefined);
      return { action, replyId: claim.replyId, outcome: tenant ? 'refused' : 'failed', reasons };
    }
  }

  const message = (action: 'reply' | 'dm') => (input: GuardedMessageInput) =>
    run(action, {
      ...input,
      idempotencyKey: engagementKey({ ...input, action, checksum: input.checksum }),
    });

  // Like and hide need no draft: their record row is created on first use, once per inbound event.
  const moderation = (action: 'like' | 'hide') => async (input: GuardedModerationInput) => {
    const record = input.replyId
      ? await deps.ds.transaction((m) => replies.findForClient(m, { id: input.replyId!, clientId: input.clientId }))
      : await deps.ds.transaction((m) => replies.actionRecord(m, { ...input, action }));
    if (!record) {
      const reasons = [
        { code: 'tenant_refused', message: 'the inbound event does not belong to this client and account' },
      ];
      return { action, replyId: input.replyId ?? null, outcome: 'refused' as const, reasons };
    }
    const claim = { ...input, replyId: record.id, checksum: record.checksum };
    return run(action, { ...claim, idempotencyKey: engagementKey({ ...claim, action }) });
  };

  return {
    guardedReply: message('reply'),
    guardedDm: message('dm'),
    guardedLike: moderation('like'),
    guardedHide: moderation('hide'),
  };
}
