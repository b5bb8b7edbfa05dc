import { type DragEvent, useState } from 'react';
import { excerpt, useAssetTexts } from '../api/client-data';
import { ReschedulePostMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useClientScope } from '../auth/workspace';
import { type CalendarPost, useCalendarPosts } from '../api/use-calendar-posts';
import { Link, navigate, useLocation } from '../routing/router';
import {
  addDays,
  addMonths,
  dayKeyOf,
  formatDateTime,
  formatDay,
  formatTime,
  moveToDay,
  parseDayKey,
  startOfWeek,
} from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';
import { StatusBadge, statusLabel } from '../ui/status-badge';

/**
 * Week and month views on the client's clock; drag a post to another day to reschedule it (a signal). Only the shown
 * range is read (postCalendar, every page), so a client with thousands of posts answers as fast as one with ten.
 */
export function CalendarScreen() {
  const { client, can } = useClientScope();
  const tz = client.timezone;
  const { query } = useLocation();
  const view = query.get('view') === 'month' ? 'month' : 'week';
  const today = dayKeyOf(new Date(), tz);
  const focus = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date')! : today;
  const assets = useAssetTexts(client.id, 15000);
  const reschedule = useMutation(ReschedulePostMutation);
  const [moved, setMoved] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const mayMove = can('post.schedule');

  const base = `/c/${client.id}/calendar`;
  const link = (v: string, d: string) => `${base}?view=${v}&date=${d}`;
  const days = view === 'week' ? range(startOfWeek(focus), 7) : monthDays(focus);
  const posts = useCalendarPosts(client.id, days[0], addDays(days[days.length - 1], 1));
  const step = (n: number) => navigate(link(view, view === 'week' ? addDays(focus, 7 * n) : addMonths(focus, n)));

  const byDay = new Map<string, CalendarPost[]>();
  for (const p of posts.posts ?? []) {
    const k = dayKeyOf(new Date(p.scheduledAt), tz);
    byDay.set(k, [...(byDay.get(k) ?? []), p]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));

  const drop = async (e: DragEvent, day: string) => {
    e.preventDefault();
    setDropTarget(null);
    const id = e.dataTransfer.getData('application/x-raize-post');
    const post = posts.posts?.find((p) => p.id === id);
    if (!post) return;
    setMoved(null);
    setRefused(null);
    const target = moveToDay(new Date(post.scheduledAt), day, tz);
    if (dayKeyOf(new Date(post.scheduledAt), tz) === day) return;
    if (target.getTime() <= Date.now()) {
      setRefused(
        `Not moved: ${formatDateTime(target, tz)} is in the past. Drop it on a later day, or open the post to pick a time.`,
      );
      return;
    }
    const r = await reschedule.run({ input: { postId: post.id, scheduledAt: target.toISOString() } });
    if (r) {
      setMoved(
        `Rescheduled to ${formatDateTime(target, tz)}. The workflow confirms it below once it has taken the signal.`,
      );
      await posts.reload();
    }
  };

  const title =
    view === 'week'
      ? `Week of ${formatDay(days[0], { day: 'numeric', month: 'long', year: 'numeric' })}`
      : formatDay(focus, { month: 'long', year: 'numeric' });
  const visible = days.some((d) => byDay.has(d));

  return (
    <Page
      title="Calendar"
      subtitle={<>Times in {tz} (the client's timezone)</>}
      actions={
        can('post.schedule') && (
          <Link to={`/c/${client.id}/compose`} className="button primary" data-mutates="post.schedule">
            New post
          </Link>
        )
      }
    >
      <div className="toolbar">
        <div className="button-group" role="group" aria-label="Move in time">
          <button type="button" className="button secondary" onClick={() => step(-1)}>
            Previous {view}
          </button>
          <button type="button" className="button secondary" onClick={() => navigate(link(view, today))}>
            Today
          </button>
          <button type="button" className="button secondary" onClick={() => step(1)}>
            Next {view}
          </button>
        </div>
        <h2 className="toolbar-title" aria-live="polite">
          {title}
        </h2>
        <div className="button-group" role="group" aria-label="View">
          <button
            type="button"
            className="button secondary"
            aria-pressed={view === 'week'}
            onClick={() => navigate(link('week', focus))}
          >
            Week
          </button>
          <button
            type="button"
            className="button secondary"
            aria-pressed={view === 'month'}
            onClick={() => navigate(link('month', focus))}
          >
            Month
          </button>
        </div>
      </div>
      {mayMove && (
        <p className="hint">Drag a post to another day to move it, keeping its time; open a post to pick any time.</p>
      )}
      <ErrorBox error={posts.error} onRetry={() => void posts.reload()} />
      <ErrorBox error={reschedule.error} />
      {refused && <Notice tone="warning">{refused}</Notice>}
      {moved && <Notice tone="success">{moved}</Notice>}
      {reschedule.pending && <Loading what="the new slot (sending the reschedule signal)" />}
      {!posts.posts && !posts.error && <Loading what="posts" />}
      {posts.posts && !visible && (
        <Empty title={`Nothing scheduled this ${view}`}>
          {can('post.schedule') ? (
            <p>Create a post with “New post”, a plan or an import; it shows here on its day.</p>
          ) : (
            <p>Posts show here once someone schedules them.</p>
          )}
        </Empty>
      )}
      {posts.capped && (
        <Notice tone="warning">
          This {view} holds more posts than the calendar shows at once; switch to the week view to see them all.
        </Notice>
      )}
      <ol className={`calendar ${view}`} aria-label={title}>
        {view === 'month' &&
          ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
            <li key={d} className="weekday-head" aria-hidden="true">
              {d}
            </li>
          ))}
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          const outside = view === 'month' && parseDayKey(day).month !== parseDayKey(focus).month;
          const cls = [
            'day',
            day === today ? 'today' : '',
            day < today ? 'past' : '',
            outside ? 'outside' : '',
            dropTarget === day ? 'drop-target' : '',
          ].join(' ');
          return (
            <li
              key={day}
              className={cls}
              data-day={day}
              aria-current={day === today ? 'date' : undefined}
              onDragOver={
                mayMove
                  ? (e) => {
                      e.preventDefault();
                      setDropTarget(day);
                    }
                  : undefined
              }
              onDragLeave={mayMove ? () => setDropTarget((t) => (t === day ? null : t)) : undefined}
              onDrop={mayMove ? (e) => void drop(e, day) : undefined}
            >
              <h3 className="day-head">
                <span className="weekday">{formatDay(day, { weekday: 'short' })}</span>{' '}
                {formatDay(day, { day: 'numeric', month: 'short' })}
              </h3>
              {list.length > 0 && (
                <ul className="day-posts">
                  {list.map((p) => {
                    const draggable = mayMove && !p.final;
                    return (
                      <li key={p.id}>
                        <Link
                          to={`/c/${client.id}/posts/${p.id}`}
                          className={`chip chip-${p.status}`}
                          draggable={draggable}
                          data-post={p.id}
                          onDragStart={
                            draggable
                              ? (e) => {
                                  e.dataTransfer.setData('application/x-raize-post', p.id);
                                  e.dataTransfer.effectAllowed = 'move';
                                }
                              : undefined
                          }
                        >
                          <span className="chip-time">{formatTime(new Date(p.scheduledAt), tz)}</span>
                          {view === 'week' ? (
                            <StatusBadge status={p.status} />
                          ) : (
                            <span className="visually-hidden">{statusLabel(p.status)}</span>
                          )}
                          <span className="chip-text">
                            {excerpt(assets.byId.get(p.assetId)?.text, view === 'week' ? 70 : 24)}
                          </span>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </Page>
  );
}

function range(start: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDays(start, i));
}

function monthDays(focus: string): string[] {
  const first = `${focus.slice(0, 7)}-01`;
  const start = startOfWeek(first);
  const nextMonth = addMonths(first, 1);
  const days: string[] = [];
  for (let d = start; d < nextMonth || days.length % 7 !== 0; d = addDays(d, 1)) days.push(d);
  return days;
}
