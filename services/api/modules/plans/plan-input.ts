import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { PlatformAccount } from '../../../core/database/entities';
import { accountsWithoutQueueSlots } from '../../../core/plans/plan-queue-slots';
import type { PlanRequestSpec, PlanTemplate } from '../../../core/plans/plan-request';
import { targetsWithoutFormat } from '../../../core/plans/plan-slots';
import { DEFAULT_POSTING_TIME } from '../../../core/plans/plan-request';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import type { PlanTemplateFields } from './dtos/plan.inputs';

/**
 * The template part of a plan input with each target's and cross-post's platform read from the account row, never
 * from the caller; an account of another client answers exactly like a missing one (C-02), only connected accounts
 * are planned for, and a queue target must have queue slots to fill.
 */
export async function templateFrom(ds: DataSource, clientId: string, input: PlanTemplateFields): Promise<PlanTemplate> {
  const ids = input.targets.flatMap((t) => [t.platformAccountId, ...(t.crossPostAccountIds ?? [])]);
  const accounts = await ds.getRepository(PlatformAccount).find({ where: { clientId, id: In(ids) } });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const connected = (id: string) => {
    const account = byId.get(id);
    if (!account) throw notFound('platform account');
    if (account.status !== 'connected')
      throw new AppError(
        AppErrorCode.Conflict,
        `the account is ${account.status}; reconnect it before planning for it`,
      );
    return { platformAccountId: account.id, platform: account.platform };
  };
  const targets = input.targets.map((t) => ({
    ...connected(t.platformAccountId),
    postsPerWeek: t.postsPerWeek,
    postingTimes: t.postingTimes?.length ? t.postingTimes : [DEFAULT_POSTING_TIME],
    timing: t.timing ?? 'posting_times',
    queueSlotsAt: [],
    crossPosts: (t.crossPostAccountIds ?? []).map(connected),
  }));
  const queueTargets = targets.filter((t) => t.timing === 'queue').map((t) => t.platformAccountId);
  const without = await accountsWithoutQueueSlots(ds.manager, clientId, queueTargets);
  if (without.length)
    throw new AppError(
      AppErrorCode.BadInput,
      `a target timed by its queue has no queue slots (${without.map((id) => byId.get(id)?.handle ?? id).join(', ')}): add its posting times under Queue slots, or plan with posting times`,
    );
  return {
    goals: input.goals,
    targets,
    pillars: input.pillars.map((p) => ({ name: p.name, weight: p.weight })),
    formats: (input.formats ?? []).map((f) => ({ platform: f.platform, formats: [...f.formats] })),
    requiresApproval: input.requiresApproval,
  };
}

/** One asset goes to a target and its cross-posts: their platforms must share a format the request allows. */
export function refuseTargetsWithoutFormat(req: Pick<PlanRequestSpec, 'targets' | 'formats'>): void {
  const stuck = targetsWithoutFormat(req);
  if (stuck.length)
    throw new AppError(
      AppErrorCode.BadInput,
      `no format is allowed on every platform of a target and its cross-posts (${stuck
        .map((t) => [t.platform, ...t.crossPosts.map((c) => c.platform)].join(' + '))
        .join('; ')}): allow a shared format for those platforms`,
    );
}
