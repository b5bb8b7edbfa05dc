import type { ApprovalStage } from '../../../workflows/contracts/vocabulary/client-review';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';

/**
 * Types of the side-effect policy (policies/raize/sideeffect, entry point raize/sideeffect/decision).
 *
 * PolicyInput mirrors the JSON the Rego policy reads, so its keys are snake_case on purpose: the host
 * builds it once and the engine hands it to OPA as it is. Everything is supplied by the host; the
 * policy treats a missing or malformed field as a deny wherever safety depends on it.
 */

export const POLICY_ACTIONS = ['publish', 'reply', 'dm', 'like', 'hide', 'delete'] as const;
/** A side effect that must be allowed by the policy before it runs. */
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** How the side effect is executed: the platform API, a browser session, or both. */
export type PolicyLane = 'api' | 'browser' | 'hybrid';

/** Per-action autonomy of a client: manual (human author + approval), assisted (approval), autonomous. */
export type AutonomyLevel = 'manual' | 'assisted' | 'autonomous';

export type KillSwitchScope = 'global' | 'agency' | 'client' | 'account';

export type AccountStatus = 'connected' | 'quarantined' | 'read_only' | 'needs_reconnect';

export type AuthorKind = 'human' | 'ai';

/** Scope whose daily counter a cap is compared with. */
export type CapScope = 'account' | 'client' | 'global';

/** The client's wall clock, computed by the host in the client's timezone. */
export interface PolicyLocalTime {
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
}

export interface PolicyTenant {
  agency_id: string;
  client_id: string;
  account_id: string;
}

export interface PolicyAuthor {
  id: string;
  kind: AuthorKind;
  /** everyone who wrote the content (scheduler, creator, editors); none of them counts as four eyes (C-21) */
  ids?: string[];
}

export interface PolicyApproval {
  approver_id: string;
  /**
   * One of data.raize.defaults.approver_roles (Admin, Manager, Publisher, Reviewer) for the agency's stage, or
   * data.raize.defaults.client_approver_role (ClientReviewer) for the client's.
   */
  role: string;
  /** Checksum of the content that was approved; an approval of other content is void. */
  checksum: string;
}

/** An engaged kill switch. The policy honours only global ones and those matching the tenant. */
export interface PolicyKillSwitch {
  scope: KillSwitchScope;
  /** Agency, client or account id; absent for the global switch. */
  scope_id?: string | null;
}

/** The account's browser profile as the policy sees it (issue #17): its mode, and which side writes. */
export interface PolicyBrowserProfile {
  mode: 'read_only' | 'side_effects';
  writer: 'api' | 'browser';
}

export interface PolicyAccount {
  status: AccountStatus;
  allowed_lanes: PolicyLane[];
  /** null or absent: no profile attached (a browser or hybrid lane then denies) */
  browser_profile?: PolicyBrowserProfile | null;
}

export interface PolicyCap {
  /** Caps come from stored settings, so any string is accepted; only caps for this action apply. */
  action: PolicyAction | (string & {});
  /** Absent or null: the cap applies to every platform. */
  platform?: string | null;
  scope: CapScope;
  max_per_day: number;
}

/** Quiet window [start_hour, end_hour) in the client's local time; wraps midnight when start > end. */
export interface PolicyQuietHours {
  start_hour: number;
  end_hour: number;
}

/** Per-client settings from the database. */
export interface PolicySettings {
  /** Missing action → "manual". */
  autonomy: Partial<Record<PolicyAction, AutonomyLevel>>;
  four_eyes: boolean;
  caps: PolicyCap[];
  cooldown_seconds: Partial<Record<PolicyAction, number | null>>;
  /** monthly spend caps per platform that bills per request */
  spend_caps: { platform: string; max_usd_micros_per_month: number }[];
  quiet_hours: PolicyQuietHours | null;
  /** null → data.raize.defaults.default_lateness_cutoff_seconds */
  lateness_cutoff_seconds: number | null;
  /** Explicit opt-ins for platforms disallowed by default (data.raize.defaults.disallowed_platforms). */
  enabled_platforms: string[];
  /** per action, by platform with a "default": none / internal / internal_then_client (stages.rego) */
  approval_stages?: Partial<Record<string, Partial<Record<string, ApprovalStage>>>>;
}

export interface PolicyCounters {
  /** this account's side effects of the action in the last hour, and its usual daily volume (spike, C-25) */
  account_last_hour?: number;
  account_usual_daily?: number;
  account_today: number;
  client_today: number;
  global_today: number;
  /** null: this action never ran. Absent while a cooldown is configured → deny. */
  seconds_since_last: number | null;
  /** the client's spend on this platform this month (X bills per post); present when a spend cap applies */
  platform_spend_month_usd_micros?: number;
  /** inbound messages routed on this account in the last hour, and how many of them were negative (C-25) */
  inbound_last_hour?: number;
  negative_last_hour?: number;
}

/** Which lane's work asks: each may take only its allowlisted actions (data.raize.defaults.task_actions, C-30). */
export type TaskClass = 'publish' | 'engagement' | 'creation' | 'planning';

export interface PolicyInput {
  action: PolicyAction;
  /** the lane whose activity asks; absent: not checked (hosts before C-30); the guard always sends it */
  task_class?: TaskClass;
  /** Platform id, e.g. "sandbox". */
  platform: string;
  lane: PolicyLane;
  /** Unix seconds. */
  now_s: number;
  /** Unix seconds of the slot; required for publish, may be absent for other actions. */
  scheduled_at_s?: number | null;
  local_time: PolicyLocalTime;
  tenant: PolicyTenant;
  author: PolicyAuthor;
  approvals: PolicyApproval[];
  /** Checksum of the content about to be sent (absent for actions without content, e.g. like). */
  content_checksum?: string | null;
  kill_switches: PolicyKillSwitch[];
  account: PolicyAccount;
  settings: PolicySettings;
  counters: PolicyCounters;
}

/** A reason the policy gives; its codes are the vocabulary's (workflows/contracts/vocabulary/reason-codes.ts). */
export type PolicyReason = Reason;

export interface PolicyDecision {
  /** True only when reasons is empty. */
  allow: boolean;
  reasons: PolicyReason[];
  /** The action needs a (fresh) approval: autonomy assisted/manual, four-eyes, or a late publish. */
  needsApproval: boolean;
}
