import type { AuditService } from '../../../services/core/audit/audit.service';
import type { SideEffectAdapter } from '../kernel/side-effect.adapter';
import type { EngagementClaim, EngagementSpec, EngagementTarget } from './engagement-effect.shared';
import { commentActionAccepts, engagementEffect } from './engagement-effect.shared';

export const likeSpec: EngagementSpec = {
  action: 'like',
  accepts: commentActionAccepts('like'),
  call: (w, cred, t, key, opts) => w.like(cred, t.event.externalId, key, opts),
  // A like is a state of the comment: if it is liked by the account, the earlier attempt landed.
  async find(r, cred, t, _q, opts) {
    const comment = await r.readComment(cred, t.event.externalId, opts);
    return { found: comment?.likedByMe ? comment : null };
  },
  readBack: (r, cred, _made, t, opts) => r.readComment(cred, t.event.externalId, opts),
  verifies: (item, t) => item.id === t.event.externalId && item.likedByMe,
};

/** The like action's part of the kernel: like the inbound comment as the account. */
export function likeEffect(audit: AuditService): SideEffectAdapter<EngagementClaim, EngagementTarget> {
  return engagementEffect(audit, likeSpec);
}
