import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { request } from '../../api/api-client';
import { InboxQuery } from '../../api/inbox-operations';
import { useQuery } from '../../api/use-query';
import type { InboxQuery as InboxAnswer, InboxQueryVariables } from '../../gql/graphql';

export type ConversationRow = InboxAnswer['inbox']['items'][number];
export type InboxFilters = Omit<InboxQueryVariables, 'clientId' | 'first' | 'after'>;

const PAGE = 25;
const POLL_MS = 4000;

/** Newest activity first, as the API orders them (last_message_at DESC, id DESC). */
const olderThan = (a: ConversationRow, b: ConversationRow) =>
  a.lastMessageAt < b.lastMessageAt || (a.lastMessageAt === b.lastMessageAt && a.id < b.id);

/**
 * The inbox's pages: the first one is polled, so new conversations and changes show without a reload; "Load more"
 * appends the next ones by cursor. Where the polled head reaches, it is the truth (a conversation that left the
 * filter goes); below it, the loaded pages stay as read, and a row pushed down out of the head by newer ones moves
 * into them rather than vanishing between the two.
 */
export function useInboxPages(clientId: string, filters: InboxFilters) {
  const vars = { clientId, first: PAGE, ...filters };
  const head = useQuery(InboxQuery, vars, { pollMs: POLL_MS });
  const [tail, setTail] = useState<{ items: ConversationRow[]; cursor: string | null } | null>(null);
  const [more, setMore] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: undefined });
  const key = JSON.stringify(vars);
  const keyNow = useRef(key);
  keyNow.current = key;
  const previousHead = useRef<ConversationRow[]>([]);

  useEffect(() => {
    setTail(null);
    setMore({ pending: false, error: undefined });
    previousHead.current = [];
  }, [key]);

  const headItems = head.data?.inbox.items;
  useEffect(() => {
    if (!headItems) return;
    const before = previousHead.current;
    previousHead.current = headItems;
    const boundary = headItems[headItems.length - 1];
    const ids = new Set(headItems.map((i) => i.id));
    const fell = before.filter((i) => !ids.has(i.id) && boundary && olderThan(i, boundary));
    if (fell.length)
      setTail((t) => t && { ...t, items: [...fell, ...t.items.filter((i) => !fell.some((f) => f.id === i.id))] });
  }, [headItems]);

  const items = useMemo(() => {
    if (!headItems) return undefined;
    if (!tail) return headItems;
    const boundary = headItems[headItems.length - 1];
    const ids = new Set(headItems.map((i) => i.id));
    const below = tail.items.filter((i) => !ids.has(i.id) && (!boundary || olderThan(i, boundary)));
    return [...headItems, ...below.sort((a, b) => (olderThan(a, b) ? 1 : -1))];
  }, [headItems, tail]);

  const cursor = tail ? tail.cursor : (head.data?.inbox.endCursor ?? null);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const asked = keyNow.current;
    setMore({ pending: true, error: undefined });
    try {
      const r = await request(InboxQuery, { ...(JSON.parse(asked) as InboxQueryVariables), after: cursor });
      if (keyNow.current !== asked) return;
      setTail((t) => ({ items: [...(t?.items ?? []), ...r.inbox.items], cursor: r.inbox.endCursor }));
      setMore({ pending: false, error: undefined });
    } catch (err) {
      if (keyNow.current === asked) setMore({ pending: false, error: err });
    }
  }, [cursor]);

  /** A conversation as a mutation answered it: its row changes now, not at the next poll. */
  const { reload } = head;
  const patch = useCallback(
    (row: ConversationRow) => {
      setTail((t) => t && { ...t, items: t.items.map((i) => (i.id === row.id ? row : i)) });
      void reload();
    },
    [reload],
  );

  return { items, error: head.error, reload, hasMore: !!cursor, loadMore, more, patch };
}
