import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { PlatformAccount } from '../../../core/database/entities';
import type { PlanTemplate } from '../../../core/plans/plan-request';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import type { PlanTemplateFields } from './dtos/plan.inputs';

/**
 * The template part of a plan input with each target's platform read from the account row, never from the caller;
 * an account of another client answers exactly like a missing one (C-02), and only connected accounts are planned for.
 */
export async function templateFrom(ds: DataSource, clientId: string, input: PlanTemplateFields): Promise<PlanTemplate> {
  const ids = input.targets.map((t) => t.platformAccountId);
  const accounts = await ds.getRepository(PlatformAccount).find({ where: { clientId, id: In(ids) } });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const targets = input.targets.map((t) => {
    const account = byId.get(t.platformAccountId);
    if (!account) throw notFound('platform account');
    if (account.status !== 'connected')
      throw new AppError(
        AppErrorCode.Conflict,
        `the account is ${account.status}; reconnect it before planning for it`,
      );
    return {
      platformAccountId: account.id,
      platform: account.platform,
      postsPerWeek: t.postsPerWeek,
      postingTimes: t.postingTimes?.length ? t.postingTimes : ['09:30'],
    };
  });
  return {
    goals: input.goals,
    targets,
    pillars: input.pillars.map((p) => ({ name: p.name, weight: p.weight })),
    formats: (input.formats ?? []).map((f) => ({ platform: f.platform, formats: [...f.formats] })),
    requiresApproval: input.requiresApproval,
  };
}
