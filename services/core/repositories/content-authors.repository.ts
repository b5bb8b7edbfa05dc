import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Asset, AssetRevision } from '../database/entities';

/** The job fields that say who wrote a post's content. */
export interface AuthoredJob {
  clientId: string;
  assetId: string;
  createdBy: string;
}

/** The authors from what a query read already: the job, its asset's creator and the asset's editors (C-21). */
export function authorList(job: AuthoredJob, assetAuthorId: string | null | undefined, editorIds: string[]): string[] {
  const ids = [job.createdBy, assetAuthorId, ...editorIds];
  return [...new Set(ids.filter((id): id is string => !!id))].sort();
}

/**
 * Everyone who wrote the content of a post (C-21): whoever scheduled it, the asset's creator and every operator
 * who edited it. None of them may be the second pair of eyes; the API, the approval activity and the policy input
 * all take the list from here. The caller passes the job's asset, which it has loaded already (null when gone).
 */
export async function contentAuthors(
  m: EntityManager,
  job: AuthoredJob,
  asset: Pick<Asset, 'authorId'> | null,
): Promise<string[]> {
  const revisions = await m.find(AssetRevision, { where: { assetId: job.assetId, clientId: job.clientId } });
  return authorList(
    job,
    asset?.authorId,
    revisions.map((r) => r.editorId),
  );
}

/** The authors of each of many posts (a post list) in two queries, in the order of `jobs`. */
export async function contentAuthorsOfEach(m: EntityManager, jobs: readonly AuthoredJob[]): Promise<string[][]> {
  if (!jobs.length) return [];
  const assetIds = [...new Set(jobs.map((j) => j.assetId))];
  // In turn: a request's scope is one connection.
  const assets = await m.find(Asset, { where: { id: In(assetIds) } });
  const revisions = await m.find(AssetRevision, { where: { assetId: In(assetIds) } });
  return jobs.map((job) =>
    authorList(
      job,
      assets.find((a) => a.id === job.assetId && a.clientId === job.clientId)?.authorId,
      revisions.filter((r) => r.assetId === job.assetId && r.clientId === job.clientId).map((r) => r.editorId),
    ),
  );
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
