import type { EntityManager } from 'typeorm';
import type { PublishStatus } from '../../../workflows/contracts/vocabulary/publish-status';
import { KillSwitch, type KillSwitchScope, PlatformAccount, PublishJob } from '../database/entities';

export interface KillSwitchSetting {
  scope: KillSwitchScope;
  /** the agency, client or account id; `*` for the global switch */
  scopeId: string;
  agencyId: string | null;
  clientId: string | null;
  engaged: boolean;
  reason: string | null;
  setBy: string;
}

/**
 * Kill switches as operators set and list them, engaged or not (the guard reads engaged ones through
 * KillSwitchRepository). One row per scope: setting a switch again overwrites it (C-20).
 */
export class KillSwitchSettingsRepository {
  async set(m: EntityManager, s: KillSwitchSetting): Promise<KillSwitch> {
    await m
      .createQueryBuilder()
      .insert()
      .into(KillSwitch)
      .values({
        scope: s.scope,
        scopeId: s.scopeId,
        agencyId: s.agencyId,
        clientId: s.clientId,
        engaged: s.engaged,
        reason: s.reason,
        setBy: s.setBy,
        updatedAt: () => 'now()',
      })
      .orUpdate(['engaged', 'reason', 'set_by', 'updated_at'], ['scope', 'scope_id'])
      .execute();
    return m.findOneOrFail(KillSwitch, { where: { scope: s.scope, scopeId: s.scopeId } });
  }

  /** Every switch that concerns a client: global, its agency, itself, and its accounts. */
  concerningClient(m: EntityManager, c: { agencyId: string; clientId: string }): Promise<KillSwitch[]> {
    return m
      .createQueryBuilder(KillSwitch, 'k')
      .where(`k.scope = 'global'`)
      .orWhere(`(k.scope = 'agency' AND k.scope_id = :agencyId)`, { agencyId: c.agencyId })
      .orWhere(`(k.scope = 'client' AND k.scope_id = :clientId)`, { clientId: c.clientId })
      .orWhere(
        (qb) => {
          // Its own parameter: Postgres types a parameter once, and :clientId is compared with text above.
          const accounts = qb
            .subQuery()
            .select('a.id::text')
            .from(PlatformAccount, 'a')
            .where('a.client_id = :accountsOf')
            .getQuery();
          return `(k.scope = 'account' AND k.scope_id IN ${accounts})`;
        },
        { accountsOf: c.clientId },
      )
      .getMany();
  }

  /** Workflows of posts paused under a switch's scope: releasing it asks them to re-check at once. */
  async pausedWorkflowIds(m: EntityManager, scope: KillSwitchScope, scopeId: string, limit = 1000): Promise<string[]> {
    const paused: PublishStatus = 'paused';
    if (scope === 'global') {
      // Staff set the global switch with no tenant scope: every tenant's paused posts, through the staff-only lookup.
      const rows: { id: string }[] = await m.query('SELECT raize_staff_workflow_ids($1, $2) AS id', [paused, limit]);
      return rows.map((r) => r.id);
    }
    const qb = m
      .createQueryBuilder(PublishJob, 'j')
      .select('j.workflow_id', 'workflowId')
      .where('j.status = :paused', { paused })
      .limit(limit);
    const column = { agency: 'j.agency_id', client: 'j.client_id', account: 'j.platform_account_id' }[scope];
    qb.andWhere(`${column}::text = :scopeId`, { scopeId });
    const rows: { workflowId: string }[] = await qb.getRawMany();
    return rows.map((r) => r.workflowId);
  }
}
