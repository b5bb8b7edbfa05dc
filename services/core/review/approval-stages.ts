import type { ApprovalStage } from '../../../workflows/contracts/vocabulary/client-review';
import { APPROVAL_STAGES } from '../../../workflows/contracts/vocabulary/client-review';
import type { ApprovalStagesSetting } from '../database/entities';

const isStage = (v: unknown): v is ApprovalStage => (APPROVAL_STAGES as readonly unknown[]).includes(v);

/**
 * The client's approval stage for an action on a platform: the platform's own, else the action's `default`, else
 * none. The same lookup as policies/raize/sideeffect/stages.rego, which decides; this one only lets the API and the
 * portal say where a post stands.
 */
export function stageFor(
  stages: ApprovalStagesSetting | null | undefined,
  action: string,
  platform: string,
): ApprovalStage {
  const perAction = stages?.[action];
  const own = perAction?.[platform];
  if (isStage(own)) return own;
  const fallback = perAction?.default;
  return isStage(fallback) ? fallback : 'none';
}
