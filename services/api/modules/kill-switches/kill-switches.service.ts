import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { KillSwitch, PlatformAccount } from '../../../core/database/entities';
import { recheckSignal } from '../../../../workflows/contracts/publish.contract';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { SetKillSwitchInput } from './dtos/set-kill-switch.input';
import { KillSwitchModel } from './kill-switch.model';

/** Kill switches take effect at the next guard evaluation, without a redeploy (C-20). */
@Injectable()
export class KillSwitchesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    private readonly access: AccessService,
  ) {}

  async set(actor: Actor, input: SetKillSwitchInput): Promise<KillSwitchModel> {
    const owner = await this.authorize(actor, input);
    const scopeId = input.scope === 'global' ? '*' : input.scopeId!;
    const saved = await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO kill_switches (scope, scope_id, agency_id, client_id, engaged, reason, set_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (scope, scope_id) DO UPDATE SET engaged = EXCLUDED.engaged, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, updated_at = now()`,
        [input.scope, scopeId, owner.agencyId, owner.clientId, input.engaged, input.reason ?? null, actor.userId],
      );
      const row = await m.findOneOrFail(KillSwitch, { where: { scope: input.scope, scopeId } });
      await this.audit.append({
        agencyId: owner.agencyId, clientId: owner.clientId, actor: `user:${actor.userId}`, action: input.engaged ? 'killswitch.engaged' : 'killswitch.released',
        subjectType: 'kill_switch', subjectId: row.id, data: { scope: input.scope, scopeId, reason: input.reason ?? null },
      }, m);
      return row;
    });
    if (!input.engaged) await this.wakePaused(input.scope, scopeId);
    return toModel(saved);
  }

  async list(actor: Actor, clientId: string): Promise<KillSwitchModel[]> {
    const { client } = await this.access.requireClient(actor, clientId, 'client.read');
    const rows = await this.ds.query(
      `SELECT * FROM kill_switches WHERE scope = 'global' OR (scope = 'agency' AND scope_id = $1) OR (scope = 'client' AND scope_id = $2)
         OR (scope = 'account' AND scope_id IN (SELECT id::text FROM platform_accounts WHERE client_id = $3))`,
      [client.agencyId, client.id, client.id],
    );
    return rows.map((r: Record<string, unknown>) => toModel({ id: r.id, scope: r.scope, scopeId: r.scope_id, engaged: r.engaged, reason: r.reason, updatedAt: r.updated_at } as KillSwitch));
  }

  private async authorize(actor: Actor, input: SetKillSwitchInput): Promise<{ agencyId: string | null; clientId: string | null }> {
    if (input.scope !== 'global' && !input.scopeId) throw new AppError(AppErrorCode.BadInput, `scopeId is required for a ${input.scope} kill switch`);
    switch (input.scope) {
      case 'global': {
        // Stopping everything is an Admin's call; any agency Admin may pull it in an emergency.
        const rows = await this.ds.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'Admin' AND client_id IS NULL LIMIT 1`, [actor.userId]);
        if (!rows.length) throw new AppError(AppErrorCode.Forbidden, 'only an agency Admin may flip the global kill switch');
        return { agencyId: null, clientId: null };
      }
      case 'agency':
        await this.access.requireAgency(actor, input.scopeId!, 'killswitch.set');
        return { agencyId: input.scopeId!, clientId: null };
      case 'client': {
        const { client } = await this.access.requireClient(actor, input.scopeId!, 'killswitch.set');
        return { agencyId: client.agencyId, clientId: client.id };
      }
      case 'account': {
        const account = await this.ds.getRepository(PlatformAccount).findOne({ where: { id: input.scopeId! } });
        if (!account) throw notFound('platform account');
        await this.access.requireClient(actor, account.clientId, 'killswitch.set').catch((e) => {
          throw e instanceof AppError && e.code === AppErrorCode.NotFound ? notFound('platform account') : e;
        });
        return { agencyId: account.agencyId, clientId: account.clientId };
      }
    }
  }

  /** Paused posts under a released switch are asked to re-check now rather than at their next timer. */
  private async wakePaused(scope: string, scopeId: string): Promise<void> {
    const where = { global: 'TRUE', agency: 'agency_id::text = $1', client: 'client_id::text = $1', account: 'platform_account_id::text = $1' }[scope as 'global'];
    const rows: { workflow_id: string }[] = await this.ds.query(`SELECT workflow_id FROM publish_jobs WHERE status = 'paused' AND ${where} LIMIT 1000`, scope === 'global' ? [] : [scopeId]);
    await Promise.all(rows.map((r) => this.temporal.workflow.getHandle(r.workflow_id).signal(recheckSignal).catch(() => undefined)));
  }
}

function toModel(k: KillSwitch): KillSwitchModel {
  const stops = { global: 'every side effect of every agency', agency: 'every side effect of this agency', client: "every side effect of this client's accounts", account: 'every side effect on this account' }[k.scope];
  return { id: k.id, scope: k.scope, scopeId: k.scopeId, engaged: k.engaged, reason: k.reason, updatedAt: k.updatedAt, stops };
}
