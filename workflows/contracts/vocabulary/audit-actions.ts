import type { PublishStatus } from './publish-status';

/** Every audit action the trail records (C-48). Stored as text; existing values never change meaning. */
export const AUDIT_ACTIONS = [
  // tenancy and operators
  'agency.created',
  'client.created',
  'membership.granted',
  'password.set',
  'totp.enabled',
  'login.succeeded',
  'login.failed',
  'login.locked',
  'login.refused_locked',
  'login.second_factor_required',
  'login.throttled',
  'logout',
  'logout.everywhere',
  'api_token.created',
  'api_token.revoked',
  'operator.disabled',
  'codec.key_rotated',
  'codec.key_retired',
  'secrets.master_key_rotated',
  // platform staff (global kill switch, payload decoding), granted by the database owner's CLI: C-04, C-14
  'staff.granted',
  'staff.revoked',
  // configuration
  'policy.updated',
  'autonomy.downgraded',
  'killswitch.engaged',
  'killswitch.released',
  // accounts
  'account.connected',
  'account.quarantined',
  // a connect refused because the platform account is bound elsewhere (an alert when in another agency)
  'account.connect_refused',
  // content and approvals
  'asset.created',
  'asset.updated',
  'approval.granted',
  'approval.refused',
  // a decision reference sent to a workflow that did not verify (forged, foreign, wrong kind, role): C-21
  'decision.refused',
  // the publishing episode: one action per status, plus the guard's own events
  'post.scheduled',
  'post.awaiting_approval',
  'post.approved',
  'post.paused',
  'post.publishing',
  'post.published',
  'post.verified',
  'post.unverified',
  'post.denied',
  'post.rejected',
  'post.cancelled',
  'post.failed',
  'post.quarantined',
  'guard.denied',
  'guard.refused',
  'guard.fingerprint_mismatch',
  'guard.connector_error',
  'guard.reconciled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The audit action that records a post reaching a status. */
export function postStatusAction(status: PublishStatus): AuditAction {
  return `post.${status}`;
}
