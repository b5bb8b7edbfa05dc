import { roleAllows } from '../auth/permissions';
import { useWorkspace } from '../auth/workspace';
import { Link } from '../routing/router';
import { Empty, ErrorBox, Loading } from '../ui/feedback';
import { Page } from '../ui/page';

export function ClientsScreen() {
  const ws = useWorkspace();
  const agency = ws.agencies.find((a) => a.id === ws.agencyId);
  const mayCreate = !!ws.agencyId && roleAllows(ws.agencyRole(ws.agencyId), 'client.create');
  const clients = ws.clients?.filter((c) => c.agencyId === ws.agencyId);
  return (
    <Page
      title="Clients"
      subtitle={agency ? `Brands of ${agency.name}` : undefined}
      actions={
        mayCreate && (
          <Link to="/clients/new" className="button primary" data-mutates="client.create">
            Onboard a client
          </Link>
        )
      }
    >
      <ErrorBox error={ws.clientsError} onRetry={() => void ws.reloadClients()} />
      {!clients && !ws.clientsError && <Loading what="clients" />}
      {clients && clients.length === 0 && (
        <Empty title="No clients yet">
          {mayCreate ? (
            <p>Onboard the agency's first client brand: details, autonomy, a connected account.</p>
          ) : (
            <p>An Admin or Manager of the agency onboards clients; ask them to add you.</p>
          )}
        </Empty>
      )}
      {clients && clients.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Clients of {agency?.name}</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Timezone</th>
              <th scope="col">Your role</th>
              <th scope="col">Go to</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/c/${c.id}/calendar`}>{c.name}</Link>
                </th>
                <td>{c.timezone}</td>
                <td>{ws.clientRole(c) ?? '—'}</td>
                <td className="links">
                  <Link to={`/c/${c.id}/approvals`}>Approvals</Link> · <Link to={`/c/${c.id}/accounts`}>Accounts</Link>{' '}
                  · <Link to={`/c/${c.id}/audit`}>Audit log</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
