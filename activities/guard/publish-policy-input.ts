import { PolicyInput } from '../../services/core/policy/policy.types';
import { assetChecksum } from '../../services/core/util/asset-checksum';
import { localTime } from '../../services/core/util/local-time';
import { PublishContext } from './publish-context';
import { SideEffectCounters } from './side-effect-counters';

/**
 * Everything the policy needs, computed by the host: the checksum is recomputed from the content itself
 * (not the stored column) so an edit that forgot to update the checksum still voids approvals (C-23).
 */
export function buildPublishPolicyInput(
  ctx: PublishContext,
  extra: { now: Date; scheduledAt: string; counters: SideEffectCounters; killSwitches: { scope: string; scope_id: string }[]; roles: Map<string, string> },
): PolicyInput {
  const s = ctx.settings;
  const contentChecksum = assetChecksum(ctx.asset);
  return {
    action: 'publish',
    platform: ctx.account.platform,
    lane: ctx.account.lane,
    now_s: Math.floor(extra.now.getTime() / 1000),
    scheduled_at_s: Math.floor(Date.parse(extra.scheduledAt) / 1000),
    local_time: localTime(extra.now, ctx.client.timezone),
    tenant: { agency_id: ctx.job.agencyId, client_id: ctx.job.clientId, account_id: ctx.account.id },
    author: { id: ctx.job.createdBy, kind: ctx.asset.authorKind },
    approvals: ctx.approvals.map((a) => ({ approver_id: a.approverId, role: extra.roles.get(a.approverId) ?? 'none', checksum: a.assetChecksum })),
    content_checksum: contentChecksum,
    kill_switches: extra.killSwitches as PolicyInput['kill_switches'],
    account: { status: ctx.account.status === 'disconnected' ? 'read_only' : ctx.account.status, allowed_lanes: ctx.account.allowedLanes },
    settings: {
      autonomy: s?.autonomy ?? {},
      four_eyes: s?.fourEyes ?? true,
      caps: s?.caps ?? [],
      cooldown_seconds: s?.cooldownSeconds ?? {},
      quiet_hours: s?.quietHours ?? null,
      lateness_cutoff_seconds: s?.latenessCutoffSeconds ?? null,
      enabled_platforms: s?.enabledPlatforms ?? [],
    },
    counters: extra.counters,
  };
}
