import { type FormEvent, useEffect, useId, useState } from 'react';
import { excerpt, useAccounts, useAssetTexts } from '../api/client-data';
import { PostClientReviewQuery } from '../api/client-review-operations';
import {
  AuditEventsQuery,
  CancelPostMutation,
  PolicySettingsQuery,
  PostQuery,
  ReschedulePostMutation,
} from '../api/operations';
import { PostReceiptQuery } from '../api/receipt-operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import { Link } from '../routing/router';
import { formatDateTime, fromInputValue, toInputValue } from '../time/zoned-time';
import { approverLabel, ClientReviewPanel } from '../ui/client-review-panel';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { DecisionBar, useDecisions } from '../ui/decisions';
import { ReceiptChecksPanel } from '../ui/receipt-checks-panel';
import { ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';
import { StatusBadge, statusLabel, statusTextLabel } from '../ui/status-badge';
import { BrowserProofPanel, hasBrowserProof } from './browser-proof-panel';
import { LANE_WORDS } from './browser-profiles/browser-words';

const ACTION_LABELS: Record<string, string> = {
  'post.scheduled': 'Scheduled',
  'approval.granted': 'Approved',
  'approval.refused': 'Approval refused',
  'post.published': 'Published',
  'post.verified': 'Verified on the platform',
  'post.receipt_broken': 'Removed or changed on the platform (receipt check)',
  'portal.decision': 'The client’s reviewer decided',
};

/** An audit actor's kind as words: `reviewer:<id>` is a client reviewer deciding through a review link. */
const ACTOR_KINDS: Record<string, string> = { reviewer: 'the client’s reviewer' };

/** Audit actions as words: `post.<status>` events are the workflow's status changes. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? (action.startsWith('post.') ? statusTextLabel(action.slice(5)) : action);
}

/** One post: live status (polled), reasons, proof, the audit trail as a timeline, and what may be done next. */
export function PostScreen({ postId }: { postId: string }) {
  const { client, can } = useClientScope();
  const tz = client.timezone;
  const [finished, setFinished] = useState(false);
  const q = useQuery(PostQuery, { id: postId }, { pollMs: finished ? undefined : 2000 });
  const events = useQuery(AuditEventsQuery, { postId }, { pollMs: finished ? undefined : 4000 });
  const clientReview = useQuery(PostClientReviewQuery, { id: postId }, { pollMs: finished ? undefined : 4000 });
  // Re-checks come an hour apart at the soonest (issue #15): read once, and again with the rest on reload.
  const receipt = useQuery(PostReceiptQuery, { id: postId });
  const assets = useAssetTexts(client.id);
  const accounts = useAccounts(client.id);
  const policy = useQuery(PolicySettingsQuery, { clientId: client.id });
  const reload = async () => {
    await Promise.all([q.reload(), events.reload(), clientReview.reload(), receipt.reload()]);
  };
  const decisions = useDecisions(reload);
  const post = q.data?.post;
  const isFinal = !!post && post.final;
  useEffect(() => setFinished(isFinal), [isFinal]);

  if (!post) {
    return (
      <Page title="Post">
        {q.error ? <ErrorBox error={q.error} onRetry={() => void q.reload()} /> : <Loading what="the post" />}
      </Page>
    );
  }
  const asset = assets.byId.get(post.assetId);
  const account = accounts.byId.get(post.platformAccountId);
  const live = post.workflowStatus && post.workflowStatus !== post.status ? post.workflowStatus : null;
  const proof = post.proof ? prettyJson(post.proof) : null;
  const review = clientReview.data?.post;

  return (
    <Page
      title={`Post: ${excerpt(asset?.text, 40) || 'loading…'}`}
      subtitle={
        <>
          Scheduled {formatDateTime(post.scheduledAt, tz)} ({tz}) on{' '}
          {account ? `${account.handle} (${account.platform})` : 'an account'}
          {account && <AccountLaneNote lane={account.lane} />}
        </>
      }
    >
      <div className="post-grid">
        <section className="panel" aria-labelledby="post-status">
          <h2 id="post-status">Status</h2>
          <p className="status-line" data-testid="post-status" data-status={post.status}>
            <StatusBadge status={post.status} />
            {live && <span className="hint"> workflow reports: {statusLabel(live)}</span>}
            {!finished && (
              <span className="hint polling" role="status">
                {' '}
                · updating live
              </span>
            )}
          </p>
          {post.reasons.length > 0 && (
            <div className="reasons-box" data-testid="reasons">
              <h3>Why</h3>
              <ul className="reasons">
                {post.reasons.map((r) => (
                  <li key={r.code + r.message} data-reason-code={r.reasonCode ?? 'unknown'}>
                    <strong>{r.message}</strong> <code className="hint">{r.code}</code>
                    {!r.reasonCode && <span className="hint"> (a reason this app does not know yet)</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {post.url && (
            <p>
              Live at{' '}
              <a href={post.url} target="_blank" rel="noopener noreferrer" data-testid="post-url">
                {post.url}
              </a>
              {post.verifiedAt && <> · verified {formatDateTime(post.verifiedAt, tz)}</>}
            </p>
          )}
          <DecisionBar
            post={post}
            fourEyes={policy.data?.policySettings.fourEyes ?? true}
            decisions={decisions}
            shownChecksum={asset?.checksum}
          />
          {!isFinal && (
            <PostActions
              postId={post.id}
              scheduledAt={post.scheduledAt}
              tz={tz}
              canSchedule={can('post.schedule')}
              canCancel={can('post.cancel')}
              onDone={reload}
            />
          )}
          <p>
            {/* The API gives the link to platform staff only (C-14); Temporal Web is theirs, not an agency's. */}
            {post.temporalUrl && (
              <>
                <a href={post.temporalUrl} target="_blank" rel="noopener noreferrer" data-testid="temporal-link">
                  Open the episode in Temporal Web
                </a>{' '}
              </>
            )}
            {/* Staff only as well, and only with a trace UI configured (RAIZE_TRACE_UI_URL, docs/observability.md). */}
            {post.traceUrl && (
              <>
                <a href={post.traceUrl} target="_blank" rel="noopener noreferrer" data-testid="trace-link">
                  Trace
                </a>{' '}
              </>
            )}
            <span className="hint">(workflow {post.workflowId})</span>
          </p>
        </section>

        <section className="panel" aria-labelledby="post-text">
          <h2 id="post-text">Text</h2>
          <blockquote className="preview">{asset ? asset.text : <Loading what="the text" />}</blockquote>
          <p className="hint">
            Checksum <code>{post.assetChecksum.slice(0, 16)}…</code>; approvals pin it.{' '}
            {post.approvals.length
              ? `Approved by: ${post.approvals.map((a) => approverLabel(a, review)).join(', ')}.`
              : 'No approvals yet.'}
          </p>
        </section>

        {review && (review.approvalStage !== 'none' || review.clientDecisions.length > 0) && (
          <ClientReviewPanel review={review} tz={tz} />
        )}

        <section className="panel wide" aria-labelledby="post-proof">
          <h2 id="post-proof">Proof</h2>
          {proof ? (
            <pre className="proof" data-testid="proof" tabIndex={0}>
              {proof}
            </pre>
          ) : (
            <p className="hint">
              No proof yet: it is recorded when the post is published and read back from the platform.
            </p>
          )}
        </section>

        {hasBrowserProof(post.proof) && <BrowserProofPanel postId={post.id} tz={tz} />}

        {post.status === 'verified' && receipt.data?.post && <ReceiptChecksPanel receipt={receipt.data.post} tz={tz} />}

        <section className="panel wide" aria-labelledby="post-timeline">
          <h2 id="post-timeline">Timeline</h2>
          <ErrorBox error={events.error} />
          {!events.data && !events.error && <Loading what="the audit trail" />}
          {events.data && (
            <ol className="timeline">
              {events.data.auditEvents.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, tz)}</time>{' '}
                  <strong>{actionLabel(e.action)}</strong>{' '}
                  <span className="hint">
                    {timelineDetail(e.data)} · {ACTOR_KINDS[e.actor.split(':')[0]] ?? e.actor.split(':')[0]}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <p>
            <Link to={`/c/${client.id}/audit?post=${post.id}`}>Full audit events with hashes</Link>
          </p>
        </section>
      </div>
    </Page>
  );
}

/** The lane the post's account publishes through, by its short name; the whole sentence on hover. */
function AccountLaneNote({ lane }: { lane: string }) {
  // PlatformAccount.lane is a String in the API: a lane newer than this app shows as its code.
  const words = (LANE_WORDS as Partial<Record<string, string>>)[lane];
  return (
    // The account's lane now: a post published before the lane changed shows how it went out in its proof.
    <span title={words} data-testid="post-lane" data-lane={lane}>
      , {words ? words.split(':')[0] : lane} lane
    </span>
  );
}

function PostActions({
  postId,
  scheduledAt,
  tz,
  canSchedule,
  canCancel,
  onDone,
}: {
  postId: string;
  scheduledAt: string;
  tz: string;
  canSchedule: boolean;
  canCancel: boolean;
  onDone: () => Promise<void>;
}) {
  const reschedule = useMutation(ReschedulePostMutation);
  const cancel = useMutation(CancelPostMutation);
  const [when, setWhen] = useState(() => toInputValue(new Date(scheduledAt), tz));
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const whenId = useId();
  if (!canSchedule && !canCancel) return null;

  const move = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setProblem(null);
    const at = fromInputValue(when, tz);
    if (!at || at.getTime() <= Date.now()) return setProblem('Pick a time in the future.');
    if (await reschedule.run({ input: { postId, scheduledAt: at.toISOString() } })) {
      setMessage(`Reschedule sent: ${formatDateTime(at, tz)}.`);
      await onDone();
    }
  };
  const stop = async () => {
    if (await cancel.run({ input: { postId, note: 'cancelled in the admin app' } })) {
      setConfirming(false);
      setMessage('Cancel sent. The post will not be published.');
      await onDone();
    }
  };

  return (
    <div className="post-actions">
      {canSchedule && (
        <form onSubmit={move} className="inline-form">
          <label className="field inline" htmlFor={whenId}>
            <span>Move to ({tz})</span>
            <input id={whenId} type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} />
          </label>
          <button type="submit" className="button secondary" disabled={reschedule.pending} data-mutates="post.schedule">
            {reschedule.pending ? 'Sending…' : 'Reschedule'}
          </button>
        </form>
      )}
      {canCancel && (
        <button type="button" className="button danger" onClick={() => setConfirming(true)} data-mutates="post.cancel">
          Cancel post
        </button>
      )}
      {problem && <Notice tone="warning">{problem}</Notice>}
      {message && <Notice tone="success">{message}</Notice>}
      <ErrorBox error={reschedule.error} />
      <ConfirmDialog
        open={confirming}
        title="Cancel this post?"
        confirmLabel="Cancel the post"
        danger
        pending={cancel.pending}
        error={cancel.error}
        onConfirm={() => void stop()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The episode ends and nothing is published. This cannot be undone; schedule the text again to publish it later.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function prettyJson(s: string): string {
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return s;
  }
}

function timelineDetail(data: string): string {
  try {
    const d = JSON.parse(data) as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof d.status === 'string') parts.push(statusTextLabel(d.status));
    if (Array.isArray(d.reasons) && d.reasons.length)
      parts.push((d.reasons as { message?: string }[]).map((r) => r.message).join('; '));
    if (typeof d.kind === 'string') parts.push(d.kind.replace(/_/g, ' '));
    if (typeof d.role === 'string') parts.push(`as ${d.role}`);
    if (typeof d.reason === 'string') parts.push(d.reason);
    if (typeof d.url === 'string') parts.push(d.url);
    return parts.join(' · ') || '—';
  } catch {
    return '—';
  }
}
