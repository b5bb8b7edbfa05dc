import { randomUUID } from 'node:crypto';
import { Plan, PlanItem } from '../../services/core/database/entities';
import { generateSlots } from '../../services/core/plans/plan-slots';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import type { DraftPlanResult, PlanContextInput } from '../../workflows/contracts/planning.contract';
import type { PlanningDeps } from './planning.deps';
import { heartbeat } from './planning.deps';
import { knowledgeBrandContext } from './brand-summary';
import { planRefused } from './planning.errors';
import { briefFrom, briefRequest } from './planner.prompt';

const DRAFTED: readonly string[] = ['awaiting_approval', 'approved', 'rejected', 'creating', 'failed'];

/**
 * The planner AI step. Slots come from the request (a pure function); each item's brief comes from the client's
 * text provider through the gateway, and each drafted item is appended to the external memory at once, so a retry
 * or a resume after a wait continues with the next slot. A wait (budget, breaker, contract) is returned, not thrown:
 * the workflow decides whether to sleep or park.
 */
export function createPlannerActivities(deps: PlanningDeps) {
  const brandContext = deps.brandContext ?? knowledgeBrandContext;

  return {
    async draftPlan(input: PlanContextInput): Promise<DraftPlanResult> {
      const m = deps.ds.manager;
      const plan = await m.findOne(Plan, { where: { id: input.planId, clientId: input.clientId } });
      if (!plan || plan.agencyId !== input.agencyId) throw planRefused('the plan does not exist for this client');
      const planned = await m.find(PlanItem, {
        where: { planId: plan.id, clientId: plan.clientId },
        order: { position: 'ASC' },
      });
      if (DRAFTED.includes(plan.status)) return { ok: true, itemIds: planned.map((i) => i.id) };

      const slots = generateSlots(plan.request);
      const done = new Set(planned.map((i) => i.position));
      const brand = await brandContext(m, plan.clientId);
      for (const slot of slots) {
        if (done.has(slot.position)) continue;
        const res = await deps.providers.text(
          {
            agencyId: plan.agencyId,
            clientId: plan.clientId,
            // One step per brief: a step's contract bounds one brief's calls, tokens and time, so a plan of any size
            // is drafted (the monthly budget still bounds the whole).
            stepId: `plan:${plan.id}/brief:${slot.position}`,
            stepKind: 'planner',
            depth: 0,
          },
          briefRequest(plan.request.goals, slot, brand),
        );
        if (!res.ok) return { ok: false, wait: res.wait };
        await PlanEventsRepository.append(m, {
          planId: plan.id,
          agencyId: plan.agencyId,
          clientId: plan.clientId,
          type: 'item.planned',
          data: {
            itemId: randomUUID(),
            position: slot.position,
            platformAccountId: slot.platformAccountId,
            platform: slot.platform,
            crossPosts: slot.crossPosts,
            timing: slot.timing,
            format: slot.format,
            pillar: slot.pillar,
            slotAt: slot.slotAt,
            localDate: slot.localDate,
            localTime: slot.localTime,
            timezone: plan.request.timezone,
            brief: briefFrom(res.text, slot),
            briefRef: res.artifact ?? null,
          },
          actor: `workflow:${input.workflowId}`,
        });
        heartbeat(slot.position);
      }
      await PlanEventsRepository.append(m, {
        planId: plan.id,
        agencyId: plan.agencyId,
        clientId: plan.clientId,
        type: 'plan.drafted',
        data: { itemCount: slots.length },
        actor: `workflow:${input.workflowId}`,
      });
      const items = await m.find(PlanItem, {
        where: { planId: plan.id, clientId: plan.clientId },
        order: { position: 'ASC' },
      });
      return { ok: true, itemIds: items.map((i) => i.id) };
    },
  };
}
