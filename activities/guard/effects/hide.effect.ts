import type { AuditService } from '../../../services/core/audit/audit.service';
import type { SideEffectAdapter } from '../kernel/side-effect.adapter';
import type { EngagementClaim, EngagementSpec, EngagementTarget } from './engagement-effect.shared';
import { commentActionAccepts, engagementEffect } from './engagement-effect.shared';

export const hideSpec: EngagementSpec = {
  action: 'hide',
  accepts: commentActionAccepts('hide'),
  call: (w, cred, t, key, opts) => w.hide(cred, t.event.externalId, key, opts),
  // Hidden is a state of the comment: if it is hidden, the earlier attempt landed.
  async find(r, cred, t, _q, opts) {
    const comment = await r.readComment(cred, t.event.externalId, opts);
    return { found: comment?.hidden ? comment : null };
  },
  readBack: (r, cred, _made, t, opts) => r.readComment(cred, t.event.externalId, opts),
  verifies: (item, t) => item.id === t.event.externalId && item.hidden,
};

/** The hide action's part of the kernel: hide the inbound comment (spam, abuse) on the account's post. */
export function hideEffect(audit: AuditService): SideEffectAdapter<EngagementClaim, EngagementTarget> {
  return engagementEffect(audit, hideSpec);
}
