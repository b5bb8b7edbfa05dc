import { createHash } from 'node:crypto';
import { In } from 'typeorm';
import { Client, Plan, PlatformAccount, RecurringPlan } from '../../services/core/database/entities';
import { nextPeriod } from '../../services/core/plans/plan-period';
import { withFreeQueueSlots } from '../../services/core/plans/plan-queue-slots';
import { planRequestSchema, planTemplateSchema } from '../../services/core/plans/plan-request';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import type { OpenPlanInput, OpenPlanResult } from '../../workflows/contracts/planning.contract';
import { planningScheduleId } from '../../workflows/contracts/planning.contract';
import type { PlanningDeps } from './planning.deps';
import { planRefused } from './planning.errors';

/**
 * The plan a run of a recurring Schedule makes: its id derives from the run's workflow id (which Temporal makes
 * unique per fire time), so a retried activity finds the plan it already opened instead of opening a second one.
 */
export function recurringPlanId(workflowId: string): string {
  const h = createHash('sha256').update(`recurring-plan|${workflowId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Opens the plan the run works on: the one the API requested, or a new one from the client's recurring template. */
export function createPlanOpenActivities(deps: PlanningDeps) {
  const result = (plan: Plan): OpenPlanResult => ({
    planId: plan.id,
    requiresApproval: plan.requiresApproval,
    status: plan.status,
    creationTaskQueue: deps.creationTaskQueue,
  });

  return {
    async openPlan(input: OpenPlanInput): Promise<OpenPlanResult> {
      return deps.ds.transaction(async (m) => {
        const client = await m.findOne(Client, { where: { id: input.clientId } });
        if (!client || client.agencyId !== input.agencyId)
          throw planRefused('the client does not exist in this agency');
        const planId = input.planId ?? recurringPlanId(input.workflowId);
        const existing = await m.findOne(Plan, { where: { id: planId, clientId: client.id } });
        if (existing) return result(existing);
        // The API writes the plan before it starts the workflow: a named plan that is not there is not ours (C-05).
        if (input.planId) throw planRefused('the plan does not exist for this client');

        const recurring = await m.findOne(RecurringPlan, { where: { clientId: client.id } });
        if (!recurring) throw planRefused('the client has no recurring planning template');
        const period = nextPeriod(recurring.cadence, deps.now?.() ?? new Date(), client.timezone);
        // Accounts disconnected or removed since the template was saved are left out of this run.
        const accounts = await m.find(PlatformAccount, {
          where: {
            clientId: client.id,
            id: In(
              recurring.template.targets.flatMap((t) => [
                t.platformAccountId,
                ...(t.crossPosts ?? []).map((c) => c.platformAccountId),
              ]),
            ),
            status: 'connected',
          },
        });
        const live = new Set(accounts.map((a) => a.id));
        const template = planTemplateSchema.safeParse({
          ...recurring.template,
          targets: recurring.template.targets
            .filter((t) => live.has(t.platformAccountId))
            .map((t) => ({ ...t, crossPosts: (t.crossPosts ?? []).filter((c) => live.has(c.platformAccountId)) })),
        });
        const withPeriod = { ...period, timezone: client.timezone };
        const request = template.success
          ? planRequestSchema.safeParse({
              ...template.data,
              ...withPeriod,
              targets: await withFreeQueueSlots(m, client.id, template.data, withPeriod, deps.now?.() ?? new Date()),
            })
          : template;
        if (!request.success)
          throw planRefused('the recurring template no longer makes a valid plan (no connected target?)');
        await PlanEventsRepository.append(m, {
          planId,
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'plan.requested',
          data: { request: request.data, source: 'schedule', createdBy: null, workflowId: input.workflowId },
          actor: `schedule:${planningScheduleId(client.id)}`,
        });
        return result((await m.findOne(Plan, { where: { id: planId, clientId: client.id } }))!);
      });
    },
  };
}
