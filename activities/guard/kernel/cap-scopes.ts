import type { ClientPolicySettings } from '../../../services/core/database/entities';
import type { PolicyAction } from '../../../services/core/policy/policy.types';

/** Which wider counters a client's caps read for this action (the account's count is always taken). */
export function capScopes(
  settings: ClientPolicySettings | null,
  action: PolicyAction,
): { client: boolean; global: boolean } {
  const caps = (settings?.caps ?? []).filter((c) => c.action === action);
  return { client: caps.some((c) => c.scope === 'client'), global: caps.some((c) => c.scope === 'global') };
}

/** Whether the client caps its monthly spend on this platform (X bills per post): the policy then needs the spend. */
export function hasSpendCap(settings: ClientPolicySettings | null, platform: string): boolean {
  return (settings?.spendCaps ?? []).some((c) => c.platform === platform);
}

/** Whether the client has a cooldown for this action (a reason that pauses, and so is asked again and again). */
export function hasCooldown(settings: ClientPolicySettings | null, action: PolicyAction): boolean {
  const seconds = settings?.cooldownSeconds?.[action];
  return seconds !== undefined && seconds !== null;
}
