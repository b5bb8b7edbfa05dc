import { In } from 'typeorm';
import { z } from 'zod';
import { Client } from '../../core/database/entities';
import type { TenantScope } from '../../core/tenancy/tenant-scope';
import { realDataSource, runInTenantScope, tenantScopedDataSource } from '../../core/tenancy/tenant-scope';
import { defineTool } from './tool-definition';

/** More clients than an operator works with; an agency-wide Admin of a large agency sees the first ones by name. */
const MAX_CLIENTS = 200;

const input = z.strictObject({
  nameContains: z.string().max(100).optional().describe('only clients whose name contains this (case-insensitive)'),
});

/**
 * The assistant's clients: the ones its operator holds a role on (the caller's `clientRoles`, resolved by the gateway
 * from the operator's memberships), each with that role. Read in a scope of exactly those clients, so nothing else
 * can appear whatever the query; an activity sees its own client.
 */
export const clientsListTool = defineTool(
  {
    name: 'clients_list',
    title: 'List my clients',
    description:
      'Lists the clients you may work for, with their name, timezone and your role on each. Use a clientId from ' +
      'here as the clientId of the other tools.',
    class: 'read',
    takesClient: false,
  },
  input,
  async (ctx, q) => {
    const c = ctx.caller;
    const roles: Record<string, string> = c.kind === 'assistant' ? c.clientRoles : { [c.clientId]: c.role };
    const ids = Object.keys(roles);
    const scope: TenantScope = {
      actorId: c.kind === 'assistant' ? c.userId : null,
      agencyIds: [],
      clientIds: ids,
      memberAgencyIds: c.kind === 'assistant' ? c.agencyIds : [c.agencyId],
    };
    const real = realDataSource(ctx.deps.ds);
    const rows = ids.length
      ? await runInTenantScope(real, scope, () =>
          tenantScopedDataSource(real)
            .getRepository(Client)
            .find({ where: { id: In(ids) }, order: { name: 'ASC', id: 'ASC' } }),
        )
      : [];
    const needle = q.nameContains?.toLowerCase();
    const clients = rows
      .filter((r) => !needle || r.name.toLowerCase().includes(needle))
      .map((r) => ({ clientId: r.id, name: r.name, timezone: r.timezone, role: roles[r.id] }));
    return {
      result: { clients: clients.slice(0, MAX_CLIENTS), truncated: clients.length > MAX_CLIENTS },
      summary: `${Math.min(clients.length, MAX_CLIENTS)} client(s).`,
    };
  },
);
