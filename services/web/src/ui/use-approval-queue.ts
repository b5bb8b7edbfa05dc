import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../api/api-client';
import { ApprovalQueueQuery as ApprovalQueueDoc } from '../api/operations';
import type { ApprovalQueueQuery } from '../gql/graphql';

export type QueuedPost = ApprovalQueueQuery['approvalQueue'][number];

/** Posts per page: the API's default; the query's cost (C-10) does not grow with it. */
export const APPROVAL_PAGE = 50;

export interface ApprovalQueue {
  /** the loaded pages, soonest first; undefined until the first page of this client has answered */
  posts: QueuedPost[] | undefined;
  /** the last page read was full, so the API may hold more: the API says a short page is the last */
  more: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => Promise<void>;
}

interface Loaded {
  clientId: string;
  pages: number;
  posts: QueuedPost[];
  more: boolean;
}

/**
 * The approvals queue page by page: the first page on load, one more per `loadMore`. Every refresh (poll, after a
 * decision) reads the pages shown again from the start, so a post decided elsewhere leaves the list and one
 * scheduled sooner enters it in its place rather than the list drifting from the queue.
 */
export function useApprovalQueue(clientId: string, pollMs = 3000): ApprovalQueue {
  const [wanted, setWanted] = useState({ clientId, pages: 1 });
  const pages = wanted.clientId === clientId ? wanted.pages : 1;
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  // Only the newest read may land: an older poll finishing late would bring back a post just approved.
  const latest = useRef(0);
  const inFlight = useRef(false);

  const read = useCallback(async () => {
    const mine = ++latest.current;
    inFlight.current = true;
    try {
      const posts: QueuedPost[] = [];
      let after: string | undefined;
      let more = false;
      for (let page = 0; page < pages; page++) {
        const r = await request(ApprovalQueueDoc, { clientId, first: APPROVAL_PAGE, after });
        posts.push(...r.approvalQueue);
        more = r.approvalQueue.length === APPROVAL_PAGE;
        if (!more) break;
        after = r.approvalQueue[r.approvalQueue.length - 1].cursor;
      }
      if (latest.current !== mine) return;
      setLoaded({ clientId, pages, posts: uniqueById(posts), more });
      setError(undefined);
    } catch (err) {
      if (latest.current === mine) setError(err);
    } finally {
      if (latest.current === mine) inFlight.current = false;
    }
  }, [clientId, pages]);

  useEffect(() => {
    setError(undefined);
    void read();
  }, [read]);

  useEffect(() => {
    const id = window.setInterval(() => {
      // A slow read is not started over every tick: with many pages that would never let one finish.
      if (document.visibilityState === 'visible' && !inFlight.current) void read();
    }, pollMs);
    return () => window.clearInterval(id);
  }, [read, pollMs]);

  const fresh = loaded?.clientId === clientId ? loaded : undefined;
  const loadMore = useCallback(() => setWanted({ clientId, pages: pages + 1 }), [clientId, pages]);
  return {
    posts: fresh?.posts,
    more: fresh?.more ?? false,
    loadingMore: fresh !== undefined && fresh.pages < pages,
    error,
    loadMore,
    reload: read,
  };
}

// A post rescheduled between two page reads can be met twice; the list is keyed by id.
function uniqueById(posts: QueuedPost[]): QueuedPost[] {
  const seen = new Set<string>();
  return posts.filter((p) => !seen.has(p.id) && (seen.add(p.id), true));
}
