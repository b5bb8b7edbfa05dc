import type { CreationDecisionKind } from '../../../workflows/contracts/vocabulary/creation-status';
import type { Role } from '../database/entities';
import { CONTENT_CHANGED_MESSAGE } from '../repositories/post-decision.rules';
import type { Permission } from '../tenancy/permissions';
import { roleAllows } from '../tenancy/permissions';

/** The permission each decision on an item needs, from the one matrix the API and the worker read. */
export const CREATION_DECISION_PERMISSION: Record<CreationDecisionKind, Permission> = {
  approve: 'item.review',
  request_changes: 'item.review',
  reject: 'item.review',
  // A hand edit writes content: the same right as writing an asset.
  edit: 'asset.write',
};

export type CreationRefusal = 'role' | 'four_eyes' | 'content_changed' | 'not_found';

export interface CreationDecisionClaim {
  kind: CreationDecisionKind;
  actorId: string;
  /** the actor's role on the client now (null: none) */
  role: Role | null;
  /** approve: the checksum of the content the reviewer saw */
  assetChecksum?: string | null;
}

export interface CreationDecisionContext {
  /** everyone who wrote the item: the plan's creator, the asset's author, every editor (itemAuthors) */
  authors: readonly string[];
  fourEyes: boolean;
  /** the checksum of the item's asset as it is now ('' when it has none) */
  currentChecksum: string;
}

/**
 * Whether a decision on an item may stand (C-21, C-23): the actor's role allows it and, for an approval, the
 * approver wrote none of it (the plan's creator and every editor are authors) and saw the content as it is now.
 * The API checks it before recording a decision; the episode's activity checks it again before acting on one.
 */
export function creationDecisionRefusal(
  d: CreationDecisionClaim,
  ctx: CreationDecisionContext,
): { refusal: CreationRefusal; reason: string } | undefined {
  if (!d.role || !roleAllows(d.role, CREATION_DECISION_PERMISSION[d.kind]))
    return {
      refusal: 'role',
      reason: `role ${d.role ?? 'none'} may not ${d.kind.replace('_', ' ')} items for this client`,
    };
  if (d.kind !== 'approve') return undefined;
  if (ctx.fourEyes && ctx.authors.includes(d.actorId))
    return {
      refusal: 'four_eyes',
      reason: 'four eyes: you planned or edited this item, so someone else must approve it',
    };
  if (!d.assetChecksum || d.assetChecksum !== ctx.currentChecksum)
    return { refusal: 'content_changed', reason: CONTENT_CHANGED_MESSAGE };
  return undefined;
}
