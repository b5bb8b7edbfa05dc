import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { CLIENT_REVIEWER_ROLE } from '../../../workflows/contracts/vocabulary/client-review';
import type { Role } from '../database/entities';
import { ClientReviewer } from '../database/entities';
import { effectiveRole } from '../tenancy/effective-role';

/** Who may stand behind an approval or a decision: an operator's role, or a client reviewer's. */
export type DeciderRole = Role | typeof CLIENT_REVIEWER_ROLE;

/** An approval's or decision's author: an operator (user id) or a client reviewer, never both. */
export interface Decider {
  operatorId: string | null;
  reviewerId: string | null;
}

/**
 * The role the decider holds on the client now: an operator's effective role, or ClientReviewer for a reviewer of
 * that very client who has not been disabled; null otherwise, so a disabled reviewer's approval stops counting.
 */
export async function deciderRole(
  m: EntityManager,
  d: Decider,
  agencyId: string,
  clientId: string,
): Promise<DeciderRole | null> {
  if (d.operatorId) return effectiveRole(m, d.operatorId, agencyId, clientId);
  if (!d.reviewerId) return null;
  const reviewer = await m.findOne(ClientReviewer, {
    where: { id: d.reviewerId, clientId, agencyId, disabledAt: IsNull() },
  });
  return reviewer ? CLIENT_REVIEWER_ROLE : null;
}

/** The id an approval or decision names as its author, operator or reviewer (both are uuids, never the same). */
export const deciderId = (d: Decider): string => (d.operatorId ?? d.reviewerId)!;
