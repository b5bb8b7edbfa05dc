import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import type { Role } from '../../services/core/database/entities';
import { ClientPolicySettings } from '../../services/core/database/entities';

export interface SeededTenant {
  agencyId: string;
  clientId: string;
  users: Record<'admin' | 'author' | 'approver' | 'reviewer' | 'analyst', string>;
}

/** An agency with one client and one operator per role, named uniquely so tests never collide. */
export async function seedTenant(
  ds: DataSource,
  settings: Parameters<TenantBootstrap['createClient']>[3] = {},
  timezone = 'Europe/Berlin',
): Promise<SeededTenant> {
  const b = new TenantBootstrap(ds);
  const tag = randomUUID().slice(0, 8);
  const agency = await b.createAgency(`Agency ${tag}`);
  const client = await b.createClient(agency.id, `Client ${tag}`, timezone, settings);
  const mk = async (name: string, role: Role, clientScoped = false) => {
    const u = await b.createUser(`${name}-${tag}@example.test`, `${name} ${tag}`);
    await b.grant(u.id, agency.id, role, clientScoped ? client.id : null);
    return u.id;
  };
  return {
    agencyId: agency.id,
    clientId: client.id,
    users: {
      admin: await mk('admin', 'Admin'),
      author: await mk('author', 'Publisher'),
      approver: await mk('approver', 'Manager'),
      reviewer: await mk('reviewer', 'Reviewer', true),
      analyst: await mk('analyst', 'Analyst', true),
    },
  };
}

export async function setPolicy(ds: DataSource, clientId: string, patch: Partial<ClientPolicySettings>): Promise<void> {
  await ds.getRepository(ClientPolicySettings).update({ clientId }, patch as never);
}
