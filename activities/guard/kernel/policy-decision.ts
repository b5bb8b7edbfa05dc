import type { PolicyEngine } from '../../../services/core/policy/policy-engine';
import type { PolicyAction, PolicyDecision, PolicyInput, TaskClass } from '../../../services/core/policy/policy.types';
import type { EngagedSwitch } from '../../../services/core/repositories/kill-switch.repository';
import type { SideEffectCounters } from '../../../services/core/repositories/side-effect-counters.repository';
import { localTime } from '../../../services/core/util/local-time';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { EffectFacts, EffectTarget } from './side-effect.adapter';

export const NO_COUNTERS: SideEffectCounters = {
  account_today: 0,
  client_today: 0,
  global_today: 0,
  seconds_since_last: null,
  account_last_hour: 0,
  account_usual_daily: 0,
};

export interface DecisionFacts {
  action: PolicyAction;
  /** the lane asking (C-30); absent: not checked */
  taskClass?: TaskClass;
  now: Date;
  target: EffectTarget;
  facts: EffectFacts;
  counters: SideEffectCounters;
  killSwitches: EngagedSwitch[];
}

/** Everything the policy needs, computed by the host (ADR 0002); action-generic. */
export function policyInputFor(d: DecisionFacts): PolicyInput {
  const s = d.target.settings;
  return {
    action: d.action,
    ...(d.taskClass ? { task_class: d.taskClass } : {}),
    platform: d.target.account.platform,
    lane: d.target.account.lane,
    now_s: Math.floor(d.now.getTime() / 1000),
    scheduled_at_s: d.facts.scheduledAtS ?? null,
    local_time: localTime(d.now, d.target.client.timezone),
    tenant: { agency_id: d.target.agencyId, client_id: d.target.clientId, account_id: d.target.account.id },
    author: d.facts.author,
    approvals: d.facts.approvals,
    content_checksum: d.facts.contentChecksum ?? null,
    kill_switches: d.killSwitches,
    account: {
      status: d.target.account.status === 'disconnected' ? 'read_only' : d.target.account.status,
      allowed_lanes: d.target.account.allowedLanes,
      browser_profile: d.target.browserProfile ?? null,
    },
    settings: {
      autonomy: s?.autonomy ?? {},
      four_eyes: s?.fourEyes ?? true,
      caps: s?.caps ?? [],
      cooldown_seconds: s?.cooldownSeconds ?? {},
      spend_caps: s?.spendCaps ?? [],
      quiet_hours: s?.quietHours ?? null,
      lateness_cutoff_seconds: s?.latenessCutoffSeconds ?? null,
      enabled_platforms: s?.enabledPlatforms ?? [],
      approval_stages: s?.approvalStages ?? {},
    },
    counters: { ...d.counters, ...d.facts.counters },
  };
}

/** The policy's decision plus the host's own reasons; deny, engine error or timeout means no side effect (C-18). */
export function decide(policy: PolicyEngine, d: DecisionFacts): PolicyDecision & { reasons: Reason[] } {
  const decision = policy.decide(policyInputFor(d));
  const reasons: Reason[] = [...decision.reasons, ...d.facts.hostReasons];
  return { ...decision, allow: decision.allow && reasons.length === 0, reasons };
}
