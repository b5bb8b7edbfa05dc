import { useCallback, useId, useState } from 'react';
import type { PublishStatus } from '../gql/graphql';
import { ApprovePostMutation, RejectPostMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useMe } from '../auth/session';
import { useClientScope } from '../auth/workspace';
import { ErrorBox, Notice } from './feedback';

export interface DecidablePost {
  id: string;
  status: PublishStatus;
  authorIds: string[];
  approvals: { approverId: string }[];
}

/** Approve (an Update: it answers once recorded) and reject (a signal), through the API. */
export function useDecisions(onDone: () => Promise<void> | void) {
  const approve = useMutation(ApprovePostMutation);
  const reject = useMutation(RejectPostMutation);
  const [done, setDone] = useState<{ postId: string; text: string } | null>(null);
  const [lastPostId, setLastPostId] = useState<string | null>(null);
  /**
   * `shownChecksum` is the checksum of the text the page displayed, not a fresh one: the server refuses the
   * approval when the text changed while the reviewer was reading (C-23).
   */
  const decide = useCallback(
    async (kind: 'approve' | 'reject', postId: string, note?: string, shownChecksum?: string) => {
      setDone(null);
      setLastPostId(postId);
      approve.reset();
      reject.reset();
      const r =
        kind === 'approve'
          ? shownChecksum &&
            (await approve.run({ input: { postId, assetChecksum: shownChecksum, note: note || undefined } }))
          : await reject.run({ input: { postId, note: note || undefined } });
      if (!r) return;
      setDone({
        postId,
        text:
          kind === 'approve'
            ? 'Approval recorded. The workflow takes it from here; the status updates by itself.'
            : 'Rejected. The post will not be published.',
      });
      await onDone();
    },
    [approve, reject, onDone],
  );
  return { decide, pending: approve.pending || reject.pending, error: approve.error ?? reject.error, lastPostId, done };
}

/** Why the signed-in operator may not approve this post, or null when they may. */
export function approveBlocker(post: DecidablePost, meId: string, fourEyes: boolean): string | null {
  // Everyone who wrote or edited the text is an author; the server refuses their approval too (C-21).
  if (fourEyes && post.authorIds.includes(meId))
    return 'Four eyes: you wrote this post, so someone else must approve it.';
  if (post.approvals.some((a) => a.approverId === meId)) return 'You have approved this post already.';
  return null;
}

export function DecisionBar({
  post,
  fourEyes,
  decisions,
  shownChecksum,
}: {
  post: DecidablePost;
  fourEyes: boolean;
  decisions: ReturnType<typeof useDecisions>;
  /** the checksum of the text this page displays (undefined while it loads: nothing to approve yet) */
  shownChecksum: string | undefined;
}) {
  const me = useMe();
  const { can } = useClientScope();
  const [note, setNote] = useState('');
  const ids = { note: useId(), why: useId() };
  const decided = decisions.done?.postId === post.id ? decisions.done.text : null;
  // The answer stays in view after the post has left the queue (an approval now returns once it is recorded).
  if (!can('post.approve') || post.status !== 'awaiting_approval')
    return decided ? <Notice tone="success">{decided}</Notice> : null;
  const blocker = approveBlocker(post, me.id, fourEyes);
  return (
    <div className="decision" data-testid="decision">
      <label className="field inline" htmlFor={ids.note}>
        <span>Note (optional; shown as the reason when rejecting)</span>
        <input
          id={ids.note}
          name="note"
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-note-for={post.id}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!!blocker || decisions.pending || !shownChecksum}
          aria-describedby={blocker ? ids.why : undefined}
          onClick={() => void decisions.decide('approve', post.id, note, shownChecksum)}
          data-mutates="post.approve"
        >
          Approve
        </button>
        <button
          type="button"
          className="button danger"
          disabled={decisions.pending}
          onClick={() => void decisions.decide('reject', post.id, note)}
          data-mutates="post.approve"
        >
          Reject
        </button>
      </div>
      {blocker && (
        <p id={ids.why} className="blocker" data-testid="approve-blocked">
          {blocker}
        </p>
      )}
      {decided && <Notice tone="success">{decided}</Notice>}
      {decisions.lastPostId === post.id && <ErrorBox error={decisions.error} />}
    </div>
  );
}
