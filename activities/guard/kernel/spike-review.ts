import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../../services/core/audit/audit.service';
import { ClientPolicySettings } from '../../../services/core/database/entities';
import type { PolicyAction } from '../../../services/core/policy/policy.types';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';

/**
 * A spike (C-25) switches the client to human review for that action: autonomy drops to "assisted" and stays there
 * until an operator raises it again, so a runaway loop cannot resume by itself once the hour has passed.
 */
export async function switchToHumanReviewOnSpike(
  m: EntityManager,
  deps: { audit: AuditService; alert: (msg: string, fields: Record<string, string>) => void },
  t: { agencyId: string; clientId: string; accountId: string; action: PolicyAction; actor: string; reasons: Reason[] },
): Promise<void> {
  // A burst of our own side effects (spike) or of negative inbound (negative_spike, engagement) alike.
  const spike = t.reasons.find((r) => r.code === 'spike' || r.code === 'negative_spike');
  if (!spike) return;
  const settings = await m.findOne(ClientPolicySettings, { where: { clientId: t.clientId } });
  if (!settings || settings.autonomy[t.action] !== 'autonomous') return;
  await m.update(
    ClientPolicySettings,
    { clientId: t.clientId },
    { autonomy: { ...settings.autonomy, [t.action]: 'assisted' } },
  );
  await deps.audit.append(
    {
      agencyId: t.agencyId,
      clientId: t.clientId,
      actor: t.actor,
      action: 'autonomy.downgraded',
      subjectType: 'client',
      subjectId: t.clientId,
      data: { action: t.action, from: 'autonomous', to: 'assisted', reason: spike.code, accountId: t.accountId },
    },
    m,
  );
  deps.alert('spike: client switched to human review', { clientId: t.clientId, accountId: t.accountId });
}
