import { Inject, Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { BrowserProfile, PlatformAccount, type PublishLane } from '../../../core/database/entities';
import type { HybridWriter } from '../../../../workflows/contracts/vocabulary/browser-lane';
import { Actor } from '../../auth/actor';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import type { PlatformAccountModel } from '../accounts/platform-account.model';
import { AgencyAdminAccess } from './agency-admin.access';
import { BrowserProfilesService } from './browser-profiles.service';
import { BROWSER_LANES } from './publish-lane.enum';

/**
 * Which lane an account publishes through (issue #17). An Admin's choice, audited: the browser and hybrid lanes act
 * in the client's name through a live session, so they need a profile attached; the policy still refuses a browser
 * write until two Admins enabled side effects on it (C-42).
 */
@Injectable()
export class AccountLaneService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly admins: AgencyAdminAccess,
    private readonly profiles: BrowserProfilesService,
  ) {}

  async setLane(
    actor: Actor,
    platformAccountId: string,
    lane: PublishLane,
    hybridWriter?: HybridWriter,
  ): Promise<PlatformAccountModel> {
    const found = await this.ds.getRepository(PlatformAccount).findOne({ where: { id: platformAccountId } });
    if (!found) throw notFound('platform account');
    const client = await this.admins.requireAdmin(actor, found.clientId, 'platform account');
    // After the role check: a caller who may not change the lane learns nothing from the input's shape.
    if (hybridWriter && lane !== 'hybrid')
      throw new AppError(AppErrorCode.BadInput, 'hybridWriter applies to the hybrid lane only');
    if (BROWSER_LANES.includes(lane) && !(await this.profiles.hasProfile(client.id, found.id)))
      throw new AppError(
        AppErrorCode.Conflict,
        `the ${lane} lane acts through a browser profile: attach one to this account first`,
      );
    return this.ds.transaction(async (m) => {
      const account = await m.getRepository(PlatformAccount).findOneOrFail({
        where: { id: found.id, clientId: client.id },
        lock: { mode: 'pessimistic_write' },
      });
      const allowedLanes = account.allowedLanes.includes(lane) ? account.allowedLanes : [...account.allowedLanes, lane];
      // Which side publishes on the hybrid lane is the profile's; the policy still wants side effects enabled when
      // the page writes (C-42).
      const writerChanged = hybridWriter
        ? (
            await m.update(
              BrowserProfile,
              { platformAccountId: account.id, clientId: client.id, hybridWriter: Not(hybridWriter) },
              { hybridWriter, updatedAt: new Date() },
            )
          ).affected
        : 0;
      if (account.lane === lane && allowedLanes === account.allowedLanes && !writerChanged) return account;
      const from = account.lane;
      account.lane = lane;
      account.allowedLanes = allowedLanes;
      account.updatedAt = new Date();
      await m.getRepository(PlatformAccount).save(account);
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'account.lane_changed',
          subjectType: 'platform_account',
          subjectId: account.id,
          data: { from, to: lane, allowedLanes, ...(hybridWriter ? { hybridWriter } : {}) },
        },
        m,
      );
      return account;
    });
  }
}
