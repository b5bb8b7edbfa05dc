import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { REVIEWABLE_CREATION_STATUSES } from '../../../workflows/contracts/vocabulary/creation-status';
import { Asset, PlanItem } from '../database/entities';

export interface ReviewQueuePage {
  items: { item: PlanItem; asset: Asset | null }[];
  /** pass as `after` for the next page; null on the last one */
  endCursor: string | null;
}

const MAX_PAGE = 100;

/** Opaque to callers: the sort key of the last row shown (slot, then id). */
export function encodeCursor(item: Pick<PlanItem, 'slotAt' | 'id'>): string {
  return Buffer.from(`${item.slotAt.toISOString()}|${item.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { slotAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const slotAt = new Date(at ?? '');
  if (Number.isNaN(slotAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) return null;
  return { slotAt, id };
}

/**
 * The items of one client that wait for a human (in review, blocked by the content policy, parked), soonest slot
 * first, a page at a time; with each its current asset. Two queries per page, whatever its size.
 */
export async function reviewQueuePage(
  m: EntityManager,
  q: { clientId: string; first: number; after?: { slotAt: Date; id: string } | null },
): Promise<ReviewQueuePage> {
  const take = Math.min(Math.max(q.first, 1), MAX_PAGE);
  const qb = m
    .createQueryBuilder(PlanItem, 'i')
    .where('i.client_id = :clientId', { clientId: q.clientId })
    .andWhere('i.status IN (:...statuses)', { statuses: [...REVIEWABLE_CREATION_STATUSES] })
    .orderBy('i.slot_at', 'ASC')
    .addOrderBy('i.id', 'ASC')
    .limit(take + 1);
  if (q.after) qb.andWhere('(i.slot_at, i.id) > (:at, :id)', { at: q.after.slotAt, id: q.after.id });
  const rows = await qb.getMany();
  const page = rows.slice(0, take);
  const assetIds = page.map((i) => i.assetId).filter((id): id is string => !!id);
  const assets = assetIds.length ? await m.find(Asset, { where: { id: In(assetIds), clientId: q.clientId } }) : [];
  return {
    items: page.map((item) => ({ item, asset: assets.find((a) => a.id === item.assetId) ?? null })),
    endCursor: rows.length > take ? encodeCursor(page[page.length - 1]) : null,
  };
}
