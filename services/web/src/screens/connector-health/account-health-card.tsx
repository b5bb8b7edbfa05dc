import { useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import type { ConnectorHealthQuery } from '../../gql/graphql';
import { formatDateTime } from '../../time/zoned-time';
import { ErrorBox, Notice } from '../../ui/feedback';
import { AccountStatusBadge } from '../../ui/status-badge';
import { RefreshConnectorStandingMutation } from './connector-health.operations';
import { QuotaMeterBar } from './quota-meter';
import { ReconnectAccount } from './reconnect-account';
import { SeverityBadge } from './severity-badge';

export type AccountHealthRow = ConnectorHealthQuery['connectorHealth'][number];

/** Signals only the account owner signing in again can fix. */
const RECONNECT_FIXES = new Set([
  'token_revoked',
  'token_expired',
  'refresh_expired',
  'reconsent_due',
  'missing_permissions',
]);

function sunsetText(a: AccountHealthRow): string {
  if (!a.apiVersion) return 'unknown';
  if (!a.apiVersionSunsetsAt || a.daysToSunset == null) return `${a.apiVersion} (no retirement date published)`;
  if (a.daysToSunset <= 0) return `${a.apiVersion}, retired on ${a.apiVersionSunsetsAt}`;
  return `${a.apiVersion}, retires on ${a.apiVersionSunsetsAt} (in ${a.daysToSunset} days)`;
}

/** One connection: what is wrong first, in words with what to do, then the facts behind it. */
export function AccountHealthCard({
  account: a,
  clientId,
  timezone,
  canAct,
  onChanged,
}: {
  account: AccountHealthRow;
  clientId: string;
  timezone: string;
  canAct: boolean;
  onChanged: () => void;
}) {
  const refresh = useMutation(RefreshConnectorStandingMutation);
  // Kept here, not in the reconnect control: once reconnected, the card has nothing left to reconnect.
  const [reconnected, setReconnected] = useState(false);
  const when = (iso: string | null | undefined, none: string) => (iso ? formatDateTime(iso, timezone) : none);
  // Only a working connection is renewed: a refused one waits for the owner to reconnect it.
  const live = a.status === 'connected' || a.status === 'read_only';
  const needsReconnect =
    a.status === 'needs_reconnect' ||
    a.status === 'quarantined' ||
    a.attention.some((i) => RECONNECT_FIXES.has(i.code));
  const check = async () => {
    await refresh.run({ accountId: a.accountId });
    // A refusal is kept on the account too: either way the card shows what the platform said.
    onChanged();
  };

  return (
    <li className="card" data-account={a.accountId} data-severity={a.worstSeverity ?? 'none'}>
      <h2>
        {a.handle} <span className="hint">on {a.platformName}</span>
      </h2>
      <p>
        <SeverityBadge severity={a.worstSeverity} /> <AccountStatusBadge status={a.status} />
      </p>
      {a.attention.length > 0 && (
        <ul className="attention" aria-label={`What needs attention on ${a.handle}`}>
          {a.attention.map((i) => (
            <li key={i.code} data-code={i.code}>
              <SeverityBadge severity={i.severity} /> <strong>{i.headline}</strong>
              <span className="hint block">{i.whatToDo}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <dt>Access token</dt>
        <dd>
          {a.tokenExpiresAt ? `ends ${when(a.tokenExpiresAt, '')}` : 'does not expire on its own'}
          {a.nextRefreshAt && live && <span className="hint block">Raize renews it {when(a.nextRefreshAt, '')}</span>}
          {a.signInAgainBy && (
            <span className="hint block" data-testid="sign-in-again-by">
              The owner must sign in again by {when(a.signInAgainBy, '')}
            </span>
          )}
          {!a.tokenRefreshable && a.tokenExpiresAt && (
            <span className="hint block">{a.platformName} does not let Raize renew it without the owner.</span>
          )}
        </dd>
        <dt>Last successful call</dt>
        <dd>{when(a.lastSuccessAt, 'none recorded yet')}</dd>
        <dt>API version</dt>
        <dd data-testid="api-version">{sunsetText(a)}</dd>
        <dt>Checked with {a.platformName}</dt>
        <dd>{when(a.standingCheckedAt, 'not yet')}</dd>
      </dl>
      {a.quotas.length > 0 && (
        <>
          <h3>Meters</h3>
          {a.quotas.map((q) => (
            <QuotaMeterBar key={q.id} meter={q} timezone={timezone} />
          ))}
        </>
      )}
      {a.restrictions.length > 0 && (
        <>
          <h3>Restrictions</h3>
          <ul>
            {a.restrictions.map((r) => (
              <li key={r.code} data-restriction={r.code}>
                {r.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {a.missing.length > 0 && (
        <>
          <h3>Missing permissions</h3>
          <ul>
            {a.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {a.recentErrors.length > 0 && (
        <>
          <h3>Last errors</h3>
          <ol className="recent-errors">
            {a.recentErrors.map((e) => (
              <li key={`${e.at}-${e.message}`}>
                <span className="hint">{when(e.at, '')}</span> {e.message}
                <span className="hint block">{e.whatToDo}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {reconnected && <Notice tone="success">Reconnected {a.handle}. Posts that waited for it go out again.</Notice>}
      {canAct && (
        <div className="actions">
          <ErrorBox error={refresh.error} />
          <button
            type="button"
            className="button secondary"
            onClick={() => void check()}
            disabled={refresh.pending}
            data-mutates="account.connect"
          >
            {refresh.pending ? 'Checking…' : `Check with ${a.platformName} now`}
          </button>
          {needsReconnect && (
            <ReconnectAccount
              clientId={clientId}
              accountId={a.accountId}
              handle={a.handle}
              platformName={a.platformName}
              onReconnected={() => {
                setReconnected(true);
                onChanged();
              }}
            />
          )}
        </div>
      )}
    </li>
  );
}
