import { useState } from 'react';
import {
  CancelPlatformConnectMutation,
  ConfirmPlatformConnectMutation,
  PendingPlatformConnectsQuery,
  StartPlatformConnectMutation,
} from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { ErrorBox, Notice } from './feedback';

/**
 * The OAuth connect flow (C-12): the API starts it and answers the platform's authorize URL, which opens in a
 * new tab of this browser (the operator signs in there; the platform sends the browser to the API's callback,
 * which checks this browser's binding cookie). Nothing is bound yet: this screen polls for the account the
 * platform authorized and asks "connect @handle to this client?"; only the operator's answer binds it.
 */
export function ConnectAccount({
  clientId,
  onConnected,
}: {
  clientId: string;
  onConnected?: (handle: string) => void;
}) {
  const start = useMutation(StartPlatformConnectMutation);
  const confirm = useMutation(ConfirmPlatformConnectMutation);
  const cancel = useMutation(CancelPlatformConnectMutation);
  const [authorizeUrl, setAuthorizeUrl] = useState<string | null>(null);
  // Also asked once without a started attempt: a reload, or the callback page's link, finds one waiting.
  const pending = useQuery(PendingPlatformConnectsQuery, { clientId }, { pollMs: authorizeUrl ? 1500 : undefined });
  const [connected, setConnected] = useState<string | null>(null);
  const waiting = pending.data?.pendingPlatformConnects[0];

  const begin = async () => {
    setConnected(null);
    const r = await start.run({ input: { clientId, platform: 'sandbox' } });
    if (r) setAuthorizeUrl(r.startPlatformConnect.authorizeUrl);
  };

  const answer = async (yes: boolean) => {
    if (!waiting) return;
    if (yes) {
      const r = await confirm.run({ input: { attemptId: waiting.attemptId } });
      if (r) {
        setConnected(r.confirmPlatformConnect.handle);
        onConnected?.(r.confirmPlatformConnect.handle);
      }
    } else await cancel.run({ input: { attemptId: waiting.attemptId } });
    setAuthorizeUrl(null);
    await pending.reload();
  };

  return (
    <div className="connect">
      {connected && (
        <Notice tone="success">
          Connected <strong data-testid="connected-handle">{connected}</strong>. Its fingerprint is stored; every
          publish checks it.
        </Notice>
      )}
      <ErrorBox error={start.error ?? confirm.error ?? cancel.error} />
      {waiting ? (
        <section className="connect-confirm" aria-labelledby="connect-confirm-title" data-testid="connect-confirm">
          <h3 id="connect-confirm-title">
            Connect <strong data-testid="pending-handle">{waiting.handle}</strong> to{' '}
            <strong>{waiting.clientName}</strong>?
          </h3>
          <p className="hint">
            The platform authorized this account ({waiting.platform} id <code>{waiting.externalAccountId}</code>). Check
            that it is the client's own account: Raize will publish to it for {waiting.clientName}.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => void answer(true)}
              disabled={confirm.pending || cancel.pending}
              data-mutates="account.connect"
            >
              {confirm.pending ? 'Connecting…' : `Connect ${waiting.handle}`}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => void answer(false)}
              disabled={confirm.pending || cancel.pending}
              data-mutates="account.connect"
            >
              Not this account
            </button>
          </div>
        </section>
      ) : !authorizeUrl ? (
        <button
          type="button"
          className="button primary"
          onClick={() => void begin()}
          disabled={start.pending}
          data-mutates="account.connect"
        >
          {start.pending ? 'Starting…' : connected ? 'Connect another sandbox account' : 'Connect a sandbox account'}
        </button>
      ) : (
        <div className="connect-waiting">
          <p>
            <a
              className="button primary"
              href={authorizeUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="authorize-link"
            >
              Sign in at the Sandbox platform (opens a new tab)
            </a>
          </p>
          <p className="hint" role="status">
            <span className="spinner" aria-hidden="true" /> Waiting for the platform. After you authorize there, close
            that tab: this page then asks you to confirm the account.
          </p>
          <button type="button" className="button link" onClick={() => setAuthorizeUrl(null)}>
            Stop waiting
          </button>
        </div>
      )}
    </div>
  );
}
