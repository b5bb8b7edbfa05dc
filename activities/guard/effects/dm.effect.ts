import type { AuditService } from '../../../services/core/audit/audit.service';
import type { EngagementItem } from '../../../services/core/connectors/connector.types';
import type { SideEffectAdapter } from '../kernel/side-effect.adapter';
import type { EngagementClaim, EngagementSpec, EngagementTarget } from './engagement-effect.shared';
import { engagementEffect, sameText } from './engagement-effect.shared';

const CLOCK_SKEW_MS = 30_000;

const ours = (item: EngagementItem, t: EngagementTarget) =>
  item.authorExternalId === t.account.externalAccountId &&
  item.recipientExternalId === t.event.authorExternalId &&
  sameText(item.text, t.record.text);

export const dmSpec: EngagementSpec = {
  action: 'dm',
  accepts: (e) =>
    e.authorExternalId
      ? null
      : { code: 'invalid_input', message: 'the inbound event names no author to send a direct message to' },
  call: (w, cred, t, key, opts) => w.dm(cred, t.event.authorExternalId!, t.record.text, key, opts),
  // The DM is in the thread with the event's author: our request key where echoed, else our text sent after our
  // first attempt.
  async find(r, cred, t, q, opts) {
    const thread = await r.dmsWith(cred, t.event.authorExternalId!, opts);
    const byKey = thread.find((x) => x.requestKey === q.idempotencyKey);
    if (byKey) return { found: byKey };
    const since = q.firstAttemptAt.getTime() - CLOCK_SKEW_MS;
    const candidates = thread.filter((x) => x.requestKey === null && ours(x, t) && Date.parse(x.createdAt) >= since);
    if (candidates.length > 1) return { ambiguous: candidates };
    return { found: candidates[0] ?? null };
  },
  readBack: (r, cred, made, _t, opts) => r.readDm(cred, made.postId, opts),
  verifies: (item, t) => ours(item, t),
};

/** The DM action's part of the kernel: write the stored draft to the author of the inbound event. */
export function dmEffect(audit: AuditService): SideEffectAdapter<EngagementClaim, EngagementTarget> {
  return engagementEffect(audit, dmSpec);
}
