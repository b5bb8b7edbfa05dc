import { useEffect, useRef, useState } from 'react';
import type { PlatformId } from '../gql/graphql';
import type { ConnectFlow } from './connect-flow';
import { useConnectFlow } from './connect-flow';
import { ErrorBox, Loading, Notice } from './feedback';
import { PlatformPicker } from './platform-picker';
import type { PlatformInfo } from './use-platforms';
import { usePlatforms, withArticle } from './use-platforms';

/** The connect dialog with a flow of its own (onboarding); the Accounts screen shares its flow with Reconnect. */
export function ConnectAccount({
  clientId,
  onConnected,
}: {
  clientId: string;
  onConnected?: (handle: string) => void;
}) {
  const flow = useConnectFlow(clientId, onConnected);
  return <ConnectDialog flow={flow} />;
}

/**
 * Pick a platform, start its OAuth flow (C-12), sign in there in a new tab, then answer "connect @handle to this
 * client?". The same dialog finishes a reconnect started from an account's card.
 */
export function ConnectDialog({ flow }: { flow: ConnectFlow }) {
  const platforms = usePlatforms();
  const [picked, setPicked] = useState<PlatformId | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  // A reconnect starts from a card further down the page: the link to the platform takes the focus (and the view).
  useEffect(() => {
    if (flow.authorizeUrl) link.current?.focus();
  }, [flow.authorizeUrl]);

  const name = (id: PlatformId | null | undefined): string => (id && platforms.byId.get(id)?.displayName) || id || '';
  const usable = (platforms.list ?? []).filter((p) => p.configured);
  const chosen: PlatformInfo | undefined = usable.find((p) => p.id === picked) ?? usable[0];
  const waiting = flow.waiting;

  return (
    <div className="connect">
      {flow.connected && (
        <Notice tone="success">
          Connected <strong data-testid="connected-handle">{flow.connected}</strong>. Its fingerprint is stored; every
          publish checks it.
        </Notice>
      )}
      <ErrorBox error={flow.error} />
      {waiting ? (
        <section className="connect-confirm" aria-labelledby="connect-confirm-title" data-testid="connect-confirm">
          <h3 id="connect-confirm-title">
            {flow.reconnecting ? 'Reconnect' : 'Connect'} <strong data-testid="pending-handle">{waiting.handle}</strong>{' '}
            to <strong>{waiting.clientName}</strong>?
          </h3>
          <p className="hint">
            {name(waiting.platform)} authorized this account (id <code>{waiting.externalAccountId}</code>). Check that
            it is the client's own account: Raize will publish to it for {waiting.clientName}.
            {flow.reconnecting &&
              ` Only ${flow.reconnecting.handle} itself is accepted: another account is refused and nothing changes.`}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => void flow.answer(true)}
              disabled={flow.answering}
              data-mutates="account.connect"
            >
              {flow.answering ? 'Connecting…' : `Connect ${waiting.handle}`}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => void flow.answer(false)}
              disabled={flow.answering}
              data-mutates="account.connect"
            >
              Not this account
            </button>
          </div>
        </section>
      ) : flow.authorizeUrl ? (
        <div className="connect-waiting">
          <p>
            <a
              ref={link}
              className="button primary"
              href={flow.authorizeUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="authorize-link"
            >
              Sign in at {name(flow.platform)} (opens a new tab)
            </a>
          </p>
          <p className="hint" role="status">
            <span className="spinner" aria-hidden="true" />{' '}
            {flow.reconnecting
              ? `Sign in there as ${flow.reconnecting.handle}, the account being reconnected.`
              : 'Waiting for the platform.'}{' '}
            After you authorize there, close that tab: this page then asks you to confirm the account.
          </p>
          <button type="button" className="button link" onClick={flow.stopWaiting}>
            Stop waiting
          </button>
        </div>
      ) : platforms.error ? (
        <ErrorBox error={platforms.error} onRetry={() => void platforms.reload()} />
      ) : !platforms.list ? (
        <Loading what="platforms" />
      ) : !chosen ? (
        <Notice tone="warning">
          No platform is set up on this installation yet. Whoever runs Raize registers its app on a platform first.
        </Notice>
      ) : (
        <>
          <PlatformPicker platforms={platforms.list} value={chosen.id} onChange={setPicked} />
          <button
            type="button"
            className="button primary"
            onClick={() => void flow.start(chosen.id)}
            disabled={flow.starting}
            data-mutates="account.connect"
          >
            {flow.starting
              ? 'Starting…'
              : flow.connected
                ? `Connect another ${chosen.displayName} account`
                : `Connect ${withArticle(chosen.displayName)} account`}
          </button>
        </>
      )}
    </div>
  );
}
