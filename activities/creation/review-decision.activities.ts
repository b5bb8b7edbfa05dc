import type { EntityManager } from 'typeorm';
import type { PlanItem } from '../../services/core/database/entities';
import { creationDecisionRefusal } from '../../services/core/creation/creation-decision.rules';
import {
  CreationDecisionRepository,
  creationDecisionContext,
} from '../../services/core/creation/creation-decision.repository';
import { effectiveRole } from '../../services/core/tenancy/effective-role';
import type {
  VerifiedCreationDecision,
  VerifyCreationDecisionInput,
} from '../../workflows/contracts/creation.contract';
import type { CreationDeps } from './creation.deps';
import { loadItem, workflowActor } from './creation-item';

const NOT_FOUND = { refusal: 'not_found' as const, reason: 'no such decision was recorded for this item' };

/**
 * Whoever sent the reference, the database decides (C-21): the row must exist for this item of this client and be
 * about the asset under review; its actor's current role must allow its kind; an approval needs an approver who wrote
 * none of the item (the plan's creator and every editor are authors) and the content they saw to be the content now.
 */
export async function verifyCreationDecisionIn(
  m: EntityManager,
  deps: Pick<CreationDeps, 'audit'>,
  input: VerifyCreationDecisionInput,
): Promise<VerifiedCreationDecision> {
  const { item } = await loadItem(m, input);
  const d = await new CreationDecisionRepository().findForItem(m, {
    id: input.decisionId,
    itemId: item.id,
    clientId: item.clientId,
  });
  // An approval or an edit is about the asset the episode shows; anything else about another is stale.
  if (!d || ((d.kind === 'approve' || d.kind === 'edit') && d.assetId !== input.assetId))
    return refuse(m, deps, input, item, NOT_FOUND);
  const role = await effectiveRole(m, d.actorId, item.agencyId, item.clientId);
  const ctx = await creationDecisionContext(m, item, input.assetId);
  const refused = creationDecisionRefusal(
    { kind: d.kind, actorId: d.actorId, role, assetChecksum: d.assetChecksum },
    ctx,
  );
  if (refused) return refuse(m, deps, input, item, refused);
  // An edit's checksum is the content it wrote; a later edit makes it stale, like an approval.
  if (d.kind === 'edit' && d.assetChecksum !== ctx.currentChecksum)
    return refuse(m, deps, input, item, {
      refusal: 'content_changed',
      reason: 'the item was edited again since; the latest edit counts',
    });
  return {
    valid: true,
    kind: d.kind,
    actorId: d.actorId,
    ...(d.assetChecksum ? { assetChecksum: d.assetChecksum } : {}),
  };
}

async function refuse(
  m: EntityManager,
  deps: Pick<CreationDeps, 'audit'>,
  input: VerifyCreationDecisionInput,
  item: PlanItem,
  r: { refusal: 'role' | 'four_eyes' | 'content_changed' | 'not_found'; reason: string },
): Promise<VerifiedCreationDecision> {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  await deps.audit.append(
    {
      agencyId: item.agencyId,
      clientId: item.clientId,
      actor: workflowActor(input),
      action: 'decision.refused',
      subjectType: 'plan_item',
      subjectId: item.id,
      data: { decisionId: UUID.test(input.decisionId) ? input.decisionId : null, reason: r.reason },
    },
    m,
  );
  return { valid: false, ...r };
}

export function createReviewDecisionActivity(deps: CreationDeps) {
  return async function verifyCreationDecision(input: VerifyCreationDecisionInput): Promise<VerifiedCreationDecision> {
    return deps.ds.transaction((m) => verifyCreationDecisionIn(m, deps, input));
  };
}
