import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client, Role } from '../../core/database/entities';
import { effectiveRole } from '../../core/tenancy/effective-role';
import { AppError, AppErrorCode, notFound } from '../errors/app-error';
import { DATA_SOURCE } from '../platform/tokens';
import { Actor } from './actor';
import { Permission, roleAllows, TOKEN_SCOPE_FOR } from './permissions';

export interface ClientAccess {
  client: Client;
  role: Role;
}

/** Every resolver asks here before touching a client's data (C-02). */
@Injectable()
export class AccessService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async requireClient(actor: Actor, clientId: string, permission: Permission): Promise<ClientAccess> {
    const client = await this.ds.getRepository(Client).findOne({ where: { id: clientId } });
    const role = client ? await effectiveRole(this.ds.manager, actor.userId, client.agencyId, client.id) : null;
    // No role on it: exactly the answer for a client that does not exist.
    if (!client || !role) throw notFound('client');
    if (!roleAllows(role, permission)) throw new AppError(AppErrorCode.Forbidden, `your role (${role}) may not do this (${permission})`);
    this.requireTokenScope(actor, permission);
    return { client, role };
  }

  async requireAgency(actor: Actor, agencyId: string, permission: Permission): Promise<Role> {
    const rows: { role: Role }[] = await this.ds.query('SELECT role FROM memberships WHERE user_id = $1 AND agency_id = $2 AND client_id IS NULL', [actor.userId, agencyId]);
    const role = rows.map((r) => r.role).find((r) => roleAllows(r, permission));
    if (!rows.length) throw notFound('agency');
    if (!role) throw new AppError(AppErrorCode.Forbidden, `your role may not do this (${permission})`);
    this.requireTokenScope(actor, permission);
    return role;
  }

  requireTokenScope(actor: Actor, permission: Permission): void {
    if (actor.via !== 'api-token') return;
    const needed = TOKEN_SCOPE_FOR[permission];
    if (!actor.scopes?.includes(needed) && !actor.scopes?.includes('admin')) {
      throw new AppError(AppErrorCode.Forbidden, `this API token lacks the ${needed} scope`);
    }
  }

  /** Clients the actor can see, for list queries. */
  async visibleClientIds(actor: Actor): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM clients c JOIN memberships m ON m.agency_id = c.agency_id AND (m.client_id IS NULL OR m.client_id = c.id) WHERE m.user_id = $1 GROUP BY c.id`,
      [actor.userId],
    );
    return rows.map((r) => r.id);
  }
}
