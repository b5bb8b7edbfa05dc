import { randomUUID } from 'node:crypto';
import { Plan, PlanItem } from '../../services/core/database/entities';
import { generateSlots } from '../../services/core/plans/plan-slots';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import type { DraftPlanResult, PlanContextInput } from '../../workflows/contracts/planning.contract';
import { agentIdentity, gatewayRefusal } from '../lanes/agent-tools';
import { brandViaTools } from '../lanes/brand-tools';
import { noRenders, toolProviders } from '../lanes/tool-providers';
import type { PlanningDeps } from './planning.deps';
import { heartbeat } from './planning.deps';
import { plannerBrandSummary } from './brand-summary';
import { planRefused } from './planning.errors';
import { briefFrom, briefRequest } from './planner.prompt';

const DRAFTED: readonly string[] = ['awaiting_approval', 'approved', 'rejected', 'creating', 'failed'];
// What a prompt carries of the knowledge base: a few summaries (C-13).
const KB_SUMMARIES = 3;

/**
 * The planner AI step. Slots come from the request (a pure function); the brand and each item's brief come through
 * the MCP tool gateway (`brand_kit`, `kb_search`, `text_generate` as the planner, issue #16), and each drafted item is appended to the external memory at once, so a retry
 * or a resume after a wait continues with the next slot. A wait (budget, breaker, contract) is returned, not thrown:
 * the workflow decides whether to sleep or park.
 */
export function createPlannerActivities(deps: PlanningDeps) {
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
      const who = agentIdentity(plan, 'planner', input.workflowId);
      const providers = toolProviders({
        tools: deps.tools,
        renders: noRenders,
        artifacts: deps.artifacts,
        workflowId: input.workflowId,
      });
      let brand;
      try {
        brand = plannerBrandSummary(await brandViaTools(deps.tools, who, { summaries: KB_SUMMARIES }));
      } catch (err) {
        // Refused by the gateway (not allowed, disabled for the tenant, over budget): the plan parks for a human.
        const refused = gatewayRefusal(err);
        if (refused) return { ok: false, wait: { code: 'refused', message: refused.message } };
        throw err;
      }
      for (const slot of slots) {
        if (done.has(slot.position)) continue;
        const res = await providers.text(
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
