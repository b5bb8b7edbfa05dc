import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { useWorkspace } from '../../auth/workspace';
import { Link } from '../../routing/router';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { ConnectorAttentionQuery } from './connector-health.operations';
import { SeverityBadge } from './severity-badge';

const PAGE_SIZE = 25;

/** Agency-wide: every connection problem on the agency's clients that needs someone to act, most severe first. */
export function NeedsAttentionScreen() {
  const ws = useWorkspace();
  const agency = ws.agencies.find((a) => a.id === ws.agencyId);
  // The cursors of the pages before this one, so "Previous" goes back without the API keeping state.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const attention = useQuery(
    ConnectorAttentionQuery,
    { first: PAGE_SIZE, after, agencyId: ws.agencyId },
    { pollMs: 60_000, skip: !ws.agencyId },
  );
  const page = attention.data?.connectorAttention;
  return (
    <Page title="Needs attention" subtitle={agency ? `Platform connections of ${agency.name}'s clients` : undefined}>
      <ErrorBox error={attention.error} onRetry={() => void attention.reload()} />
      {!page && !attention.error && <Loading what="what needs attention" />}
      {page && page.entries.length === 0 && cursors.length === 1 && (
        <Empty title="Nothing needs attention">Every connection of the agency's clients is working.</Empty>
      )}
      {page && page.entries.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Connection problems, most severe first</caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Client</th>
              <th scope="col">Account</th>
              <th scope="col">What happened and what to do</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e) => (
              <tr key={`${e.accountId}-${e.code}`} data-account={e.accountId} data-code={e.code}>
                <td>
                  <SeverityBadge severity={e.severity} />
                </td>
                <td>
                  <Link to={`/c/${e.clientId}/connections`}>{e.clientName}</Link>
                </td>
                <td>
                  {e.handle} <span className="hint">on {e.platformName}</span>
                </td>
                <td>
                  <strong>{e.headline}</strong>
                  <span className="hint block">{e.whatToDo}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        {cursors.length > 1 && (
          <button type="button" className="button secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous
          </button>
        )}
        {page?.endCursor && (
          <button type="button" className="button secondary" onClick={() => setCursors((c) => [...c, page.endCursor!])}>
            Next
          </button>
        )}
      </div>
    </Page>
  );
}
