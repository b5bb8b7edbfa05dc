import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client, Role } from '../../core/database/entities';
import { MembershipRepository } from '../../core/repositories/membership.repository';
import { effectiveRole } from '../../core/tenancy/effective-role';
import { AppError, AppErrorCode, notFound } from '../errors/app-error';
import { DATA_SOURCE } from '../platform/tokens';
import { Actor } from './actor';
import { Permission, roleAllows, TOKEN_SCOPE_FOR, tokenCarries } from './permissions';

export interface ClientAccess {
  client: Client;
  role: Role;
}

/** Every resolver asks here before touching a client's data (C-02). */
@Injectable()
export class AccessService {
  private readonly memberships = new MembershipRepository();

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async requireClient(actor: Actor, clientId: string, permission: Permission): Promise<ClientAccess> {
    const client = await this.ds.getRepository(Client).findOne({ where: { id: clientId } });
    const role = client ? await effectiveRole(this.ds.manager, actor.userId, client.agencyId, client.id) : null;
    // No role on it: exactly the answer for a client that does not exist.
    if (!client || !role) throw notFound('client');
    if (!roleAllows(role, permission))
      throw new AppError(AppErrorCode.Forbidden, `your role (${role}) may not do this (${permission})`);
    this.requireTokenScope(actor, permission);
    return { client, role };
  }

  async requireAgency(actor: Actor, agencyId: string, permission: Permission): Promise<Role> {
    const roles = await this.memberships.agencyRoles(this.ds.manager, { userId: actor.userId, agencyId });
    const role = roles.find((r) => roleAllows(r, permission));
    if (!roles.length) throw notFound('agency');
    if (!role) throw new AppError(AppErrorCode.Forbidden, `your role may not do this (${permission})`);
    this.requireTokenScope(actor, permission);
    return role;
  }

  requireTokenScope(actor: Actor, permission: Permission): void {
    if (actor.via !== 'api-token') return;
    const needed = TOKEN_SCOPE_FOR[permission];
    if (!tokenCarries(actor.scopes, needed)) {
      throw new AppError(AppErrorCode.Forbidden, `this API token lacks the ${needed} scope`);
    }
  }

  /** Clients the actor can see, for list queries. */
  async visibleClientIds(actor: Actor): Promise<string[]> {
    return this.memberships.visibleClientIds(this.ds.manager, actor.userId);
  }
}
