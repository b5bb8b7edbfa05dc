import type { ApprovalStage, ClientReviewState, PostClientReviewQuery, PostDecisionKind } from '../gql/graphql';
import { formatDateTime } from '../time/zoned-time';

type Review = PostClientReviewQuery['post'];

/** The client reviewer's role on an approval (CLIENT_REVIEWER_ROLE in workflows/contracts/vocabulary/client-review.ts). */
export const CLIENT_REVIEWER_ROLE = 'ClientReviewer';

const STAGE: Record<ApprovalStage, string> = {
  none: 'No approval stage of its own (the autonomy decides)',
  internal: 'The agency approves',
  internal_then_client: 'The agency approves, then the client’s reviewer',
};

// Keyed by the API's enum (codegen): a state added there fails to compile here until it has words.
const STATE: Record<ClientReviewState, { label: string; tone: string }> = {
  not_required: { label: 'Not needed', tone: 'muted' },
  waiting_internal: { label: 'Waits for the agency first', tone: 'neutral' },
  waiting_client: { label: 'Waiting for the client', tone: 'attention' },
  approved: { label: 'Approved by the client', tone: 'success' },
  changes_requested: { label: 'Client asked for changes', tone: 'warning' },
  on_hold: { label: 'On hold by the client', tone: 'warning' },
  rejected: { label: 'Rejected by the client', tone: 'danger' },
};

const KIND: Record<PostDecisionKind, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  request_changes: 'Asked for changes',
  hold: 'Put on hold',
  cancel: 'Cancelled',
  reschedule: 'Rescheduled',
};

/** Who approved, in words: an operator's role, or the client's reviewer by name (their approvals carry that role). */
export function approverLabel(a: { approverId: string; role: string }, review: Review | undefined): string {
  if (a.role !== CLIENT_REVIEWER_ROLE) return a.role;
  const name = review?.clientDecisions.find((d) => d.reviewerId === a.approverId)?.reviewerName;
  return name ? `the client’s reviewer ${name}` : 'the client’s reviewer';
}

/** Where the post stands with its client (issue #14): its stage, the state, and each decision of the client's. */
export function ClientReviewPanel({ review, tz }: { review: Review; tz: string }) {
  const look = STATE[review.clientReviewState];
  return (
    <section className="panel wide" aria-labelledby="post-client-review" data-testid="client-review">
      <h2 id="post-client-review">Client review</h2>
      <p>
        <span className={`badge badge-${look.tone}`} data-state={review.clientReviewState}>
          {look.label}
        </span>{' '}
        <span className="hint">{STAGE[review.approvalStage]}</span>
      </p>
      {review.clientDecisions.length === 0 ? (
        <p className="hint">The client has not decided anything about this post.</p>
      ) : (
        <ol className="timeline" data-testid="client-decisions">
          {review.clientDecisions.map((d, i) => (
            <li key={`${d.createdAt}-${i}`} data-kind={d.kind}>
              <time dateTime={d.createdAt}>{formatDateTime(d.createdAt, tz)}</time> <strong>{KIND[d.kind]}</strong> by
              the client’s reviewer <span data-testid="client-reviewer-name">{d.reviewerName || 'unknown'}</span>
              {d.comment && (
                <blockquote className="preview" data-testid="client-comment">
                  {d.comment}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
