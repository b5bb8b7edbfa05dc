import { useCallback, useEffect, useRef, useState } from 'react';
import { PortalError, portalApi, type PortalMe, type PortalPost } from './portal-api';
import { formatOnOwnClock } from './portal-format';
import { ProblemBox } from './portal-feedback';
import { PostCalendar } from './post-calendar';
import { PostCard, shownState } from './post-card';

type View = 'list' | 'calendar';

/** The review: who the reviewer is and for whom, then the posts as a list or a month calendar. */
export function ReviewScreen({
  me,
  onExpired,
  onSignedOut,
}: {
  me: PortalMe;
  onExpired: () => void;
  onSignedOut: () => void;
}) {
  const [posts, setPosts] = useState<PortalPost[]>();
  /** the posts that waited at the last load: a card stays where it is when decided, until the next refresh */
  const [waitedAtLoad, setWaitedAtLoad] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [view, setView] = useState<View>('list');
  const [leaving, setLeaving] = useState(false);
  const h1 = useRef<HTMLHeadingElement>(null);

  /** Any answer saying the session is gone ends the review at once, whatever the click was. */
  const unlessExpired = useCallback(
    (err: unknown): boolean => {
      if (err instanceof PortalError && err.status === 401) {
        onExpired();
        return false;
      }
      return true;
    },
    [onExpired],
  );

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const loaded = (await portalApi.posts()).posts;
      setPosts(loaded);
      setWaitedAtLoad(new Set(loaded.filter((p) => shownState(p) === 'waiting_client').map((p) => p.id)));
      setError(null);
    } catch (err) {
      if (unlessExpired(err)) setError(err);
    } finally {
      setLoading(false);
    }
  }, [unlessExpired]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title = `Review for ${me.client.name}`;
    h1.current?.focus({ preventScroll: true });
  }, [me.client.name]);

  const decided = useCallback((p: PortalPost) => setPosts((list) => list?.map((x) => (x.id === p.id ? p : x))), []);

  const signOut = async () => {
    setLeaving(true);
    try {
      await portalApi.signOut(me.csrfToken);
      onSignedOut();
    } catch (err) {
      if (unlessExpired(err)) setError(err);
    } finally {
      setLeaving(false);
    }
  };

  const waitingNow = (posts ?? []).filter((p) => shownState(p) === 'waiting_client').length;
  const waiting = (posts ?? []).filter((p) => waitedAtLoad.has(p.id));
  const others = (posts ?? []).filter((p) => !waitedAtLoad.has(p.id));
  const card = (p: PortalPost) => (
    <PostCard key={p.id} post={p} csrf={me.csrfToken} onDecided={decided} onFailed={unlessExpired} />
  );

  return (
    <>
      <header className="portal-head">
        <BrandBand colours={me.client.colours} />
        <div className="portal-head-row">
          <div>
            <p className="portal-client" data-testid="portal-client">
              {me.client.name}
            </p>
            <h1 ref={h1} tabIndex={-1}>
              Posts for your review
            </h1>
            <p className="subtitle">
              Reviewing as <strong data-testid="portal-reviewer">{me.reviewer.name}</strong> · this link works until{' '}
              <time dateTime={me.link.expiresAt} data-testid="portal-expiry">
                {formatOnOwnClock(me.link.expiresAt)}
              </time>
              {me.link.batch && ' · a selection of posts'}
            </p>
          </div>
          <button type="button" className="button secondary small" disabled={leaving} onClick={() => void signOut()}>
            Leave the review
          </button>
        </div>
      </header>
      <main id="main" className="portal-main">
        <div className="toolbar">
          <div className="button-group" role="group" aria-label="View">
            <button
              type="button"
              className="button secondary"
              aria-pressed={view === 'list'}
              onClick={() => setView('list')}
            >
              List
            </button>
            <button
              type="button"
              className="button secondary"
              aria-pressed={view === 'calendar'}
              onClick={() => setView('calendar')}
            >
              Calendar
            </button>
          </div>
          <button type="button" className="button secondary" disabled={loading} onClick={() => void load()}>
            {loading && posts ? 'Refreshing…' : 'Refresh'}
          </button>
          {posts && (
            <p className="portal-count" role="status" data-testid="portal-waiting-count">
              {waitingNow === 0
                ? 'Nothing waits for you right now.'
                : `${waitingNow} ${waitingNow === 1 ? 'post waits' : 'posts wait'} for your decision.`}
            </p>
          )}
        </div>
        <ProblemBox error={error} onRetry={() => void load()} />
        {!posts && !error && (
          <p className="loading" role="status" aria-live="polite">
            <span className="spinner" aria-hidden="true" /> Loading the posts…
          </p>
        )}
        {posts && posts.length === 0 && (
          <div className="empty" data-testid="empty">
            <p className="empty-title">No posts to review</p>
            <p>When the agency has posts ready for you, they show here. Refresh later, or ask the agency.</p>
          </div>
        )}
        {posts && posts.length > 0 && view === 'list' && (
          <>
            {waiting.length > 0 && (
              <section aria-labelledby="waiting-heading">
                <h2 id="waiting-heading">Waiting for you</h2>
                <ul className="portal-posts">
                  {waiting.map((p) => (
                    <li key={p.id}>{card(p)}</li>
                  ))}
                </ul>
              </section>
            )}
            {others.length > 0 && (
              <section aria-labelledby="others-heading">
                <h2 id="others-heading">Other posts</h2>
                <ul className="portal-posts">
                  {others.map((p) => (
                    <li key={p.id}>{card(p)}</li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
        {posts && posts.length > 0 && view === 'calendar' && <PostCalendar posts={posts} renderPost={card} />}
      </main>
    </>
  );
}

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The client's colours as a band of SVG rectangles: a fill attribute is not an inline style, so the strict CSP
 * (style-src 'self') allows it without a stylesheet per client.
 */
function BrandBand({ colours }: { colours: string[] }) {
  const valid = colours.filter((c) => HEX.test(c)).slice(0, 3);
  if (!valid.length) return <div className="portal-band portal-band-default" aria-hidden="true" />;
  return (
    <svg
      className="portal-band"
      viewBox={`0 0 ${valid.length} 1`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      data-testid="portal-colours"
    >
      {valid.map((c, i) => (
        <rect key={c + String(i)} x={i} y={0} width={1} height={1} fill={c} />
      ))}
    </svg>
  );
}
