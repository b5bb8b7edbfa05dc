import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from 'typeorm';
import { Plan, PlanItem } from '../../services/core/database/entities';
import type { CreationContext } from '../../workflows/contracts/creation.contract';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';

/**
 * The item and its plan, always by id AND plan AND client (C-05). A workflow whose ids name nothing of this client
 * fails at once: retrying cannot make another tenant's item appear.
 */
export async function loadItem(m: EntityManager, ctx: CreationContext): Promise<{ item: PlanItem; plan: Plan }> {
  const item = await m.findOne(PlanItem, { where: { id: ctx.itemId, planId: ctx.planId, clientId: ctx.clientId } });
  const plan = item ? await m.findOne(Plan, { where: { id: item.planId, clientId: ctx.clientId } }) : null;
  if (!item || !plan || item.agencyId !== ctx.agencyId)
    throw ApplicationFailure.create({
      type: FAILURE_TYPES.tenantRefused,
      message: 'the plan item does not exist for this client',
      nonRetryable: true,
    });
  return { item, plan };
}

/** The actor an episode's writes are recorded under. */
export const workflowActor = (ctx: CreationContext) => `workflow:${ctx.workflowId}`;
