import { useEffect, useId, useRef, useState } from 'react';
import { useAccounts } from '../api/client-data';
import {
  ApproveItemMutation,
  EditItemTextMutation,
  PolicySettingsQuery,
  RejectItemMutation,
  RequestItemChangesMutation,
  ReviewItemQuery,
  ReviewQueueQuery,
} from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useMe } from '../auth/session';
import { useClientScope } from '../auth/workspace';
import { Link, useLocation } from '../routing/router';
import { formatDateTime } from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import type { ReviewItemQuery as ReviewItemResult } from '../gql/graphql';
import { Page } from '../ui/page';
import { PlatformPreview } from '../ui/platform-preview';
import { ItemStatusBadge } from '../ui/plan-status';

type Item = ReviewItemResult['reviewItem'];
const PAGE = 20;

/** Created items waiting for a person: the preview per platform, policy reasons, and the decisions on them. */
export function ReviewScreen() {
  const { client } = useClientScope();
  const { query } = useLocation();
  const [first, setFirst] = useState(PAGE);
  const q = useQuery(ReviewQueueQuery, { clientId: client.id, first }, { pollMs: 3000 });
  const policy = useQuery(PolicySettingsQuery, { clientId: client.id });
  const accounts = useAccounts(client.id);
  const fourEyes = policy.data?.policySettings.fourEyes ?? true;
  const items = q.data?.reviewQueue.items;
  const focus = query.get('item');
  // Kept here, not on the card: an approved or rejected item leaves the queue, the answer stays in view.
  const [notice, setNotice] = useState<string | null>(null);
  const done = async (text: string) => {
    setNotice(text);
    await q.reload();
  };
  return (
    <Page
      title="Review queue"
      subtitle={`${client.name} · created items, as each platform will show them · four eyes ${fourEyes ? 'on: whoever planned or edited an item cannot approve it' : 'off'}`}
    >
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {notice && <Notice tone="success">{notice}</Notice>}
      {!items && !q.error && <Loading what="the review queue" />}
      {items && items.length === 0 && (
        <Empty title="Nothing waits for review">Created items show up here by themselves.</Empty>
      )}
      {items && items.length > 0 && (
        <ol className="queue">
          {items.map((i) => (
            <ReviewCard
              key={i.id}
              itemId={i.id}
              listedStatus={i.status}
              focused={focus === i.id}
              fourEyes={fourEyes}
              accountsById={accounts.byId}
              onDone={done}
            />
          ))}
        </ol>
      )}
      {items && q.data?.reviewQueue.endCursor && items.length >= first && first < 100 && (
        <button type="button" className="button secondary" onClick={() => setFirst((f) => Math.min(f + PAGE, 100))}>
          Show more
        </button>
      )}
    </Page>
  );
}

function ReviewCard({
  itemId,
  listedStatus,
  focused,
  fourEyes,
  accountsById,
  onDone,
}: {
  itemId: string;
  listedStatus: string;
  focused: boolean;
  fourEyes: boolean;
  accountsById: Map<string, { handle: string }>;
  onDone: (text: string) => Promise<void>;
}) {
  // Read again when the queue reports another status (a decision, a new revision), else every 15 s.
  const q = useQuery(ReviewItemQuery, { id: itemId }, { pollMs: 15000 });
  const { reload } = q;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else void reload();
  }, [listedStatus, reload]);
  const item = q.data?.reviewItem;
  if (!item)
    return (
      <li className="queue-item" data-item={itemId}>
        {q.error ? <ErrorBox error={q.error} onRetry={() => void q.reload()} /> : <Loading what="the item" />}
      </li>
    );
  return (
    <ReviewCardBody
      item={item}
      focused={focused}
      fourEyes={fourEyes}
      account={accountsById.get(item.platformAccountId)?.handle}
      alsoTo={item.crossPostAccountIds.map((id) => accountsById.get(id)?.handle ?? 'an account')}
      onDone={async (text) => {
        await onDone(text);
        await q.reload();
      }}
    />
  );
}

function ReviewCardBody({
  item,
  focused,
  fourEyes,
  account,
  alsoTo,
  onDone,
}: {
  item: Item;
  focused: boolean;
  fourEyes: boolean;
  account: string | undefined;
  /** the accounts the item is cross-posted to: approving it schedules a post on each */
  alsoTo: string[];
  onDone: (text: string) => Promise<void>;
}) {
  const { client, can } = useClientScope();
  const me = useMe();
  const approve = useMutation(ApproveItemMutation);
  const changes = useMutation(RequestItemChangesMutation);
  const reject = useMutation(RejectItemMutation);
  const edit = useMutation(EditItemTextMutation);
  const [feedback, setFeedback] = useState('');
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const ids = { feedback: useId(), reason: useId(), text: useId(), why: useId() };
  const pending = approve.pending || changes.pending || reject.pending || edit.pending;
  const mayReview = can('item.review');
  const mayEdit = can('asset.write');
  const authored = item.authorIds.includes(me.id);
  // Whoever planned or edited the item is an author; the server refuses their approval too (C-21).
  const blocker =
    fourEyes && authored
      ? 'Four eyes: you planned or edited this item, so someone else must approve it.'
      : item.status !== 'in_review'
        ? 'Only an item in review can be approved: edit it, ask for changes or reject it.'
        : null;

  const run = async (what: string, p: Promise<unknown>) => {
    if (await p) await onDone(what);
  };
  const errors = approve.error ?? changes.error ?? reject.error ?? edit.error;

  return (
    <li className={`queue-item review-item ${focused ? 'selected' : ''}`} data-item={item.id}>
      <div className="queue-meta">
        <span>
          {formatDateTime(item.slotAt, item.timezone)} ({item.timezone})
        </span>
        <span>
          on {account ?? 'an account'} ({item.platform}){alsoTo.length > 0 && <> and {alsoTo.join(', ')}</>}
        </span>
        <span>
          {item.format} · {item.pillar}
        </span>
        <span>revision {item.revision}</span>
        <span>{authored ? 'planned or edited by you' : 'by a colleague and the planner'}</span>
        <ItemStatusBadge status={item.status} />
        <Link to={`/c/${client.id}/plans/${item.planId}`}>Open plan</Link>
      </div>
      <p className="hint">Brief: {item.brief}</p>
      <div className="review-grid">
        <PlatformPreview item={item} />
        <div>
          {item.reasons.length > 0 && (
            <div className="reasons-box" data-testid="item-reasons">
              <p className="error-title">
                {item.status === 'policy_blocked' ? 'Blocked by the content policy' : 'Why it waits'}
              </p>
              <ul className="reasons">
                {item.reasons.map((r) => (
                  <li key={r.code}>{r.message}</li>
                ))}
              </ul>
            </div>
          )}
          {item.asset && (
            <p className="hint">
              {item.asset.authorKind === 'human' ? 'Text edited by hand' : 'Text by the creator'} · checksum{' '}
              <code>{item.asset.checksum.slice(0, 12)}</code>
            </p>
          )}
          {mayReview && (
            <div className="decision" data-testid="item-decision">
              <div className="actions">
                <button
                  type="button"
                  className="button primary"
                  disabled={!!blocker || pending || !item.asset}
                  aria-describedby={blocker ? ids.why : undefined}
                  data-mutates="item.review"
                  // The checksum of the content this page displays: a change since then is refused (C-23).
                  onClick={() =>
                    void run(
                      'Approved: the post is scheduled for its slot.',
                      approve.run({ input: { itemId: item.id, assetChecksum: item.asset!.checksum } }),
                    )
                  }
                >
                  Approve
                </button>
              </div>
              {blocker && (
                <p id={ids.why} className="blocker" data-testid="approve-blocked">
                  {blocker}
                </p>
              )}
              <label className="field" htmlFor={ids.feedback}>
                <span>What should change</span>
                <textarea
                  id={ids.feedback}
                  rows={2}
                  maxLength={2000}
                  value={feedback}
                  onChange={(e) => setFeedback(e.target.value)}
                />
              </label>
              <div className="actions">
                <button
                  type="button"
                  className="button secondary"
                  disabled={pending || !feedback.trim()}
                  data-mutates="item.review"
                  onClick={() =>
                    void run(
                      'Changes requested: the creator makes a new revision with your feedback.',
                      changes.run({ input: { itemId: item.id, feedback: feedback.trim() } }),
                    )
                  }
                >
                  Request changes
                </button>
              </div>
              <label className="field inline" htmlFor={ids.reason}>
                <span>Reason for rejecting (optional)</span>
                <input id={ids.reason} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
              </label>
              <div className="actions">
                <button
                  type="button"
                  className="button danger"
                  disabled={pending}
                  data-mutates="item.review"
                  onClick={() =>
                    void run(
                      'Rejected: nothing is published for this item.',
                      reject.run({ input: { itemId: item.id, reason: reason || undefined } }),
                    )
                  }
                >
                  Reject
                </button>
              </div>
            </div>
          )}
          {mayEdit && item.asset && editing === null && (
            <button
              type="button"
              className="button secondary"
              disabled={pending}
              data-mutates="asset.write"
              onClick={() => setEditing(item.asset!.text)}
            >
              Edit text
            </button>
          )}
          {mayEdit && editing !== null && (
            <div className="edit-text">
              <label className="field" htmlFor={ids.text}>
                <span>Text (your edit is attributed to you; you cannot approve the item afterwards)</span>
                <textarea
                  id={ids.text}
                  rows={6}
                  maxLength={5000}
                  value={editing}
                  onChange={(e) => setEditing(e.target.value)}
                />
              </label>
              <div className="actions">
                <button type="button" className="button secondary" onClick={() => setEditing(null)}>
                  Cancel edit
                </button>
                <button
                  type="button"
                  className="button primary"
                  disabled={pending || !editing.trim()}
                  data-mutates="asset.write"
                  onClick={() =>
                    void run(
                      'Edit saved: the content policy checks the new text, then it returns to review.',
                      edit.run({ input: { itemId: item.id, text: editing } }).then((r) => {
                        if (r) setEditing(null);
                        return r;
                      }),
                    )
                  }
                >
                  Save text
                </button>
              </div>
            </div>
          )}
          <ErrorBox error={errors} />
        </div>
      </div>
    </li>
  );
}
