import { useAccounts } from '../api/client-data';
import { QueueSlotsQuery } from '../api/operations';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import type { PlatformId } from '../gql/graphql';
import { formatDateTime } from '../time/zoned-time';
import { statusReasonText } from '../ui/account-status-reason';
import { ConnectDialog } from '../ui/connect-account';
import { useConnectFlow } from '../ui/connect-flow';
import { Empty, ErrorBox, Loading } from '../ui/feedback';
import { KillSwitchControl, useKillSwitches } from '../ui/kill-switch';
import { Page } from '../ui/page';
import { QueueSlots } from '../ui/queue-slots';
import { ReconnectAccount } from '../ui/reconnect-account';
import { AccountStatusBadge } from '../ui/status-badge';
import { usePlatforms } from '../ui/use-platforms';
import { BrowserProfileSection } from './browser-profiles/browser-profile-section';
import './browser-profiles/browser-profiles.css';

/**
 * Connected platform accounts: platform and status (with a Reconnect for those whose token the platform refused), the
 * fingerprint every publish checks, each account's kill switch, its queue slots (the posting times imports and
 * plans fill), and its browser profile and lane (issue #17).
 */
export function AccountsScreen() {
  const { client, can } = useClientScope();
  const accounts = useAccounts(client.id, 5000);
  const switches = useKillSwitches(client.id);
  const slots = useQuery(QueueSlotsQuery, { clientId: client.id });
  const platforms = usePlatforms();
  const flow = useConnectFlow(client.id, () => void accounts.reload());
  const list = accounts.data?.platformAccounts;
  const platformName = (id: PlatformId): string => platforms.byId.get(id)?.displayName ?? id;
  return (
    <Page title="Accounts" subtitle={`${client.name} · platform accounts Raize may publish to`}>
      {can('account.connect') && <ConnectDialog flow={flow} />}
      <ErrorBox error={accounts.error} onRetry={() => void accounts.reload()} />
      {!list && !accounts.error && <Loading what="accounts" />}
      {list && list.length === 0 && (
        <Empty title="No accounts connected">
          {can('account.connect') ? 'Connect one above.' : 'An Admin or Manager connects accounts.'}
        </Empty>
      )}
      {list && list.length > 0 && (
        <ul className="cards">
          {list.map((a) => (
            <li key={a.id} className="card" data-account={a.id} data-platform={a.platform}>
              <h2>
                {a.handle}{' '}
                <span className="hint" data-testid="account-platform">
                  on {platformName(a.platform)}, {a.lane} lane
                </span>
              </h2>
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  <AccountStatusBadge status={a.status} />{' '}
                  {a.statusReason && (
                    <span className="hint" data-testid="status-reason">
                      {statusReasonText(a.statusReason, platformName(a.platform))}
                    </span>
                  )}
                  {a.status === 'needs_reconnect' && can('account.connect') && (
                    <ReconnectAccount account={a} platformName={platformName(a.platform)} flow={flow} />
                  )}
                </dd>
                <dt>Fingerprint</dt>
                <dd>
                  <code className="fingerprint" data-testid="fingerprint">
                    {a.fingerprint}
                  </code>
                  <span className="hint block">
                    The identity the platform reported at connect time; a publish to any other identity is refused.
                  </span>
                </dd>
                <dt>Connected</dt>
                <dd>{formatDateTime(a.connectedAt, client.timezone)}</dd>
                <dt>Platform account id</dt>
                <dd>
                  <code>{a.externalAccountId}</code>
                </dd>
              </dl>
              <QueueSlots
                accountId={a.id}
                handle={a.handle}
                slots={(slots.data?.queueSlots ?? []).filter((s) => s.platformAccountId === a.id)}
                onChanged={slots.reload}
              />
              <h3>Kill switch</h3>
              <KillSwitchControl
                scope="account"
                scopeId={a.id}
                name={a.handle}
                row={switches.find('account', a.id)}
                canFlip={can('killswitch.set')}
                whyNot="An Admin or Manager can flip this switch."
                onChanged={async () => {
                  await switches.reload();
                }}
              />
              <BrowserProfileSection account={a} onLaneChanged={() => void accounts.reload()} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
