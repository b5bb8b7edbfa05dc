import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostCalendarQuery } from '../gql/graphql';
import { request } from './api-client';
import { PostCalendarQuery as PostCalendarDoc } from './operations';

export type CalendarPost = PostCalendarQuery['postCalendar'][number];

// The API pages the calendar at most 2000 posts (a busy client's month in one call, polled below); ten pages are
// more than a year of such a client. Past that the screen says so rather than polling ever more rows every few seconds.
const PAGE = 2000;
const MAX_PAGES = 10;

export interface CalendarPosts {
  posts: CalendarPost[] | undefined;
  /** more posts exist in the range than the screen loaded */
  capped: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

/**
 * A client's posts in the local dates [from, to) of its timezone, every page of postCalendar, polled while the tab
 * is visible so workflow progress shows without a reload.
 */
export function useCalendarPosts(clientId: string, from: string, to: string, pollMs = 4000): CalendarPosts {
  const key = `${clientId}|${from}|${to}`;
  const current = useRef(key);
  current.current = key;
  const [state, setState] = useState<{ key: string; posts: CalendarPost[]; capped: boolean }>();
  const [error, setError] = useState<unknown>();

  const run = useCallback(async () => {
    const asked = key;
    try {
      const posts: CalendarPost[] = [];
      let after: string | undefined;
      let capped = false;
      for (let page = 1; ; page++) {
        const r = await request(PostCalendarDoc, { clientId, from, to, first: PAGE, after });
        posts.push(...r.postCalendar);
        if (r.postCalendar.length < PAGE) break;
        if (page >= MAX_PAGES) {
          capped = true;
          break;
        }
        after = r.postCalendar[r.postCalendar.length - 1].cursor;
      }
      if (current.current !== asked) return;
      setState({ key: asked, posts, capped });
      setError(undefined);
    } catch (err) {
      if (current.current === asked) setError(err);
    }
  }, [key, clientId, from, to]);

  useEffect(() => {
    setError(undefined);
    void run();
  }, [run]);

  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') void run();
    }, pollMs);
    return () => window.clearInterval(id);
  }, [run, pollMs]);

  const fresh = state?.key === key ? state : undefined;
  return { posts: fresh?.posts, capped: fresh?.capped ?? false, error, reload: run };
}
