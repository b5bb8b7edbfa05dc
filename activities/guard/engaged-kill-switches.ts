import { EntityManager } from 'typeorm';
import { KillSwitch } from '../../services/core/database/entities';

/** The engaged switches that could concern this tenant; the policy decides which match (C-20). */
export async function engagedKillSwitches(m: EntityManager, t: { agencyId: string; clientId: string; accountId: string }): Promise<{ scope: string; scope_id: string }[]> {
  const rows = await m
    .createQueryBuilder(KillSwitch, 'k')
    .where('k.engaged = true')
    .andWhere(`(k.scope = 'global' OR (k.scope = 'agency' AND k.scope_id = :a) OR (k.scope = 'client' AND k.scope_id = :c) OR (k.scope = 'account' AND k.scope_id = :p))`, { a: t.agencyId, c: t.clientId, p: t.accountId })
    .getMany();
  return rows.map((k) => ({ scope: k.scope, scope_id: k.scopeId }));
}
