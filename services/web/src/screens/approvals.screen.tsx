import { useEffect, useRef, useState } from 'react';
import { useAccounts, useAssetTexts } from '../api/client-data';
import { PolicySettingsQuery } from '../api/operations';
import { useQuery } from '../api/use-query';
import { useMe } from '../auth/session';
import { useClientScope } from '../auth/workspace';
import { Link, navigate } from '../routing/router';
import { formatDateTime } from '../time/zoned-time';
import { approveBlocker, DecisionBar, useDecisions } from '../ui/decisions';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';
import { useApprovalQueue } from '../ui/use-approval-queue';

/** Posts waiting for a person: preview, approve or reject, with keyboard shortcuts for a long queue. */
export function ApprovalsScreen() {
  const { client, can } = useClientScope();
  const me = useMe();
  const pages = useApprovalQueue(client.id, 3000);
  const assets = useAssetTexts(client.id, 10000);
  const accounts = useAccounts(client.id);
  const policy = useQuery(PolicySettingsQuery, { clientId: client.id });
  const decisions = useDecisions(pages.reload);
  const fourEyes = policy.data?.policySettings.fourEyes ?? true;
  const queue = pages.posts ?? [];
  const [selected, setSelected] = useState(0);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const mayDecide = can('post.approve');

  useEffect(() => {
    if (selected >= queue.length && queue.length) setSelected(queue.length - 1);
  }, [queue.length, selected]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || t.closest('input, textarea, select, dialog')) return;
      const post = queue[selected];
      const move = (n: number) => {
        const next = Math.min(Math.max(selected + n, 0), queue.length - 1);
        setSelected(next);
        items.current[next]?.focus();
      };
      if (e.key === 'j' || e.key === 'ArrowDown') move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
      else if (e.key === 'o' && post) navigate(`/c/${client.id}/posts/${post.id}`);
      else if (mayDecide && post && e.key === 'a' && !approveBlocker(post, me.id, fourEyes) && !decisions.pending)
        void decisions.decide('approve', post.id, undefined, assets.byId.get(post.assetId)?.checksum);
      else if (mayDecide && post && e.key === 'r' && !decisions.pending) {
        const note = document.querySelector<HTMLInputElement>(`[data-note-for="${post.id}"]`)?.value;
        void decisions.decide('reject', post.id, note);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [queue, selected, client.id, me.id, fourEyes, decisions, mayDecide, assets.byId]);

  return (
    <Page
      title="Approvals"
      subtitle={`${client.name} · four eyes ${fourEyes ? 'on: authors cannot approve their own posts' : 'off'}`}
    >
      <p className="hint shortcuts" id="shortcuts">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>o</kbd> open
        {mayDecide && (
          <>
            {' '}
            · <kbd>a</kbd> approve · <kbd>r</kbd> reject (with the note typed)
          </>
        )}
      </p>
      <ErrorBox error={pages.error} onRetry={() => void pages.reload()} />
      {decisions.done && !queue.some((p) => p.id === decisions.done?.postId) && (
        <Notice tone="success">{decisions.done.text}</Notice>
      )}
      {!pages.posts && !pages.error && <Loading what="the queue" />}
      {pages.posts && queue.length === 0 && (
        <Empty title="Nothing waits for approval">New posts that need a person show up here by themselves.</Empty>
      )}
      {queue.length > 0 && (
        <ol className="queue" aria-describedby="shortcuts">
          {queue.map((p, i) => {
            const account = accounts.byId.get(p.platformAccountId);
            return (
              <li
                key={p.id}
                ref={(el) => {
                  items.current[i] = el;
                }}
                tabIndex={-1}
                className={`queue-item ${i === selected ? 'selected' : ''}`}
                onFocus={() => setSelected(i)}
                onClick={() => setSelected(i)}
                data-post={p.id}
              >
                <div className="queue-meta">
                  <span>
                    {formatDateTime(p.scheduledAt, client.timezone)} ({client.timezone})
                  </span>
                  <span>on {account ? `${account.handle} (${account.platform})` : 'an account'}</span>
                  <span>{p.authorIds.includes(me.id) ? 'written by you' : 'written by a colleague'}</span>
                  <Link to={`/c/${client.id}/posts/${p.id}`}>Open post</Link>
                </div>
                <blockquote className="preview">
                  {assets.byId.get(p.assetId)?.text ?? <Loading what="the text" />}
                </blockquote>
                {p.reasons.length > 0 && (
                  <ul className="reasons">
                    {p.reasons.map((r) => (
                      <li key={r.code}>{r.message}</li>
                    ))}
                  </ul>
                )}
                {p.approvals.length > 0 && (
                  <p className="hint">Approvals so far: {p.approvals.map((a) => a.role).join(', ')}</p>
                )}
                <DecisionBar
                  post={p}
                  fourEyes={fourEyes}
                  decisions={decisions}
                  shownChecksum={assets.byId.get(p.assetId)?.checksum}
                />
              </li>
            );
          })}
        </ol>
      )}
      {queue.length > 0 && pages.more && (
        <button
          type="button"
          className="button secondary"
          data-testid="approvals-load-more"
          disabled={pages.loadingMore}
          onClick={pages.loadMore}
        >
          {pages.loadingMore ? 'Loading more…' : 'Load more'}
        </button>
      )}
    </Page>
  );
}
