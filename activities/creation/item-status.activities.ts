import type { EntityManager } from 'typeorm';
import { Asset, PlanItem } from '../../services/core/database/entities';
import type { ItemReviewOutcome } from '../../workflows/contracts/vocabulary/plan-status';
import type { CreationDecisionKind } from '../../workflows/contracts/vocabulary/creation-status';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import type { CreationContext, PreparedItem, RecordItemStatusInput } from '../../workflows/contracts/creation.contract';
import type { CreationDeps } from './creation.deps';
import { loadItem, workflowActor } from './creation-item';

const MAX_REASONS = 10;
const OUTCOME: Partial<Record<CreationDecisionKind, ItemReviewOutcome>> = {
  approve: 'approved',
  request_changes: 'changes_requested',
  reject: 'rejected',
};
const MAX_MESSAGE = 480;

/** The episode's bookkeeping: its settings at the start, and each status it reaches as an item.* event. */
export function createItemStatusActivities(deps: CreationDeps) {
  return {
    async prepareCreationItem(input: CreationContext): Promise<PreparedItem> {
      return deps.ds.transaction(async (m) => {
        await loadItem(m, input);
        return { maxRevisions: await deps.maxRevisions(m, input.clientId) };
      });
    },

    /**
     * Records a status the workflow decided as the plan graph's event (the item row is its projection). A repeat of
     * the status the item already shows writes nothing, so a retried activity adds no second event.
     */
    async recordItemStatus(input: RecordItemStatusInput): Promise<void> {
      await deps.ds.transaction(async (m) => {
        await PlanEventsRepository.lock(m, input.planId);
        await loadItem(m, input);
        if (input.decision) await recordDecision(m, input, input.decision);
        const item = await m.findOne(PlanItem, {
          where: { id: input.itemId, clientId: input.clientId },
          lock: { mode: 'pessimistic_write' },
        });
        const reasons = input.reasons
          .slice(0, MAX_REASONS)
          .map((r) => ({ code: r.code.slice(0, 60), message: r.message.slice(0, MAX_MESSAGE) }));
        if (item && item.status === input.status && JSON.stringify(item.reasons) === JSON.stringify(reasons)) return;
        await PlanEventsRepository.append(m, {
          planId: input.planId,
          clientId: input.clientId,
          agencyId: input.agencyId,
          type: 'item.status_changed',
          data: { itemId: input.itemId, status: input.status, reasons },
          actor: input.actorId ? `user:${input.actorId}` : workflowActor(input),
        });
      });
    },
  };
}

/**
 * The decision a status follows from, in the plan graph: a review as item.reviewed; a hand edit as a new revision of
 * the item's asset (its new checksum), so a rebuilt plan shows the edited content.
 */
async function recordDecision(
  m: EntityManager,
  input: RecordItemStatusInput,
  d: { decisionId: string; kind: CreationDecisionKind },
): Promise<void> {
  const base = { planId: input.planId, clientId: input.clientId, agencyId: input.agencyId };
  const actor = input.actorId ? `user:${input.actorId}` : workflowActor(input);
  const outcome = OUTCOME[d.kind];
  if (outcome) {
    await PlanEventsRepository.append(m, {
      ...base,
      type: 'item.reviewed',
      data: { itemId: input.itemId, outcome, decisionId: d.decisionId },
      actor,
    });
    return;
  }
  const asset = input.assetId
    ? await m.findOne(Asset, { where: { id: input.assetId, clientId: input.clientId } })
    : null;
  if (asset)
    await PlanEventsRepository.append(m, {
      ...base,
      type: 'item.asset_generated',
      data: { itemId: input.itemId, assetId: asset.id, checksum: asset.checksum },
      actor,
    });
}
