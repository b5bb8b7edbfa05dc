import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '../time/zoned-time';
import { type DecisionKind, portalApi, type PortalPost, type ReviewState } from './portal-api';
import { ProblemBox } from './portal-feedback';
import { platformName } from './portal-format';
import { PostPreview } from './post-preview';

type Tone = 'attention' | 'success' | 'warning' | 'danger' | 'muted' | 'info';

// Keyed by every state the API knows: a state added there fails to compile here until it has words.
const STATES: Record<ReviewState, { label: string; tone: Tone; why: string }> = {
  waiting_client: { label: 'Waiting for you', tone: 'attention', why: '' },
  approved: { label: 'Approved', tone: 'success', why: 'You approved this version of the post.' },
  changes_requested: {
    label: 'Changes requested',
    tone: 'warning',
    why: 'The agency is making the changes you asked for; the new version will wait for you again.',
  },
  on_hold: { label: 'On hold', tone: 'warning', why: 'The post will not go out until you approve it.' },
  rejected: { label: 'Rejected', tone: 'danger', why: 'The post will not go out.' },
  waiting_internal: {
    label: 'With the agency',
    tone: 'muted',
    why: 'The agency is still preparing this post; it will wait for you once they have approved it.',
  },
  not_required: { label: 'No review needed', tone: 'info', why: 'This post does not need your approval.' },
};

const DECIDED: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'asked for changes',
  hold: 'put on hold',
};

const DONE: Record<DecisionKind, string> = {
  approve: 'You approved this post. Thank you.',
  reject: 'You rejected this post. The agency sees your comment; the post will not go out.',
  request_changes: 'Your change request was sent to the agency.',
  hold: 'The post is on hold: it will not go out until you approve it.',
};

/**
 * The state as the reviewer should read it. A rejection ends the post: it is said at once, even before the
 * publishing episode has taken the signal and marked the post (the API reads that a moment later).
 */
export function shownState(p: PortalPost): ReviewState {
  return p.decisions[p.decisions.length - 1]?.kind === 'reject' ? 'rejected' : p.state;
}

export function StateBadge({ state }: { state: ReviewState }) {
  const look = STATES[state];
  return (
    <span className={`badge badge-${look.tone}`} data-state={state} data-testid="review-state">
      {look.label}
    </span>
  );
}

/** One post as its platform will show it, what was decided about it, and the reviewer's decisions while open. */
export function PostCard({
  post,
  csrf,
  onDecided,
  onFailed,
}: {
  post: PortalPost;
  csrf: string;
  onDecided: (p: PortalPost) => void;
  /** answers whether the error is for this card to show (false: the page handled it, e.g. an expired session) */
  onFailed: (err: unknown) => boolean;
}) {
  const state = shownState(post);
  const headingId = useId();
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The button pressed is gone once the decision stands: the focus goes to what happened, not to the page's top.
    if (done) doneRef.current?.focus();
  }, [done]);
  return (
    <article className="portal-post" data-post={post.id} data-state={state} aria-labelledby={headingId}>
      <div className="portal-post-head">
        <h3 id={headingId} tabIndex={-1}>
          {platformName(post.platform)} · {post.accountHandle}
        </h3>
        <StateBadge state={state} />
      </div>
      <p className="hint">
        Goes out <time dateTime={post.scheduledAt}>{formatDateTime(post.scheduledAt, post.timezone)}</time> (
        {post.timezone})
      </p>
      <PostPreview post={post} />
      {post.decisions.length > 0 && (
        <div className="portal-decisions">
          <h4>Decisions</h4>
          <ol className="plain-list" data-testid="portal-decisions">
            {post.decisions.map((d, i) => (
              <li key={`${d.at}-${i}`}>
                <strong>{d.byYou ? 'You' : 'Another reviewer'}</strong> {DECIDED[d.kind] ?? d.kind.replace(/_/g, ' ')}{' '}
                <span className="hint">
                  <time dateTime={d.at}>{formatDateTime(d.at, post.timezone)}</time>
                </span>
                {d.comment && <q className="portal-comment">{d.comment}</q>}
              </li>
            ))}
          </ol>
        </div>
      )}
      {done && (
        <p className="notice notice-success" role="status" data-testid="portal-done" ref={doneRef} tabIndex={-1}>
          {done}
        </p>
      )}
      {post.canDecide && state !== 'rejected' ? (
        <DecisionActions
          post={post}
          state={state}
          csrf={csrf}
          onDecided={(p, kind) => {
            setDone(DONE[kind]);
            onDecided(p);
          }}
          onFailed={onFailed}
        />
      ) : (
        !done && STATES[state].why && <p className="hint">{STATES[state].why}</p>
      )}
    </article>
  );
}

type Asking = 'reject' | 'request_changes';

function DecisionActions({
  post,
  state,
  csrf,
  onDecided,
  onFailed,
}: {
  post: PortalPost;
  state: ReviewState;
  csrf: string;
  onDecided: (p: PortalPost, kind: DecisionKind) => void;
  onFailed: (err: unknown) => boolean;
}) {
  const [asking, setAsking] = useState<Asking | null>(null);
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const commentId = useId();

  useEffect(() => {
    if (asking) commentRef.current?.focus();
  }, [asking]);

  const send = async (kind: DecisionKind, text?: string) => {
    setPending(true);
    setError(null);
    try {
      // The checksum of the content this page shows: an edit meanwhile refuses the decision (C-23).
      const r = await portalApi.decide(post.id, { kind, checksum: post.checksum, comment: text || undefined }, csrf);
      setAsking(null);
      setComment('');
      onDecided(r.post, kind);
    } catch (err) {
      if (onFailed(err)) setError(err);
    } finally {
      setPending(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!asking || !comment.trim()) return;
    void send(asking, comment.trim());
  };

  return (
    <div className="portal-actions" data-testid="portal-actions">
      {!asking && (
        <div className="actions" role="group" aria-label="Your decision">
          {state !== 'approved' && (
            <button type="button" className="button primary" disabled={pending} onClick={() => void send('approve')}>
              Approve
            </button>
          )}
          <button
            type="button"
            className="button secondary"
            disabled={pending}
            onClick={() => setAsking('request_changes')}
          >
            Request changes
          </button>
          {state !== 'on_hold' && (
            <button type="button" className="button secondary" disabled={pending} onClick={() => void send('hold')}>
              Hold
            </button>
          )}
          <button type="button" className="button danger" disabled={pending} onClick={() => setAsking('reject')}>
            Reject
          </button>
          {pending && (
            <span className="hint" role="status">
              Sending…
            </span>
          )}
        </div>
      )}
      {asking && (
        <form className="portal-comment-form" onSubmit={submit}>
          <label className="field" htmlFor={commentId}>
            <span>{asking === 'reject' ? 'Why do you reject this post?' : 'What should change?'}</span>
            <textarea
              id={commentId}
              ref={commentRef}
              rows={3}
              required
              maxLength={2000}
              value={comment}
              aria-describedby={`${commentId}-hint`}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <p className="hint" id={`${commentId}-hint`}>
            Required: the agency reads it{asking === 'reject' ? ', and the post will not go out' : ''}.
          </p>
          <div className="actions">
            <button
              type="submit"
              className={asking === 'reject' ? 'button danger' : 'button primary'}
              disabled={pending || !comment.trim()}
            >
              {pending ? 'Sending…' : asking === 'reject' ? 'Reject the post' : 'Send the change request'}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={pending}
              onClick={() => {
                setAsking(null);
                setComment('');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      <ProblemBox error={error} />
    </div>
  );
}
