import type { ApprovalRefusal } from '../../../workflows/contracts/publish-activities.contract';
import { CLIENT_DECISION_KINDS, CLIENT_REVIEWER_ROLE } from '../../../workflows/contracts/vocabulary/client-review';
import type { PostDecisionKind } from '../../../workflows/contracts/vocabulary/post-decisions';
import type { DeciderRole } from '../review/decider-role';
import type { Permission } from '../tenancy/permissions';
import { roleAllows } from '../tenancy/permissions';

/** The permission each operator decision needs, from the one matrix the API uses too. */
export const DECISION_PERMISSION: Record<Exclude<PostDecisionKind, 'request_changes' | 'hold'>, Permission> = {
  approve: 'post.approve',
  reject: 'post.approve',
  cancel: 'post.cancel',
  reschedule: 'post.schedule',
};

export const CONTENT_CHANGED_MESSAGE = 'the text changed while you were reading; review it again';

export interface DecisionClaim {
  kind: PostDecisionKind;
  actorId: string;
  /** the actor's role on the client now (null: none); ClientReviewer for a client reviewer */
  role: DeciderRole | null;
  /** approve: the checksum of the content the reviewer saw */
  assetChecksum?: string | null;
}

export interface DecisionContext {
  /** everyone who wrote the content (contentAuthors) */
  authors: readonly string[];
  fourEyes: boolean;
  /** the checksum of the content as it is now */
  currentChecksum: string;
  /** the client's stages end with the client and the agency approved the content as it is now (issue #14) */
  clientStageOpen: boolean;
}

export interface DecisionRefusal {
  refusal: ApprovalRefusal;
  reason: string;
}

const isClientKind = (k: PostDecisionKind): boolean => (CLIENT_DECISION_KINDS as readonly string[]).includes(k);

/**
 * Whether a decision may stand: the actor's current role allows it and, for an approval, the approver wrote none
 * of the text (four eyes) and saw the content as it is now (C-21, C-23). A client reviewer decides only about a
 * post waiting for the client (the agency approved this content and the client's stages end with the client) and
 * only approves, rejects, asks for changes or holds. The API and the portal check it before recording a decision;
 * the workflow's activity checks it again before the workflow acts on one.
 */
export function decisionRefusal(d: DecisionClaim, ctx: DecisionContext): DecisionRefusal | undefined {
  if (d.role === CLIENT_REVIEWER_ROLE) {
    if (!isClientKind(d.kind)) return { refusal: 'role', reason: `a client reviewer may not ${d.kind} posts` };
    if (!ctx.clientStageOpen) return { refusal: 'stage', reason: 'this post is not waiting for the client’s review' };
  } else {
    if (d.kind === 'request_changes' || d.kind === 'hold')
      return {
        refusal: 'role',
        reason: `only the client’s reviewer may ${d.kind.replace('_', ' ')} through the review link`,
      };
    if (!d.role || !roleAllows(d.role, DECISION_PERMISSION[d.kind]))
      return { refusal: 'role', reason: `role ${d.role ?? 'none'} may not ${d.kind} posts for this client` };
  }
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
