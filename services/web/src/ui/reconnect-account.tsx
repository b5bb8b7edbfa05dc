import type { ConnectFlow, ReconnectTarget } from './connect-flow';

/**
 * The way back for an account whose token the platform refused (status needs_reconnect): the same OAuth flow as a
 * first connect, in the page's connect dialog; the API keeps the account and its history, and accepts only the same
 * platform identity (C-19).
 */
export function ReconnectAccount({
  account,
  platformName,
  flow,
}: {
  account: ReconnectTarget;
  platformName: string;
  flow: ConnectFlow;
}) {
  const busy = flow.starting || flow.reconnecting?.id === account.id;
  return (
    <div className="reconnect" data-testid="reconnect">
      <p className="hint">
        Posts to {account.handle} wait until it is reconnected. Sign in at {platformName} as {account.handle} itself.
      </p>
      <button
        type="button"
        className="button primary"
        onClick={() => void flow.reconnect(account)}
        disabled={busy}
        data-mutates="account.connect"
      >
        {flow.reconnecting?.id === account.id ? 'Waiting for the platform…' : 'Reconnect'}
      </button>
    </div>
  );
}
