import type { ApprovalRefusal } from '../../../workflows/contracts/publish-activities.contract';
import type { PostDecisionKind } from '../../../workflows/contracts/vocabulary/post-decisions';
import type { Role } from '../database/entities';

/**
 * The roles that may make each decision. The worker cannot import the API's permission matrix, so this is its
 * worker-side copy: the permission each kind needs and its roles, kept equal to services/api/auth/permissions.ts
 * by services/api/modules/posts/decision-roles.spec.ts.
 */
export const DECISION_ROLES = {
  approve: { permission: 'post.approve', roles: ['Admin', 'Manager', 'Publisher', 'Reviewer'] },
  reject: { permission: 'post.approve', roles: ['Admin', 'Manager', 'Publisher', 'Reviewer'] },
  cancel: { permission: 'post.cancel', roles: ['Admin', 'Manager', 'Publisher'] },
  reschedule: { permission: 'post.schedule', roles: ['Admin', 'Manager', 'Publisher'] },
} as const satisfies Record<PostDecisionKind, { permission: string; roles: readonly Role[] }>;

const VERB: Record<PostDecisionKind, string> = {
  approve: 'approve',
  reject: 'reject',
  cancel: 'cancel',
  reschedule: 'reschedule',
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
  if (!d.role || !(DECISION_ROLES[d.kind].roles as readonly Role[]).includes(d.role))
    return { refusal: 'role', reason: `role ${d.role ?? 'none'} may not ${VERB[d.kind]} posts for this client` };
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
