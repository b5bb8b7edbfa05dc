import type { PlanDecisionKind } from '../../../workflows/contracts/vocabulary/plan-status';
import type { Role } from '../database/entities';
import { roleAllows } from '../tenancy/permissions';

export interface PlanDecisionRefusal {
  refusal: 'role' | 'four_eyes' | 'not_awaiting' | 'not_found';
  reason: string;
}

/**
 * Whether a decision on a plan may stand (C-21): the actor's current role allows `plan.approve`, and under four
 * eyes whoever asked for the plan does not approve it. The API checks it before recording a decision; the
 * planning episode's activity checks it again, with the role the actor holds then, before the workflow acts.
 */
export function planDecisionRefusal(
  d: { kind: PlanDecisionKind; actorId: string; role: Role | null },
  ctx: { createdBy: string | null; fourEyes: boolean; status: string },
): PlanDecisionRefusal | undefined {
  if (ctx.status !== 'awaiting_approval')
    return { refusal: 'not_awaiting', reason: `the plan is ${ctx.status}; it does not wait for a decision` };
  if (!d.role || !roleAllows(d.role, 'plan.approve'))
    return { refusal: 'role', reason: `role ${d.role ?? 'none'} may not decide on plans for this client` };
  if (d.kind === 'approve' && ctx.fourEyes && ctx.createdBy === d.actorId)
    return { refusal: 'four_eyes', reason: 'four eyes: you asked for this plan, so someone else must approve it' };
  return undefined;
}
