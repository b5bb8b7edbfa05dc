import { useEffect, useRef, useState } from 'react';
import { PlatformAccountsQuery, StartPlatformConnectMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { ErrorBox, Notice } from './feedback';

/**
 * The OAuth connect flow: the API starts it and answers the platform's authorize URL, which opens in a new
 * tab (the operator signs in there; the platform sends the browser to the API's callback). This screen
 * polls the client's accounts and shows the new one as soon as the callback has stored it.
 */
export function ConnectAccount({
  clientId,
  onConnected,
}: {
  clientId: string;
  onConnected?: (handle: string) => void;
}) {
  const start = useMutation(StartPlatformConnectMutation);
  const [authorizeUrl, setAuthorizeUrl] = useState<string | null>(null);
  const accounts = useQuery(PlatformAccountsQuery, { clientId }, { pollMs: authorizeUrl ? 1500 : undefined });
  const known = useRef<Set<string> | null>(null);
  const [connected, setConnected] = useState<string | null>(null);

  useEffect(() => {
    const list = accounts.data?.platformAccounts;
    if (!list) return;
    if (!known.current) {
      known.current = new Set(list.map((a) => a.id));
      return;
    }
    const fresh = list.find((a) => !known.current!.has(a.id));
    if (fresh && authorizeUrl) {
      known.current.add(fresh.id);
      setConnected(fresh.handle);
      setAuthorizeUrl(null);
      onConnected?.(fresh.handle);
    }
  }, [accounts.data, authorizeUrl, onConnected]);

  const begin = async () => {
    setConnected(null);
    const r = await start.run({ input: { clientId, platform: 'sandbox' } });
    if (r) setAuthorizeUrl(r.startPlatformConnect.authorizeUrl);
  };

  return (
    <div className="connect">
      {connected && (
        <Notice tone="success">
          Connected <strong data-testid="connected-handle">{connected}</strong>. Its fingerprint is stored; every
          publish checks it.
        </Notice>
      )}
      <ErrorBox error={start.error} />
      {!authorizeUrl ? (
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
            that tab: this page updates by itself.
          </p>
          <button type="button" className="button link" onClick={() => setAuthorizeUrl(null)}>
            Stop waiting
          </button>
        </div>
      )}
    </div>
  );
}
