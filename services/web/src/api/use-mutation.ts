import { useCallback, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { request } from './api-client';

export interface MutationState<R, V> {
  run: (variables: V) => Promise<R | undefined>;
  pending: boolean;
  error: unknown;
  reset: () => void;
}

/**
 * A mutation that is never optimistic: the screen changes only after the API has answered, and an
 * error is kept for the screen to show in words.
 */
export function useMutation<R, V>(doc: TypedDocumentString<R, V>): MutationState<R, V> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (variables: V) => {
      setPending(true);
      setError(undefined);
      try {
        return await request(doc, variables);
      } catch (err) {
        setError(err);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [doc],
  );
  return { run, pending, error, reset: useCallback(() => setError(undefined), []) };
}
