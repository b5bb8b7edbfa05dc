import { useId, useState } from 'react';
import { ApproveReplyMutation, ConversationRepliesQuery, RejectReplyMutation } from '../../api/inbox-operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import type { ConversationRepliesQuery as RepliesAnswer } from '../../gql/graphql';
import { formatDateTime } from '../../time/zoned-time';
import { ErrorBox, Loading, Notice } from '../../ui/feedback';
import { type Gate, GateReason, useGate } from './inbox-gate';

type Reply = RepliesAnswer['conversationReplies'][number];

// InboxReply.status is a String in the API (services/core engagement replies); unknown ones keep their own words.
const REPLY_STATUS: Partial<Record<string, { label: string; tone: string }>> = {
  draft: { label: 'Draft: awaits approval', tone: 'attention' },
  approved: { label: 'Approved: sending', tone: 'info' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  refused: { label: 'Refused', tone: 'danger' },
};

/** The replies drafted (by the AI or an operator) and sent on the conversation, with the decisions on drafts. */
export function ConversationReplies({
  conversationId,
  timezone,
  onDecided,
}: {
  conversationId: string;
  timezone: string;
  onDecided: () => void;
}) {
  const gate = useGate('reply.approve');
  const q = useQuery(ConversationRepliesQuery, { conversationId }, { pollMs: 4000 });
  const replies = q.data?.conversationReplies;
  return (
    <div className="panel" data-testid="conversation-replies">
      <h3>Replies</h3>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!replies && !q.error && <Loading what="the replies" />}
      {replies && replies.length === 0 && <p className="hint">No reply drafted or sent yet.</p>}
      {replies && replies.length > 0 && (
        <ol className="plain-list" aria-label="Replies">
          {replies.map((r) => (
            <ReplyCard
              key={r.id}
              reply={r}
              timezone={timezone}
              gate={gate}
              onDecided={async () => {
                await q.reload();
                onDecided();
              }}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function ReplyCard({
  reply: r,
  timezone,
  gate,
  onDecided,
}: {
  reply: Reply;
  timezone: string;
  gate: Gate;
  onDecided: () => Promise<void>;
}) {
  const approve = useMutation(ApproveReplyMutation);
  const reject = useMutation(RejectReplyMutation);
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const ids = { text: useId(), note: useId() };
  const look = REPLY_STATUS[r.status] ?? { label: r.status.replace(/_/g, ' '), tone: 'neutral' };
  // Likes and hides are decided by the router's rules; only words a person can read are approved here.
  const decidable = r.status === 'draft' && (r.action === 'reply' || r.action === 'dm');
  const pending = approve.pending || reject.pending;
  const off = !gate.allowed || pending;
  const run = async (what: string, p: Promise<unknown>) => {
    if (!(await p)) return;
    setDone(what);
    setEditing(null);
    await onDecided();
  };
  return (
    <li className="inbox-reply" data-reply={r.id} data-status={r.status}>
      <p className="inbox-badges">
        <span className={`badge badge-${look.tone}`}>{look.label}</span>
        <span className="badge badge-neutral">{r.action}</span>
        <span className="hint">
          {r.authorKind === 'ai' ? 'drafted by the AI' : 'written by an operator'}
          {r.sentAt && (
            <>
              {' '}
              · sent <time dateTime={r.sentAt}>{formatDateTime(r.sentAt, timezone)}</time>
            </>
          )}
        </span>
      </p>
      {r.action !== 'like' && r.action !== 'hide' && <p className="pre-line">{r.text}</p>}
      {r.reasons.length > 0 && (
        <ul className="reasons">
          {r.reasons.map((x, i) => (
            <li key={`${x.code}-${i}`}>{x.message}</li>
          ))}
        </ul>
      )}
      {decidable && (
        <div className="decision">
          <GateReason gate={gate} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={off || editing !== null}
              aria-describedby={gate.reasonId}
              data-mutates="reply.approve"
              // The checksum of the text on screen: a draft changed since is refused (C-23).
              onClick={() =>
                void run(
                  'Approved: the episode sends it.',
                  approve.run({ input: { replyId: r.id, checksum: r.checksum } }),
                )
              }
            >
              Approve as is
            </button>
            {editing === null && (
              <button
                type="button"
                className="button secondary"
                disabled={off}
                aria-describedby={gate.reasonId}
                data-mutates="reply.approve"
                onClick={() => setEditing(r.text)}
              >
                Edit and approve
              </button>
            )}
          </div>
          {editing !== null && (
            <div className="edit-text">
              <label className="field" htmlFor={ids.text}>
                <span>Reply text (you become its author)</span>
                <textarea
                  id={ids.text}
                  rows={4}
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
                  disabled={off || !editing.trim()}
                  data-mutates="reply.approve"
                  onClick={() =>
                    void run(
                      'Edited and approved: the episode checks the new text and sends it.',
                      approve.run({ input: { replyId: r.id, checksum: r.checksum, text: editing } }),
                    )
                  }
                >
                  Approve edited reply
                </button>
              </div>
            </div>
          )}
          <label className="field" htmlFor={ids.note}>
            <span>Reason for rejecting (optional)</span>
            <input
              id={ids.note}
              maxLength={500}
              value={note}
              disabled={!gate.allowed}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <div className="actions">
            <button
              type="button"
              className="button danger"
              disabled={off}
              aria-describedby={gate.reasonId}
              data-mutates="reply.approve"
              onClick={() =>
                void run(
                  'Rejected: nothing is sent.',
                  reject.run({ input: { replyId: r.id, note: note.trim() || undefined } }),
                )
              }
            >
              Reject
            </button>
          </div>
        </div>
      )}
      {done && <Notice tone="success">{done}</Notice>}
      <ErrorBox error={approve.error ?? reject.error} />
    </li>
  );
}
