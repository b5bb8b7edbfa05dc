import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Asset } from '../../core/database/entities';
import type { ListedPost } from '../../core/scheduling/calendar.repository';
import { clip, iso } from './tool-client';

/** How much of a post's text a list shows: enough to recognise it; the asset holds the rest. */
const EXCERPT_CHARS = 280;

/**
 * Posts of a calendar page as a tool returns them: the columns the API's post model shows (no payload, no proof) and
 * an excerpt of each asset's text, read in one query.
 */
export async function listedPostsOut(m: EntityManager, clientId: string, posts: ListedPost[]) {
  const ids = [...new Set(posts.map((p) => p.assetId))];
  const assets = ids.length ? await m.find(Asset, { where: { id: In(ids), clientId } }) : [];
  const byId = new Map(assets.map((a) => [a.id, a]));
  return posts.map((p) => {
    const asset = byId.get(p.assetId);
    return {
      postId: p.id,
      platformAccountId: p.platformAccountId,
      assetId: p.assetId,
      kind: asset?.kind ?? null,
      excerpt: asset ? clip(asset.text, EXCERPT_CHARS) : null,
      status: p.status,
      reasons: p.statusReasons,
      scheduledAt: iso(p.scheduledAt),
      timezone: p.timezone,
      approvals: p.approvals.length,
      url: p.url,
      publishedAt: iso(p.publishedAt),
    };
  });
}
