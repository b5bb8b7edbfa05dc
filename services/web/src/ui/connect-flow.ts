import { useState } from 'react';
import {
  CancelPlatformConnectMutation,
  ConfirmPlatformConnectMutation,
  PendingPlatformConnectsQuery,
  ReconnectAccountMutation,
  StartPlatformConnectMutation,
} from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import type { PendingPlatformConnectsQuery as PendingAnswer, PlatformId } from '../gql/graphql';

export type PendingConnect = PendingAnswer['pendingPlatformConnects'][number];

/** The account a reconnect was started for: the confirmation accepts only the same platform identity (C-19). */
export interface ReconnectTarget {
  id: string;
  handle: string;
  platform: PlatformId;
}

/** What the connect dialog shows and does; one per screen, so a card's Reconnect button drives the same dialog. */
export interface ConnectFlow {
  /** the platform's authorize URL while this page waits for the operator to sign in there */
  authorizeUrl: string | null;
  /** the platform of the attempt this page started */
  platform: PlatformId | null;
  reconnecting: ReconnectTarget | null;
  /** an attempt the platform has authorized, waiting for this session's yes or no */
  waiting: PendingConnect | undefined;
  connected: string | null;
  starting: boolean;
  answering: boolean;
  error: unknown;
  start(platform: PlatformId): Promise<void>;
  reconnect(account: ReconnectTarget): Promise<void>;
  answer(yes: boolean): Promise<void>;
  stopWaiting(): void;
}

/**
 * The OAuth connect flow (C-12) as state: the API starts it and answers the platform's authorize URL, which opens
 * in a new tab of this browser (the operator signs in there; the platform sends the browser to the API's callback,
 * which checks this browser's binding cookie). Nothing is bound yet: this polls for the account the platform
 * authorized, and only the operator's answer binds it.
 */
export function useConnectFlow(clientId: string, onConnected?: (handle: string) => void): ConnectFlow {
  const startM = useMutation(StartPlatformConnectMutation);
  const reconnectM = useMutation(ReconnectAccountMutation);
  const confirmM = useMutation(ConfirmPlatformConnectMutation);
  const cancelM = useMutation(CancelPlatformConnectMutation);
  const [authorizeUrl, setAuthorizeUrl] = useState<string | null>(null);
  const [platform, setPlatform] = useState<PlatformId | null>(null);
  const [reconnecting, setReconnecting] = useState<ReconnectTarget | null>(null);
  const [connected, setConnected] = useState<string | null>(null);
  // Also asked once without a started attempt: a reload, or the callback page's link, finds one waiting.
  const pending = useQuery(PendingPlatformConnectsQuery, { clientId }, { pollMs: authorizeUrl ? 1500 : undefined });

  const opened = (url: string, id: PlatformId, target: ReconnectTarget | null) => {
    setAuthorizeUrl(url);
    setPlatform(id);
    setReconnecting(target);
  };

  return {
    authorizeUrl,
    platform,
    reconnecting,
    waiting: pending.data?.pendingPlatformConnects[0],
    connected,
    starting: startM.pending || reconnectM.pending,
    answering: confirmM.pending || cancelM.pending,
    error: startM.error ?? reconnectM.error ?? confirmM.error ?? cancelM.error,
    async start(id) {
      setConnected(null);
      reconnectM.reset();
      const r = await startM.run({ input: { clientId, platform: id } });
      if (r) opened(r.startPlatformConnect.authorizeUrl, id, null);
    },
    async reconnect(account) {
      setConnected(null);
      startM.reset();
      const r = await reconnectM.run({ accountId: account.id });
      if (r) opened(r.reconnectAccount.authorizeUrl, account.platform, account);
    },
    async answer(yes) {
      const waiting = pending.data?.pendingPlatformConnects[0];
      if (!waiting) return;
      if (yes) {
        const r = await confirmM.run({ input: { attemptId: waiting.attemptId } });
        if (r) {
          setConnected(r.confirmPlatformConnect.handle);
          onConnected?.(r.confirmPlatformConnect.handle);
        }
      } else await cancelM.run({ input: { attemptId: waiting.attemptId } });
      setAuthorizeUrl(null);
      setReconnecting(null);
      await pending.reload();
    },
    stopWaiting() {
      setAuthorizeUrl(null);
      setReconnecting(null);
    },
  };
}
