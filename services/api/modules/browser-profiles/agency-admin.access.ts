import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Client } from '../../../core/database/entities';
import { MembershipRepository } from '../../../core/repositories/membership.repository';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { DATA_SOURCE } from '../../platform/tokens';

/**
 * The browser lane's controls and the restricted platforms belong to an Admin of the client's agency: they decide
 * whether Raize may act in the client's name through a live session, or on a platform whose terms forbid it. The
 * permission is policy.update (Admins only, token scope admin: what lets side effects run); on top of it the Admin
 * role must be agency-wide, as the core's two-Admin check counts it (C-42).
 */
@Injectable()
export class AgencyAdminAccess {
  private readonly memberships = new MembershipRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The client, when the actor is an Admin of its agency; `what` names the missing thing another tenant asked for. */
  async requireAdmin(actor: Actor, clientId: string, what: string): Promise<Client> {
    const { client } = await this.read(actor, clientId, 'policy.update', what);
    const roles = await this.memberships.agencyRoles(this.ds.manager, {
      userId: actor.userId,
      agencyId: client.agencyId,
    });
    if (!roles.includes('Admin'))
      throw new AppError(AppErrorCode.Forbidden, "only an Admin of the client's agency may do this");
    return client;
  }

  /** The client, when the actor may read it; another tenant's answers as `${what} not found` (C-02). */
  async requireReader(actor: Actor, clientId: string, what: string): Promise<Client> {
    return (await this.read(actor, clientId, 'client.read', what)).client;
  }

  private async read(actor: Actor, clientId: string, permission: 'client.read' | 'policy.update', what: string) {
    try {
      return await this.access.requireClient(actor, clientId, permission);
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NotFound) throw notFound(what);
      throw err;
    }
  }
}
