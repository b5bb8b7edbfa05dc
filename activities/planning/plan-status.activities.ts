import { IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Plan, PlanItem } from '../../services/core/database/entities';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import type { RecordCreationStartedInput, RecordPlanStatusInput } from '../../workflows/contracts/planning.contract';
import { creationItemWorkflowId } from '../../workflows/contracts/creation.contract';
import type { PlanningDeps } from './planning.deps';
import { planRefused } from './planning.errors';

const EVENT_OF = {
  waiting: 'plan.waiting',
  parked: 'plan.parked',
  failed: 'plan.failed',
} as const;

/** The episode's own facts about the plan, appended to its external memory; each is idempotent under retries. */
export function createPlanStatusActivities(deps: PlanningDeps) {
  const loadPlan = async (m: EntityManager, input: RecordPlanStatusInput) => {
    const plan = await m.findOne(Plan, { where: { id: input.planId, clientId: input.clientId } });
    if (!plan || plan.agencyId !== input.agencyId) throw planRefused('the plan does not exist for this client');
    return plan;
  };
  const actor = (input: { workflowId: string }) => `workflow:${input.workflowId}`;

  return {
    /** Waiting, parked, failed (with the reason) or resumed: what the plan's row shows between runs of the planner. */
    async recordPlanStatus(input: RecordPlanStatusInput): Promise<void> {
      await deps.ds.transaction(async (m) => {
        const plan = await loadPlan(m, input);
        const base = { planId: plan.id, agencyId: plan.agencyId, clientId: plan.clientId, actor: actor(input) };
        if (input.status === 'resumed') {
          if (plan.status === 'waiting' || plan.status === 'parked')
            await PlanEventsRepository.append(m, { ...base, type: 'plan.resumed', data: {} });
          return;
        }
        const reason = input.reason ?? { code: input.status, message: input.status };
        const same = plan.status === input.status && JSON.stringify(plan.reasons[0] ?? null) === JSON.stringify(reason);
        if (!same) await PlanEventsRepository.append(m, { ...base, type: EVENT_OF[input.status], data: reason });
      });
    },

    /** Every planned item's creation episode was started: item.creation_started for each, in one transaction. */
    async recordCreationStarted(input: RecordCreationStartedInput): Promise<void> {
      await deps.ds.transaction(async (m) => {
        const plan = await loadPlan(m, { ...input, status: 'resumed' });
        // Creation follows an approval, or a plan that needs none: never a plan still drafting or waiting on one.
        if (plan.status !== 'approved' && plan.status !== 'creating')
          throw planRefused(`the plan is ${plan.status}; its items cannot be created yet`);
        // Every item without its start recorded, also those whose episode already reported progress of its own.
        const items = await m.find(PlanItem, {
          where: { planId: plan.id, clientId: plan.clientId, workflowId: IsNull() },
          order: { position: 'ASC' },
        });
        for (const item of items)
          await PlanEventsRepository.append(m, {
            planId: plan.id,
            agencyId: plan.agencyId,
            clientId: plan.clientId,
            type: 'item.creation_started',
            data: { itemId: item.id, workflowId: creationItemWorkflowId(plan.clientId, item.id) },
            actor: actor(input),
          });
      });
    },
  };
}
