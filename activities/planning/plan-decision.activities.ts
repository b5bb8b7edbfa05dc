import { ClientPolicySettings, Plan } from '../../services/core/database/entities';
import { planDecisionRefusal } from '../../services/core/plans/plan-decision.rules';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import { parsePlanEventData } from '../../services/core/plans/plan-event.schemas';
import { effectiveRole } from '../../services/core/tenancy/effective-role';
import type { PlanDecisionResult, VerifyPlanDecisionInput } from '../../workflows/contracts/planning.contract';
import type { PlanningDeps } from './planning.deps';

// A reference is a uuid; anything else names no row (and must not reach the database as a failing query).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND: PlanDecisionResult = {
  accepted: false,
  refusal: 'not_found',
  reason: 'no decision was recorded for this plan',
};

/**
 * Plan decisions by reference (C-21): whoever sent the message, the database decides. A reference counts only when
 * it names a `plan.decision_recorded` event of this plan of this client, its actor's role now allows deciding on
 * plans, and (four eyes) an approver is not the operator who asked for the plan. The verified decision is appended
 * as `plan.approved` / `plan.rejected`; a retry of the same reference answers with what it already did.
 */
export function createPlanDecisionActivities(deps: PlanningDeps) {
  return {
    async verifyPlanDecision(input: VerifyPlanDecisionInput): Promise<PlanDecisionResult> {
      if (!UUID.test(input.decisionId)) return NOT_FOUND;
      return deps.ds.transaction(async (m) => {
        const plan = await m.findOne(Plan, { where: { id: input.planId, clientId: input.clientId } });
        if (!plan || plan.agencyId !== input.agencyId) return NOT_FOUND;
        const events = await PlanEventsRepository.events(m, { planId: plan.id, clientId: plan.clientId });
        const recorded = events.find((e) => e.id === input.decisionId && e.type === 'plan.decision_recorded');
        const parsed = recorded ? parsePlanEventData('plan.decision_recorded', recorded.data) : undefined;
        if (!parsed?.ok) return NOT_FOUND;
        const decision = parsed.data;
        const done = events.find(
          (e) =>
            (e.type === 'plan.approved' || e.type === 'plan.rejected') &&
            (e.data as { decisionId?: string }).decisionId === input.decisionId,
        );
        if (done) return { accepted: true, kind: decision.kind, actorId: decision.actorId };

        const role = await effectiveRole(m, decision.actorId, plan.agencyId, plan.clientId);
        const settings = await m.findOne(ClientPolicySettings, { where: { clientId: plan.clientId } });
        const refused = planDecisionRefusal(
          { kind: decision.kind, actorId: decision.actorId, role },
          { createdBy: plan.createdBy, fourEyes: settings?.fourEyes ?? true, status: plan.status },
        );
        if (refused) return { accepted: false, ...refused };
        await PlanEventsRepository.append(m, {
          planId: plan.id,
          agencyId: plan.agencyId,
          clientId: plan.clientId,
          type: decision.kind === 'approve' ? 'plan.approved' : 'plan.rejected',
          data: {
            decisionId: input.decisionId,
            actorId: decision.actorId,
            ...(decision.kind === 'reject' && decision.note ? { note: decision.note } : {}),
          },
          actor: `user:${decision.actorId}`,
        });
        return { accepted: true, kind: decision.kind, actorId: decision.actorId };
      });
    },
  };
}
