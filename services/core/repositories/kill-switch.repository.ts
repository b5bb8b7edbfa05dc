import type { EntityManager } from 'typeorm';
import type { KillSwitchScope } from '../database/entities';
import { KillSwitch } from '../database/entities';

export interface EngagedSwitch {
  scope: KillSwitchScope;
  scope_id: string;
}

/** Kill switches as the guard reads them (C-20): every engaged switch that could concern this tenant. */
export class KillSwitchRepository {
  async engagedFor(
    m: EntityManager,
    t: { agencyId: string; clientId: string; accountId: string },
  ): Promise<EngagedSwitch[]> {
    const rows = await m
      .createQueryBuilder(KillSwitch, 'k')
      .where('k.engaged = true')
      .andWhere(
        `(k.scope = 'global' OR (k.scope = 'agency' AND k.scope_id = :a) OR (k.scope = 'client' AND k.scope_id = :c) OR (k.scope = 'account' AND k.scope_id = :p))`,
        { a: t.agencyId, c: t.clientId, p: t.accountId },
      )
      .getMany();
    return rows.map((k) => ({ scope: k.scope, scope_id: k.scopeId }));
  }
}
