import type { GatewayToolsQuery } from '../../gql/graphql';
import { Empty } from '../../ui/feedback';

type ToolRow = GatewayToolsQuery['gatewayTools']['tools'][number];

const STATE_BADGE: Record<string, string> = {
  signed: 'badge-success',
  refused: 'badge-danger',
};

/** The registry as the gateway loads it: each tool's signed version, or why it was refused (C-37). */
export function GatewayRegistryTable({ tools }: { tools: ToolRow[] }) {
  if (!tools.length)
    return <Empty title="The registry is empty">The gateway serves no tools until bootstrap signs them.</Empty>;
  return (
    <table className="table compact" data-testid="gateway-registry">
      <thead>
        <tr>
          <th scope="col">Tool</th>
          <th scope="col">Version</th>
          <th scope="col">Kind</th>
          <th scope="col">State</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {tools.map((t) => (
          <tr key={`${t.name}@${t.version ?? '?'}:${t.state}`}>
            <th scope="row">
              <code>{t.name}</code>
              {t.title && <div className="hint">{t.title}</div>}
            </th>
            <td>{t.version ?? '—'}</td>
            <td>{t.toolClass ?? '—'}</td>
            <td>
              <span className={`badge ${STATE_BADGE[t.state] ?? 'badge-neutral'}`}>{t.state}</span>
            </td>
            <td>{t.reason ? `${t.reason}${t.detail ? `: ${t.detail}` : ''}` : (t.detail ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
