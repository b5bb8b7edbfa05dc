import type { EntityManager } from 'typeorm';
import { BrowserProfile } from '../../../services/core/database/entities';
import type { PolicyBrowserProfile } from '../../../services/core/policy/policy.types';
import type { EffectTarget } from '../kernel/side-effect.adapter';

/**
 * What the policy needs of the account's browser profile (lanes.rego): its mode and which side writes. Read on the
 * API lane too, so a policy can see a profile exists; null when none is attached.
 */
export async function browserPolicyFacts(m: EntityManager, t: EffectTarget): Promise<PolicyBrowserProfile | null> {
  if (t.account.lane === 'api') return null;
  const p = await m.findOne(BrowserProfile, {
    where: { platformAccountId: t.account.id, clientId: t.clientId },
    select: { id: true, mode: true, hybridWriter: true },
  });
  if (!p) return null;
  return { mode: p.mode, writer: t.account.lane === 'browser' ? 'browser' : p.hybridWriter };
}
