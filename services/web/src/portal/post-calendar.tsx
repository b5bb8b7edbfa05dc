import { type ReactNode, useEffect, useRef, useState } from 'react';
import { addDays, addMonths, dayKeyOf, formatDay, formatTime, parseDayKey, startOfWeek } from '../time/zoned-time';
import type { PortalPost } from './portal-api';
import { platformName } from './portal-format';
import { shownState, StateBadge } from './post-card';

/**
 * The posts on a month calendar, on the client's clock (the posts' own timezone); choosing one shows it in full
 * below, with its actions. Starts at the month of the first post waiting for the reviewer.
 */
export function PostCalendar({ posts, renderPost }: { posts: PortalPost[]; renderPost: (p: PortalPost) => ReactNode }) {
  const tz = posts[0]?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const first = posts.find((p) => shownState(p) === 'waiting_client') ?? posts[0];
  const [month, setMonth] = useState(() =>
    first
      ? `${dayKeyOf(new Date(first.scheduledAt), tz).slice(0, 7)}-01`
      : `${dayKeyOf(new Date(), tz).slice(0, 7)}-01`,
  );
  const [selected, setSelected] = useState<string | null>(null);
  const detail = useRef<HTMLDivElement>(null);
  const today = dayKeyOf(new Date(), tz);
  const days = monthDays(month);
  const title = formatDay(month, { month: 'long', year: 'numeric' });

  const byDay = new Map<string, PortalPost[]>();
  for (const p of posts) {
    const k = dayKeyOf(new Date(p.scheduledAt), tz);
    byDay.set(k, [...(byDay.get(k) ?? []), p]);
  }
  const inMonth = days.some((d) => byDay.has(d) && d.slice(0, 7) === month.slice(0, 7));
  const chosen = posts.find((p) => p.id === selected);

  useEffect(() => {
    // The chosen post's heading takes the focus, so a keyboard or screen reader user lands on what they picked.
    if (selected) detail.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [selected]);

  return (
    <section aria-labelledby="calendar-heading" data-testid="portal-calendar">
      <div className="toolbar">
        <div className="button-group" role="group" aria-label="Month">
          <button type="button" className="button secondary" onClick={() => setMonth(addMonths(month, -1))}>
            Previous month
          </button>
          <button type="button" className="button secondary" onClick={() => setMonth(addMonths(month, 1))}>
            Next month
          </button>
        </div>
        <h2 id="calendar-heading" className="toolbar-title" aria-live="polite">
          {title}
        </h2>
        <p className="hint">Times in {tz}</p>
      </div>
      {!inMonth && <p className="hint">No posts this month.</p>}
      <ol className="calendar month" aria-label={title}>
        {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
          <li key={d} className="weekday-head" aria-hidden="true">
            {d}
          </li>
        ))}
        {days.map((day) => {
          const list = (byDay.get(day) ?? []).sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
          const outside = parseDayKey(day).month !== parseDayKey(month).month;
          const cls = ['day', day === today ? 'today' : '', day < today ? 'past' : '', outside ? 'outside' : ''];
          return (
            <li key={day} className={cls.join(' ')} data-day={day} aria-current={day === today ? 'date' : undefined}>
              <h3 className="day-head">
                <span className="weekday">{formatDay(day, { weekday: 'short' })}</span>{' '}
                {formatDay(day, { day: 'numeric', month: 'short' })}
              </h3>
              {list.length > 0 && (
                <ul className="day-posts">
                  {list.map((p) => (
                    <li key={p.id}>
                      <button
                        type="button"
                        className={`chip portal-chip portal-chip-${shownState(p)}`}
                        aria-pressed={selected === p.id}
                        data-post={p.id}
                        onClick={() => setSelected(selected === p.id ? null : p.id)}
                      >
                        <span className="chip-time">{formatTime(new Date(p.scheduledAt), tz)}</span>
                        <span>{platformName(p.platform)}</span>
                        <StateBadge state={shownState(p)} />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <div ref={detail} className="portal-calendar-detail">
        {chosen ? renderPost(chosen) : <p className="hint">Choose a post on the calendar to see it and decide.</p>}
      </div>
    </section>
  );
}

function monthDays(first: string): string[] {
  const start = startOfWeek(first);
  const next = addMonths(first, 1);
  const days: string[] = [];
  for (let d = start; d < next || days.length % 7 !== 0; d = addDays(d, 1)) days.push(d);
  return days;
}
