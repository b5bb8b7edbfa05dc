import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { request } from './api-client';

export interface QueryState<R> {
  data: R | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Runs a query when its variables change and, with `pollMs`, again on that interval while the tab is
 * visible, so a workflow's new status shows without a reload. Data of the last answer stays on screen
 * while the next one loads.
 */
export function useQuery<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  opts: { pollMs?: number; skip?: boolean } = {},
): QueryState<R> {
  const [data, setData] = useState<R>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(!opts.skip);
  const key = JSON.stringify(variables ?? null);
  const current = useRef(key);
  current.current = key;

  const run = useCallback(async () => {
    if (opts.skip) return;
    const asked = key;
    setLoading(true);
    try {
      const r = await request(doc, JSON.parse(asked) as V);
      if (current.current !== asked) return;
      setData(r);
      setError(undefined);
    } catch (err) {
      if (current.current === asked) setError(err);
    } finally {
      if (current.current === asked) setLoading(false);
    }
  }, [doc, key, opts.skip]);

  useEffect(() => {
    setData(undefined);
    setError(undefined);
    void run();
  }, [run]);

  useEffect(() => {
    if (!opts.pollMs || opts.skip) return;
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') void run();
    }, opts.pollMs);
    return () => window.clearInterval(id);
  }, [run, opts.pollMs, opts.skip]);

  return { data, error, loading, reload: run };
}
