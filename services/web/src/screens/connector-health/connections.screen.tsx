import { useQuery } from '../../api/use-query';
import { useClientScope } from '../../auth/workspace';
import { Link } from '../../routing/router';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { AccountHealthCard } from './account-health-card';
import { ConnectorHealthQuery } from './connector-health.operations';

/**
 * A client's platform connections, one card each: status, token timeline, last success, meters, API version and its
 * sunset, restrictions and the last errors, in an operator's words with what to do next.
 */
export function ConnectionsScreen() {
  const { client, can } = useClientScope();
  const health = useQuery(ConnectorHealthQuery, { clientId: client.id }, { pollMs: 30_000 });
  const list = health.data?.connectorHealth;
  return (
    <Page
      title="Connections"
      subtitle={`${client.name} · how each connected platform account is doing`}
      actions={
        <Link to="/attention" className="button secondary">
          Everything that needs attention
        </Link>
      }
    >
      <ErrorBox error={health.error} onRetry={() => void health.reload()} />
      {!list && !health.error && <Loading what="connections" />}
      {list && list.length === 0 && (
        <Empty title="No accounts connected">
          <Link to={`/c/${client.id}/accounts`}>Connect one on the accounts page.</Link>
        </Empty>
      )}
      {list && list.length > 0 && (
        <ul className="cards" aria-label="Connections">
          {list.map((a) => (
            <AccountHealthCard
              key={a.accountId}
              account={a}
              clientId={client.id}
              timezone={client.timezone}
              canAct={can('account.connect')}
              onChanged={() => void health.reload()}
            />
          ))}
        </ul>
      )}
    </Page>
  );
}
