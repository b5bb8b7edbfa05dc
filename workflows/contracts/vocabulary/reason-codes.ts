/**
 * Every reason code the guard, the policy (Rego) and the workflows give, with what a workflow does about it.
 * A spec fails when the Rego policy emits a code that is missing here.
 *
 * - pause: clears by itself or by an operator flipping a switch; the episode waits and asks again (C-20).
 * - needs_approval: a (fresh) human approval resolves it (C-21, C-23, lateness cutoff, spike review).
 * - terminal: the episode cannot wait it out and ends with a clear status.
 * - info: not a refusal; a status annotation (verifying, cancelled by an operator, ...).
 */
export type Disposition = 'pause' | 'needs_approval' | 'terminal' | 'info';

interface ReasonSpec {
  disposition: Disposition;
  /** an earlier approval no longer counts once this reason appears */
  voidsApprovals?: boolean;
  /** where the code comes from: the Rego policy, the policy engine, or the host (guard, workflow, API) */
  source: 'policy' | 'engine' | 'host';
}

export const REASON_CODES = {
  // From the Rego policy (policies/raize/sideeffect).
  kill_switch: { disposition: 'pause', source: 'policy' },
  account_quarantined: { disposition: 'terminal', source: 'policy' },
  account_read_only: { disposition: 'terminal', source: 'policy' },
  /** the platform refused the account's token: posts wait until an operator reconnects the same account */
  account_needs_reconnect: { disposition: 'pause', source: 'policy' },
  platform_disallowed: { disposition: 'terminal', source: 'policy' },
  lane_not_allowed: { disposition: 'terminal', source: 'policy' },
  approval_required: { disposition: 'needs_approval', source: 'policy' },
  manual_requires_human_author: { disposition: 'needs_approval', source: 'policy' },
  four_eyes: { disposition: 'needs_approval', source: 'policy' },
  approval_stale: { disposition: 'needs_approval', voidsApprovals: true, source: 'policy' },
  /** the client's approval stages end with the client: its reviewer has not approved this content yet (issue #14) */
  client_approval_required: { disposition: 'needs_approval', source: 'policy' },
  cap_reached: { disposition: 'terminal', source: 'policy' },
  /** the client's monthly spend on a per-request-billed platform (X) reached its cap: waits for the month or a new cap */
  spend_cap_reached: { disposition: 'pause', source: 'policy' },
  cooldown: { disposition: 'pause', source: 'policy' },
  quiet_hours: { disposition: 'pause', source: 'policy' },
  late: { disposition: 'needs_approval', voidsApprovals: true, source: 'policy' },
  spike: { disposition: 'needs_approval', source: 'policy' },
  /** a burst of negative inbound on the account: its engagement goes to human review (C-25) */
  negative_spike: { disposition: 'needs_approval', source: 'policy' },
  /** the task class (the activity's lane) may not take this action, whatever asked for it (C-30) */
  task_not_allowed: { disposition: 'terminal', source: 'policy' },
  /** the account's lane acts through the browser but no profile is attached to it (issue #17) */
  browser_profile_missing: { disposition: 'pause', source: 'policy' },
  /** the browser profile is read-only: two different Admins switch it to side-effect mode (C-42), or drift did (C-43) */
  browser_profile_read_only: { disposition: 'pause', source: 'policy' },
  invalid_input: { disposition: 'terminal', source: 'policy' },
  policy_data_missing: { disposition: 'terminal', source: 'policy' },
  // From the policy engine, not the policy.
  engine_error: { disposition: 'pause', source: 'engine' },
  engine_timeout: { disposition: 'pause', source: 'engine' },
  // From the host.
  content_changed: { disposition: 'needs_approval', voidsApprovals: true, source: 'host' },
  /** the client's reviewer put the post on hold; their approval releases it */
  client_hold: { disposition: 'needs_approval', source: 'host' },
  /** the client's reviewer asked for changes to this content; an edit (and the stages again) answers it */
  client_changes_requested: { disposition: 'needs_approval', source: 'host' },
  no_connector: { disposition: 'terminal', source: 'host' },
  /** the platform's connector cannot take this action (no engagement writer for it) */
  capability_missing: { disposition: 'terminal', source: 'host' },
  fingerprint_mismatch: { disposition: 'terminal', source: 'host' },
  tenant_refused: { disposition: 'terminal', source: 'host' },
  /**
   * The browser lane stopped before a click (C-41, C-43): an unexpected page or changed markup. The profile turns
   * read-only and a human is asked; the post waits instead of retrying blindly.
   */
  browser_selector_drift: { disposition: 'pause', source: 'host' },
  browser_captcha: { disposition: 'pause', source: 'host' },
  browser_consent: { disposition: 'pause', source: 'host' },
  browser_login_wall: { disposition: 'pause', source: 'host' },
  /** the profile's signed manifest does not verify (tampered or unsigned): re-attach the profile */
  browser_manifest_invalid: { disposition: 'pause', source: 'host' },
  /** the profile's storage state cannot be opened (missing or undecryptable): re-attach it */
  browser_profile_unreadable: { disposition: 'pause', source: 'host' },
  /** no browser runner serving this platform is alive: the post waits for one */
  browser_runner_unavailable: { disposition: 'pause', source: 'host' },
  /** the job's idempotency key is held by another tenant's ledger row */
  tenant_refused_key: { disposition: 'terminal', source: 'host' },
  publish_failed: { disposition: 'terminal', source: 'host' },
  reconcile_ambiguous: { disposition: 'terminal', source: 'host' },
  not_started: { disposition: 'terminal', source: 'host' },
  cancelled: { disposition: 'info', source: 'host' },
  rejected: { disposition: 'info', source: 'host' },
  verifying: { disposition: 'info', source: 'host' },
  unverified: { disposition: 'info', source: 'host' },
} as const satisfies Record<string, ReasonSpec>;

export type ReasonCode = keyof typeof REASON_CODES;
export const REASON_CODE_LIST = Object.keys(REASON_CODES) as ReasonCode[];

export interface Reason {
  /** A ReasonCode; typed open at this boundary so a newer policy's code still arrives (and is treated as terminal). */
  code: ReasonCode | (string & {});
  message: string;
}

export function isReasonCode(code: string): code is ReasonCode {
  return Object.prototype.hasOwnProperty.call(REASON_CODES, code);
}

export function reasonSpec(code: string): ReasonSpec | undefined {
  return isReasonCode(code) ? REASON_CODES[code] : undefined;
}

/** Reason codes a human approval resolves (what the scheduling preview shows as "needs approval because"). */
export function isApprovalReason(code: string): boolean {
  return reasonSpec(code)?.disposition === 'needs_approval';
}

/**
 * What an episode does with a denial: anything it does not know how to wait out ends it (a clear terminal state,
 * not an endless retry); an approval-resolvable reason wins over a pause reason.
 */
export function dispositionFor(reasons: readonly Reason[]): Exclude<Disposition, 'info'> {
  if (reasons.length === 0) return 'terminal';
  const dispositions = reasons.map((r) => reasonSpec(r.code)?.disposition ?? 'terminal');
  if (dispositions.some((d) => d === 'terminal' || d === 'info')) return 'terminal';
  if (dispositions.includes('needs_approval')) return 'needs_approval';
  return 'pause';
}

/** A missed slot, stale approval or changed content voids every earlier approval. */
export function voidsApprovals(reasons: readonly Reason[]): boolean {
  return reasons.some((r) => (reasonSpec(r.code) as ReasonSpec | undefined)?.voidsApprovals === true);
}
