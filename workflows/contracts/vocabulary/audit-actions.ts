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
  // a client's explicit, risk-acknowledged opt-in to (or out of) a platform whose terms forbid automation (C-45)
  'client.restricted_platform_enabled',
  'client.restricted_platform_disabled',
  'autonomy.downgraded',
  'killswitch.engaged',
  'killswitch.released',
  // accounts
  'account.connected',
  'account.quarantined',
  'account.needs_reconnect',
  'account.standing_checked',
  // a connect refused because the platform account is bound elsewhere (an alert when in another agency)
  'account.connect_refused',
  // an Admin moved the account to another publishing lane (api, browser, hybrid; issue #17)
  'account.lane_changed',
  // content and approvals
  'asset.created',
  'asset.updated',
  // the brand kit and knowledge base that planning and creation write from
  'brand_kit.updated',
  'kb_source.added',
  'kb_source.removed',
  // bulk planning: a CSV import as one event (its posts each get post.scheduled), and queue slot changes
  'import.completed',
  'import.failed',
  'queue_slot.created',
  'queue_slot.deleted',
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
  // a later re-check found the published post removed, edited or under another author (issue #15, receipts)
  'post.receipt_broken',
  'guard.denied',
  'guard.refused',
  'guard.fingerprint_mismatch',
  'guard.connector_error',
  'guard.reconciled',
  // the engagement inbox: a conversation handed to a human (sensitive, failed check, refused send), its SLA missed
  'conversation.escalated',
  'conversation.sla_breached',
  // AI providers: keys are write-only (the event names the provider and scope, never key material); settings
  'provider_key.set',
  'provider_key.removed',
  'ai_settings.updated',
  // the artifact store (C-46): an object stored, a signed URL handed out, an object served through one
  'artifact.stored',
  'artifact.url_signed',
  'artifact.served',
  // engagement side effects through the guard (issue #13): what went out on an inbound event, read back or not
  'reply.sent',
  'dm.sent',
  'comment.liked',
  'comment.hidden',
  'engagement.unverified',
  // a connect re-queued its account's unroutable inbound events for routing (a count only, never their text)
  'inbound.requeued',
  // outbound lifecycle webhooks (issue #13): a subscription's life (no secret, no URL path in the event's data)
  'webhook.subscription_created',
  'webhook.subscription_updated',
  'webhook.subscription_deleted',
  'webhook.secret_rotated',
  'webhook.subscription_disabled',
  'webhook.redelivered',
  // client reports (issue #14): generated or failed, mailed, a read-only link made, revoked or opened, delivery changed
  'report.generated',
  'report.failed',
  'report.emailed',
  'report.link_created',
  'report.link_revoked',
  'report.link_opened',
  'report.schedule_updated',
  // the client review portal (issue #14): reviewers and links (never a token or code), what a link was used for
  'client_reviewer.added',
  'client_reviewer.disabled',
  'review_link.created',
  'review_link.revoked',
  'review_link.code_sent',
  'review_link.opened',
  'review_link.refused',
  'portal.decision',
  'approval_stages.updated',
  // diagnostics (issue #15): platform staff re-ran an episode from its start, or reset it to a chosen workflow task
  'episode.retried',
  'episode.reset',
  // the MCP tool gateway (issue #16): each call as a digest, a refused call or listing, a registry entry refused at
  // load, a tenant's gateway settings (tool map, scripts, limits) changed by an Admin
  'gateway.tool_called',
  'gateway.tool_refused',
  'gateway.registry_refused',
  'gateway.registry_signed',
  'gateway.settings_updated',
  // the browser lane (issue #17): a profile attached or detached (never a cookie or any of the session's state), the
  // two-Admin switch to side effects (C-42) and its refusals, a profile put back to read-only, a manifest refused (C-41)
  'browser.profile_attached',
  'browser.profile_detached',
  'browser.side_effects_requested',
  'browser.side_effects_enabled',
  'browser.side_effects_refused',
  'browser.profile_read_only',
  'browser.manifest_refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The audit action that records a post reaching a status. */
export function postStatusAction(status: PublishStatus): AuditAction {
  return `post.${status}`;
}
