import type { Plan, PlanItem } from '../../../core/database/entities';
import type { PlanStatus } from '../../../../workflows/contracts/vocabulary/plan-status';
import type { PlanItemModel, PlanModel } from './plan.model';

export function planItemModel(i: PlanItem): PlanItemModel {
  return {
    id: i.id,
    position: i.position,
    platformAccountId: i.platformAccountId,
    platform: i.platform,
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
    targets: r.targets,
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
