import type { EntityManager } from 'typeorm';
import type { CreationDecisionKind } from '../../../workflows/contracts/vocabulary/creation-status';
import type { PlanItem } from '../database/entities';
import { Asset, ClientPolicySettings, CreationDecision, Plan } from '../database/entities';
import { contentAuthors } from '../repositories/content-authors.repository';
import { assetChecksum } from '../util/asset-checksum';
import type { CreationDecisionContext } from './creation-decision.rules';

export interface NewCreationDecision {
  kind: CreationDecisionKind;
  actorId: string;
  role: string;
  assetId?: string | null;
  assetChecksum?: string | null;
  note?: string | null;
}

// A reference is a uuid; anything else names no row (and must not reach the database as a failing query).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decisions on plan items, always by id AND item AND client (C-05, C-21). Rows are only ever inserted. */
export class CreationDecisionRepository {
  record(m: EntityManager, item: PlanItem, d: NewCreationDecision): Promise<CreationDecision> {
    return m.save(
      CreationDecision,
      m.create(CreationDecision, {
        agencyId: item.agencyId,
        clientId: item.clientId,
        planId: item.planId,
        itemId: item.id,
        kind: d.kind,
        actorId: d.actorId,
        role: d.role,
        assetId: d.assetId ?? null,
        assetChecksum: d.assetChecksum ?? null,
        note: d.note ?? null,
      }),
    );
  }

  /** The decision only when it was made about this item of this client; anything else is as good as missing. */
  async findForItem(
    m: EntityManager,
    q: { id: string; itemId: string; clientId: string },
  ): Promise<CreationDecision | null> {
    if (!UUID.test(q.id)) return null;
    return m.findOne(CreationDecision, { where: { id: q.id, itemId: q.itemId, clientId: q.clientId } });
  }
}

/**
 * Everyone who wrote an item (C-21): the operator who asked for the plan, the asset's author (none for AI output)
 * and every operator who edited it; the same list the publish job's four eyes will use once it is scheduled.
 */
export async function itemAuthors(m: EntityManager, item: PlanItem, asset: Asset | null): Promise<string[]> {
  const plan = await m.findOne(Plan, { where: { id: item.planId, clientId: item.clientId } });
  if (!asset) return plan?.createdBy ? [plan.createdBy] : [];
  return contentAuthors(m, { clientId: item.clientId, assetId: asset.id, createdBy: plan?.createdBy ?? '' }, asset);
}

/** What decides whether a decision on this item may stand, as the database says now. */
export async function creationDecisionContext(
  m: EntityManager,
  item: PlanItem,
  assetId: string | null,
): Promise<CreationDecisionContext & { asset: Asset | null }> {
  const settings = await m.findOne(ClientPolicySettings, { where: { clientId: item.clientId } });
  const asset = assetId ? await m.findOne(Asset, { where: { id: assetId, clientId: item.clientId } }) : null;
  return {
    asset,
    authors: await itemAuthors(m, item, asset),
    fourEyes: settings?.fourEyes ?? true,
    // Recomputed from the content itself, as the guard does (C-23).
    currentChecksum: asset ? assetChecksum(asset) : '',
  };
}
