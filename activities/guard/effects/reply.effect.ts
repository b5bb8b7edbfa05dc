import type { AuditService } from '../../../services/core/audit/audit.service';
import type { EngagementItem } from '../../../services/core/connectors/connector.types';
import type { SideEffectAdapter } from '../kernel/side-effect.adapter';
import type { EngagementClaim, EngagementSpec, EngagementTarget } from './engagement-effect.shared';
import { engagementEffect, sameText } from './engagement-effect.shared';

/** Platforms' clocks and ours disagree a little: a reply cannot predate our first attempt by more than this. */
const CLOCK_SKEW_MS = 30_000;

const ours = (item: EngagementItem, t: EngagementTarget) =>
  item.authorExternalId === t.account.externalAccountId && sameText(item.text, t.record.text);

export const replySpec: EngagementSpec = {
  action: 'reply',
  accepts: (e) =>
    e.kind === 'comment' || e.kind === 'reply'
      ? null
      : { code: 'invalid_input', message: `a reply answers a comment; this inbound event is a ${e.kind}` },
  call: (w, cred, t, key, opts) => w.reply(cred, t.event.externalId, t.record.text, key, opts),
  // The reply sits under the comment: our request key where the platform echoes it, else our text by our account
  // made after our first attempt (two such are ambiguous, never guessed).
  async find(r, cred, t, q, opts) {
    const comment = await r.readComment(cred, t.event.externalId, opts);
    const replies = comment?.replies ?? [];
    const byKey = replies.find((x) => x.requestKey === q.idempotencyKey);
    if (byKey) return { found: byKey };
    const since = q.firstAttemptAt.getTime() - CLOCK_SKEW_MS;
    const candidates = replies.filter((x) => x.requestKey === null && ours(x, t) && Date.parse(x.createdAt) >= since);
    if (candidates.length > 1) return { ambiguous: candidates };
    return { found: candidates[0] ?? null };
  },
  async readBack(r, cred, made, t, opts) {
    const comment = await r.readComment(cred, t.event.externalId, opts);
    return comment?.replies.find((x) => x.id === made.postId) ?? null;
  },
  verifies: (item, t) => ours(item, t) && item.parentId === t.event.externalId,
};

/** The reply action's part of the kernel: answer the inbound comment with the stored draft. */
export function replyEffect(audit: AuditService): SideEffectAdapter<EngagementClaim, EngagementTarget> {
  return engagementEffect(audit, replySpec);
}
