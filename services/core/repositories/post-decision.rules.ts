import type { ApprovalRefusal } from '../../../workflows/contracts/publish-activities.contract';
import type { PostDecisionKind } from '../../../workflows/contracts/vocabulary/post-decisions';
import type { Role } from '../database/entities';
import type { Permission } from '../tenancy/permissions';
import { roleAllows } from '../tenancy/permissions';

/** The permission each decision needs, from the one matrix the API uses too. */
export const DECISION_PERMISSION: Record<PostDecisionKind, Permission> = {
  approve: 'post.approve',
  reject: 'post.approve',
  cancel: 'post.cancel',
  reschedule: 'post.schedule',
};

export const CONTENT_CHANGED_MESSAGE = 'the text changed while you were reading; review it again';

export interface DecisionClaim {
  kind: PostDecisionKind;
  actorId: string;
  /** the actor's role on the client now (null: none) */
  role: Role | null;
  /** approve: the checksum of the content the reviewer saw */
  assetChecksum?: string | null;
}

export interface DecisionContext {
  /** everyone who wrote the content (contentAuthors) */
  authors: readonly string[];
  fourEyes: boolean;
  /** the checksum of the content as it is now */
  currentChecksum: string;
}

export interface DecisionRefusal {
  refusal: ApprovalRefusal;
  reason: string;
}

/**
 * Whether a decision may stand: the actor's current role allows it and, for an approval, the approver wrote none
 * of the text (four eyes) and saw the content as it is now (C-21, C-23). The API checks it before recording a
 * decision; the workflow's activity checks it again before the workflow acts on one.
 */
export function decisionRefusal(d: DecisionClaim, ctx: DecisionContext): DecisionRefusal | undefined {
  if (!d.role || !roleAllows(d.role, DECISION_PERMISSION[d.kind]))
    return { refusal: 'role', reason: `role ${d.role ?? 'none'} may not ${d.kind} posts for this client` };
  if (d.kind !== 'approve') return undefined;
  if (ctx.fourEyes && ctx.authors.includes(d.actorId))
    return {
      refusal: 'four_eyes',
      reason: 'four eyes: you wrote, scheduled or edited this text, so someone else must approve it',
    };
  if (!d.assetChecksum || d.assetChecksum !== ctx.currentChecksum)
    return { refusal: 'content_changed', reason: CONTENT_CHANGED_MESSAGE };
  return undefined;
}
