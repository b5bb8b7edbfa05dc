import type { EntityManager } from 'typeorm';
import { Asset, AssetRevision } from '../database/entities';

/** The job fields that say who wrote a post's content. */
export interface AuthoredJob {
  clientId: string;
  assetId: string;
  createdBy: string;
}

/**
 * Everyone who wrote the content of a post (C-21): whoever scheduled it, the asset's creator and every operator
 * who edited it. None of them may be the second pair of eyes; the API, the approval activity and the policy input
 * all take the list from here.
 */
export async function contentAuthors(m: EntityManager, job: AuthoredJob): Promise<string[]> {
  // In turn: a transaction is one connection.
  const asset = await m.findOne(Asset, { where: { id: job.assetId, clientId: job.clientId } });
  const revisions = await m.find(AssetRevision, { where: { assetId: job.assetId, clientId: job.clientId } });
  const ids = [job.createdBy, asset?.authorId, ...revisions.map((r) => r.editorId)];
  return [...new Set(ids.filter((id): id is string => !!id))].sort();
}

/** Records one edit of an asset in the caller's transaction (the same one that changes the text). */
export async function recordAssetRevision(m: EntityManager, asset: Asset, editorId: string): Promise<void> {
  await m.insert(AssetRevision, {
    agencyId: asset.agencyId,
    clientId: asset.clientId,
    assetId: asset.id,
    editorId,
    checksum: asset.checksum,
  });
}
