import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ClientsQuery } from '../api/operations';
import { useQuery } from '../api/use-query';
import type { ClientsQuery as ClientsResult } from '../gql/graphql';
import { agenciesOf, type Permission, type Role, roleAllows, roleOnAgency, roleOnClient } from './permissions';
import { useMe } from './session';

export type ClientRow = ClientsResult['clients'][number];

export interface Workspace {
  agencies: { id: string; name: string }[];
  agencyId: string | null;
  setAgencyId: (id: string) => void;
  clients: ClientRow[] | undefined;
  clientsError: unknown;
  reloadClients: () => Promise<void>;
  agencyRole: (agencyId: string) => Role | null;
  clientRole: (client: { id: string; agencyId: string }) => Role | null;
}

const WorkspaceContext = createContext<Workspace | null>(null);
const AGENCY_KEY = 'raize.agency';

/** The agencies and clients the operator has a role on, and which agency the header shows. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const agencies = useMemo(() => agenciesOf(me.memberships), [me.memberships]);
  const clients = useQuery(ClientsQuery, {});
  const stored = localStorage.getItem(AGENCY_KEY);
  const [agencyId, setAgency] = useState<string | null>(
    agencies.find((a) => a.id === stored)?.id ?? agencies[0]?.id ?? null,
  );
  const setAgencyId = useCallback((id: string) => {
    localStorage.setItem(AGENCY_KEY, id);
    setAgency(id);
  }, []);
  const value = useMemo<Workspace>(
    () => ({
      agencies,
      agencyId,
      setAgencyId,
      clients: clients.data?.clients,
      clientsError: clients.error,
      reloadClients: clients.reload,
      agencyRole: (id) => roleOnAgency(me.memberships, id),
      clientRole: (c) => roleOnClient(me.memberships, c),
    }),
    [agencies, agencyId, setAgencyId, clients.data, clients.error, clients.reload, me.memberships],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside WorkspaceProvider');
  return w;
}

export interface ClientScope {
  client: ClientRow;
  role: Role | null;
  can: (p: Permission) => boolean;
}

const ClientScopeContext = createContext<ClientScope | null>(null);

export function ClientScopeProvider({ client, children }: { client: ClientRow; children: ReactNode }) {
  const { clientRole } = useWorkspace();
  const role = clientRole(client);
  const value = useMemo<ClientScope>(() => ({ client, role, can: (p) => roleAllows(role, p) }), [client, role]);
  return <ClientScopeContext.Provider value={value}>{children}</ClientScopeContext.Provider>;
}

export function useClientScope(): ClientScope {
  const c = useContext(ClientScopeContext);
  if (!c) throw new Error('useClientScope outside a client screen');
  return c;
}
