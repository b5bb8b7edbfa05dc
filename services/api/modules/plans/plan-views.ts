import type { Plan, PlanItem } from '../../../core/database/entities';
import type { PlanStatus } from '../../../../workflows/contracts/vocabulary/plan-status';
import type { PlanTemplate } from '../../../core/plans/plan-request';
import type { PlanItemModel, PlanModel, PlanTargetModel } from './plan.model';

/** A target as saved: requests and templates saved before timing and cross-posts existed read as the defaults. */
export function targetModel(t: PlanTemplate['targets'][number]): PlanTargetModel {
  return {
    platformAccountId: t.platformAccountId,
    platform: t.platform,
    postsPerWeek: t.postsPerWeek,
    postingTimes: t.postingTimes,
    timing: t.timing ?? 'posting_times',
    crossPostAccountIds: (t.crossPosts ?? []).map((c) => c.platformAccountId),
  };
}

export function planItemModel(i: PlanItem): PlanItemModel {
  return {
    id: i.id,
    position: i.position,
    platformAccountId: i.platformAccountId,
    platform: i.platform,
    crossPostAccountIds: i.crossPosts.map((c) => c.platformAccountId),
    timing: i.timing,
    format: i.format,
    pillar: i.pillar,
    slotAt: i.slotAt,
    localDate: i.localDate,
    localTime: i.localTime,
    brief: i.brief,
    status: i.status,
    reasons: i.reasons,
    assetId: i.assetId,
    publishJobIds: i.publishJobIds,
  };
}

export function planModel(p: Plan, items: PlanItem[], workflowStatus: PlanStatus | null): PlanModel {
  const r = p.request;
  return {
    id: p.id,
    clientId: p.clientId,
    status: p.status,
    reasons: p.reasons,
    goals: r.goals,
    startDate: r.startDate,
    endDate: r.endDate,
    timezone: r.timezone,
    targets: r.targets.map(targetModel),
    pillars: r.pillars,
    formats: r.formats,
    requiresApproval: p.requiresApproval,
    createdBy: p.createdBy,
    source: p.source,
    decidedBy: p.decidedBy,
    itemCount: p.itemCount,
    workflowStatus,
    items: items.map(planItemModel),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
