import { useState } from 'react';
import {
  CancelPlatformConnectMutation,
  ConfirmPlatformConnectMutation,
  PendingPlatformConnectsQuery,
} from '../../api/operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import { ErrorBox } from '../../ui/feedback';
import { HealthReconnectAccountMutation } from './connector-health.operations';

/**
 * Reconnects an account the platform stopped accepting: the same OAuth flow as connecting (C-12), started for this
 * account, so confirming it keeps the account and its history and accepts only the same platform identity (C-19).
 * Nothing changes until the operator confirms the account the platform authorized.
 */
export function ReconnectAccount({
  clientId,
  accountId,
  handle,
  platformName,
  onReconnected,
}: {
  clientId: string;
  accountId: string;
  handle: string;
  platformName: string;
  onReconnected: () => void;
}) {
  const start = useMutation(HealthReconnectAccountMutation);
  const confirm = useMutation(ConfirmPlatformConnectMutation);
  const cancel = useMutation(CancelPlatformConnectMutation);
  const [started, setStarted] = useState<{ authorizeUrl: string; attemptId: string } | null>(null);
  const pending = useQuery(PendingPlatformConnectsQuery, { clientId }, { skip: !started, pollMs: 1500 });
  const waiting = pending.data?.pendingPlatformConnects.find((p) => p.attemptId === started?.attemptId);

  const begin = async () => {
    const r = await start.run({ accountId });
    if (r) setStarted(r.reconnectAccount);
  };
  const answer = async (yes: boolean) => {
    if (!waiting) return;
    const ok = yes
      ? await confirm.run({ input: { attemptId: waiting.attemptId } })
      : await cancel.run({ input: { attemptId: waiting.attemptId } });
    setStarted(null);
    if (yes && ok) onReconnected();
  };

  return (
    <div className="connect" data-testid="reconnect">
      <ErrorBox error={start.error ?? confirm.error ?? cancel.error} />
      {!started && (
        <button
          type="button"
          className="button primary"
          onClick={() => void begin()}
          disabled={start.pending}
          data-mutates="account.connect"
        >
          {start.pending ? 'Starting…' : `Reconnect ${handle}`}
        </button>
      )}
      {started && !waiting && (
        <p>
          <a
            className="button primary"
            href={started.authorizeUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="authorize-link"
          >
            Sign in at {platformName} as {handle} (opens a new tab)
          </a>{' '}
          <button type="button" className="button link" onClick={() => setStarted(null)}>
            Stop
          </button>
        </p>
      )}
      {waiting && (
        <div className="actions" role="group" aria-label={`Reconnect ${handle}`}>
          <p>
            {platformName} authorized <strong>{waiting.handle}</strong>. Reconnect it?
          </p>
          <button
            type="button"
            className="button primary"
            onClick={() => void answer(true)}
            disabled={confirm.pending || cancel.pending}
            data-mutates="account.connect"
          >
            Reconnect {waiting.handle}
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
      )}
    </div>
  );
}
