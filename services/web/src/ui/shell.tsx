import { type ReactNode, useId } from 'react';
import { useSession } from '../auth/session';
import { useWorkspace } from '../auth/workspace';
import { Link, navigate, useLocation } from '../routing/router';
import { maySeeDiagnostics } from '../screens/diagnostics/may-see-diagnostics';

const CLIENT_NAV: { path: string; label: string }[] = [
  { path: 'calendar', label: 'Calendar' },
  { path: 'approvals', label: 'Approvals' },
  { path: 'client-review', label: 'Client review' },
  { path: 'plans', label: 'Plans' },
  { path: 'review', label: 'Review queue' },
  { path: 'inbox', label: 'Inbox' },
  { path: 'import', label: 'Import' },
  { path: 'accounts', label: 'Accounts and queue slots' },
  { path: 'connections', label: 'Connections' },
  { path: 'kill-switches', label: 'Kill switches' },
  { path: 'audit', label: 'Audit log' },
  { path: 'policy', label: 'Policy and autonomy' },
  { path: 'brand', label: 'Brand kit and knowledge' },
  { path: 'ai-providers', label: 'AI providers' },
  { path: 'webhooks', label: 'Webhooks' },
  { path: 'reports', label: 'Reports' },
];

/** Header (agency and client switchers, the operator), the client's navigation, and the main landmark. */
export function Shell({ clientId, children }: { clientId: string | null; children: ReactNode }) {
  const { me, signOut } = useSession();
  const ws = useWorkspace();
  const { path } = useLocation();
  const agencyField = useId();
  const clientField = useId();
  const client = clientId ? ws.clients?.find((c) => c.id === clientId) : undefined;
  const agencyId = client?.agencyId ?? ws.agencyId;
  const agencyClients = (ws.clients ?? []).filter((c) => c.agencyId === agencyId);
  const section = clientId ? (path.split('/')[3] ?? 'calendar') : null;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/clients" className="brand">
          Raize
        </Link>
        <div className="switchers">
          {ws.agencies.length > 0 && (
            <div className="switcher">
              <label htmlFor={agencyField}>Agency</label>
              <select
                id={agencyField}
                value={agencyId ?? ''}
                onChange={(e) => {
                  ws.setAgencyId(e.target.value);
                  navigate('/clients');
                }}
              >
                {ws.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="switcher">
            <label htmlFor={clientField}>Client</label>
            <select
              id={clientField}
              value={clientId ?? ''}
              onChange={(e) => navigate(e.target.value ? `/c/${e.target.value}/${section ?? 'calendar'}` : '/clients')}
            >
              <option value="">All clients</option>
              {agencyClients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="user">
          <Link to="/settings" className="user-name" aria-current={path === '/settings' ? 'page' : undefined}>
            {me?.displayName}
          </Link>
          <button type="button" className="button secondary small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <div className="body">
        <nav className="sidenav" aria-label="Main">
          <ul>
            <li>
              <Link to="/clients" aria-current={path === '/clients' ? 'page' : undefined}>
                Clients
              </Link>
            </li>
            <li>
              <Link to="/attention" aria-current={path === '/attention' ? 'page' : undefined}>
                Needs attention
              </Link>
            </li>
            {me && maySeeDiagnostics(me) && (
              <li>
                <Link to="/diagnostics" aria-current={path === '/diagnostics' ? 'page' : undefined}>
                  Diagnostics
                </Link>
              </li>
            )}
            <li>
              <Link to="/gateway" aria-current={path === '/gateway' ? 'page' : undefined}>
                Tool gateway
              </Link>
            </li>
          </ul>
          {clientId && (
            <>
              <p className="nav-heading">{client?.name ?? 'Client'}</p>
              <ul>
                {CLIENT_NAV.map((n) => (
                  <li key={n.path}>
                    <Link to={`/c/${clientId}/${n.path}`} aria-current={section === n.path ? 'page' : undefined}>
                      {n.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <ul>
            <li>
              <Link to="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
                Your settings
              </Link>
            </li>
          </ul>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
