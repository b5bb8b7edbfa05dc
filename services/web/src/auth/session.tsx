import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, rememberCsrfToken, request, setUnauthenticatedHandler } from '../api/api-client';
import { SignOutMutation, WhoamiQuery } from '../api/operations';
import type { WhoamiQuery as WhoamiResult } from '../gql/graphql';

export type Me = WhoamiResult['whoami'];

export interface Session {
  status: 'loading' | 'signed-out' | 'signed-in' | 'unreachable';
  me: Me | null;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** why the operator was signed out without asking (session expired or revoked) */
  notice: string | null;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<Session['status']>('loading');
  const [notice, setNotice] = useState<string | null>(null);
  // Only a session that was working can "end": a first visit without one is simply signed out.
  const wasSignedIn = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const r = await request(WhoamiQuery, {});
      setMe(r.whoami);
      wasSignedIn.current = true;
      setStatus('signed-in');
      setNotice(null);
    } catch (err) {
      setMe(null);
      setStatus(err instanceof ApiError && err.code === 'UNAUTHENTICATED' ? 'signed-out' : 'unreachable');
    }
  }, []);

  const signOut = useCallback(async () => {
    wasSignedIn.current = false;
    try {
      await request(SignOutMutation, {});
    } catch {
      // Already gone (expired, revoked, signed out everywhere): signed out either way.
    } finally {
      rememberCsrfToken(null);
      setMe(null);
      setStatus('signed-out');
    }
  }, []);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => {
      if (!wasSignedIn.current) return;
      wasSignedIn.current = false;
      setMe(null);
      setStatus('signed-out');
      setNotice('Your session ended (it expired or was signed out elsewhere). Sign in again to continue.');
    });
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const value = useMemo(() => ({ status, me, refresh, signOut, notice }), [status, me, refresh, signOut, notice]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in operator; screens behind the sign-in gate only. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe while signed out');
  return me;
}
