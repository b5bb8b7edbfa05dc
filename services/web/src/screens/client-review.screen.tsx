import { type FormEvent, useId, useMemo, useState } from 'react';
import { excerpt, useAccounts, useAssetTexts } from '../api/client-data';
import {
  AddClientReviewerMutation,
  ClientReviewersQuery,
  CreateReviewLinkMutation,
  DisableClientReviewerMutation,
  ReviewBatchCandidatesQuery,
  ReviewLinksQuery,
  RevokeReviewLinkMutation,
} from '../api/client-review-operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import type { ClientReviewersQuery as ReviewersAnswer, ReviewLinkStatus } from '../gql/graphql';
import { addDays, dayKeyOf, formatDateTime } from '../time/zoned-time';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';
import { StatusBadge } from '../ui/status-badge';

type Reviewer = ReviewersAnswer['clientReviewers'][number];

const LINK_STATUS: Record<ReviewLinkStatus, { label: string; tone: string }> = {
  active: { label: 'Active', tone: 'success' },
  expired: { label: 'Expired', tone: 'muted' },
  revoked: { label: 'Revoked', tone: 'danger' },
};

/** How far ahead a batch link may pick posts from. */
const BATCH_DAYS = 90;

/**
 * The client's side of approvals (issue #14): the people at the client who approve posts, and the review links
 * they get (docs/client-portal.md). A link's URL is shown once, when made: only its hash is kept.
 */
export function ClientReviewScreen() {
  const { client, can } = useClientScope();
  const mayManage = can('review_link.manage');
  const reviewers = useQuery(ClientReviewersQuery, { clientId: client.id });
  const links = useQuery(ReviewLinksQuery, { clientId: client.id }, { pollMs: 30_000 });
  const [created, setCreated] = useState<{ url: string; emailed: boolean; reviewer: string } | null>(null);
  const list = reviewers.data?.clientReviewers;
  return (
    <Page
      title="Client review"
      subtitle={`${client.name} · people at the client approve posts through a review link, without an account`}
    >
      {!mayManage && (
        <Notice>An Admin, Manager or Publisher adds reviewers and makes links. You can read them here.</Notice>
      )}
      <section className="panel" aria-labelledby="reviewers-heading">
        <h2 id="reviewers-heading">Reviewers</h2>
        <ErrorBox error={reviewers.error} onRetry={() => void reviewers.reload()} />
        {!list && !reviewers.error && <Loading what="the reviewers" />}
        {list && list.length === 0 && (
          <Empty title="No reviewers yet">
            Add the person at {client.name} who approves posts; they get a review link, never an account.
          </Empty>
        )}
        {list && list.length > 0 && (
          <table className="table" data-testid="client-reviewers">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">State</th>
                {mayManage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <ReviewerRow
                  key={r.id}
                  reviewer={r}
                  mayManage={mayManage}
                  onChanged={async () => {
                    await Promise.all([reviewers.reload(), links.reload()]);
                  }}
                />
              ))}
            </tbody>
          </table>
        )}
        {mayManage && <AddReviewer onAdded={() => reviewers.reload()} />}
      </section>

      {created && <LinkOnce {...created} onDone={() => setCreated(null)} />}

      {mayManage && list && list.some((r) => !r.disabledAt) && (
        <NewLink
          reviewers={list.filter((r) => !r.disabledAt)}
          onCreated={async (c) => {
            setCreated(c);
            await links.reload();
          }}
        />
      )}

      <section className="panel" aria-labelledby="links-heading">
        <h2 id="links-heading">Review links</h2>
        <ErrorBox error={links.error} onRetry={() => void links.reload()} />
        {!links.data && !links.error && <Loading what="the review links" />}
        {links.data && links.data.reviewLinks.length === 0 && (
          <Empty title="No review links yet">Make one for a reviewer above; its address is shown once.</Empty>
        )}
        {links.data && links.data.reviewLinks.length > 0 && (
          <table className="table" data-testid="review-links">
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Posts</th>
                <th scope="col">Status</th>
                <th scope="col">Expires ({client.timezone})</th>
                <th scope="col">Last used</th>
                {mayManage && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {links.data.reviewLinks.map((l) => (
                <tr key={l.id} data-review-link={l.id} data-status={l.status}>
                  <td>
                    {l.reviewerName}
                    {l.requiresCode && <div className="hint">asks for a code by email</div>}
                  </td>
                  <td>
                    {l.postIds
                      ? `${l.postIds.length} chosen ${l.postIds.length === 1 ? 'post' : 'posts'}`
                      : 'All waiting'}
                  </td>
                  <td>
                    <span className={`badge badge-${LINK_STATUS[l.status].tone}`} data-testid="link-status">
                      {LINK_STATUS[l.status].label}
                    </span>
                    {l.revokedAt && <div className="hint">{formatDateTime(l.revokedAt, client.timezone)}</div>}
                  </td>
                  <td>{formatDateTime(l.expiresAt, client.timezone)}</td>
                  <td>{l.lastUsedAt ? formatDateTime(l.lastUsedAt, client.timezone) : 'never'}</td>
                  {mayManage && (
                    <td>
                      {l.status === 'active' && (
                        <RevokeButton linkId={l.id} reviewer={l.reviewerName} onDone={() => links.reload()} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}

function ReviewerRow({
  reviewer,
  mayManage,
  onChanged,
}: {
  reviewer: Reviewer;
  mayManage: boolean;
  onChanged: () => Promise<void>;
}) {
  const { client } = useClientScope();
  const disable = useMutation(DisableClientReviewerMutation);
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-reviewer={reviewer.id}>
      <td>{reviewer.name}</td>
      <td>
        <code>{reviewer.email}</code>
      </td>
      <td>
        {reviewer.disabledAt ? (
          <>
            <span className="badge badge-muted">Disabled</span>
            <div className="hint">{formatDateTime(reviewer.disabledAt, client.timezone)}</div>
          </>
        ) : (
          <span className="badge badge-success">Active</span>
        )}
      </td>
      {mayManage && (
        <td>
          {!reviewer.disabledAt && (
            <button
              type="button"
              className="button danger small"
              data-mutates="review_link.manage"
              onClick={() => setConfirming(true)}
            >
              Disable
            </button>
          )}
          <ConfirmDialog
            open={confirming}
            title={`Disable ${reviewer.name}?`}
            confirmLabel="Disable the reviewer"
            danger
            pending={disable.pending}
            error={disable.error}
            onConfirm={() =>
              void disable.run({ input: { clientId: client.id, reviewerId: reviewer.id } }).then(async (r) => {
                if (!r) return;
                setConfirming(false);
                await onChanged();
              })
            }
            onCancel={() => {
              disable.reset();
              setConfirming(false);
            }}
          >
            <p>
              Their review links stop working at once, and approvals they gave stop counting for posts that have not
              gone out yet.
            </p>
          </ConfirmDialog>
        </td>
      )}
    </tr>
  );
}

function AddReviewer({ onAdded }: { onAdded: () => Promise<void> }) {
  const { client } = useClientScope();
  const add = useMutation(AddClientReviewerMutation);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const ids = { name: useId(), email: useId() };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const r = await add.run({ input: { clientId: client.id, name: name.trim(), email: email.trim() } });
    if (!r) return;
    setAdded(name.trim());
    setName('');
    setEmail('');
    await onAdded();
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="inline-form" autoComplete="off" aria-label="Add a reviewer">
      <label className="field inline" htmlFor={ids.name}>
        <span>Name</span>
        <input id={ids.name} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field inline" htmlFor={ids.email}>
        <span>Email</span>
        <input
          id={ids.email}
          type="email"
          required
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <button type="submit" className="button primary" disabled={add.pending} data-mutates="review_link.manage">
        {add.pending ? 'Adding…' : 'Add reviewer'}
      </button>
      <ErrorBox error={add.error} />
      {added && <Notice tone="success">{added} was added.</Notice>}
    </form>
  );
}

function NewLink({
  reviewers,
  onCreated,
}: {
  reviewers: Reviewer[];
  onCreated: (c: { url: string; emailed: boolean; reviewer: string }) => Promise<void>;
}) {
  const { client } = useClientScope();
  const create = useMutation(CreateReviewLinkMutation);
  const [reviewerId, setReviewerId] = useState(reviewers[0]?.id ?? '');
  const [scope, setScope] = useState<'waiting' | 'batch'>('waiting');
  const [postIds, setPostIds] = useState<string[]>([]);
  const [days, setDays] = useState('30');
  const [requireCode, setRequireCode] = useState(false);
  const [sendEmail, setSendEmail] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { reviewer: useId(), days: useId(), scope: useId() };
  const chosen = reviewers.some((r) => r.id === reviewerId) ? reviewerId : (reviewers[0]?.id ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (scope === 'batch' && postIds.length === 0) return setProblem('Choose at least one post for this link.');
    const r = await create.run({
      input: {
        clientId: client.id,
        reviewerId: chosen,
        postIds: scope === 'batch' ? postIds : undefined,
        expiresInDays: Number(days),
        requireCode,
        sendEmail,
      },
    });
    if (!r) return;
    setPostIds([]);
    await onCreated({
      url: r.createReviewLink.url,
      emailed: r.createReviewLink.emailed,
      reviewer: r.createReviewLink.link.reviewerName,
    });
  };

  return (
    <section className="panel" aria-labelledby="new-link-heading">
      <h2 id="new-link-heading">New review link</h2>
      <form onSubmit={(e) => void submit(e)} autoComplete="off">
        <label className="field narrow" htmlFor={ids.reviewer}>
          <span>Reviewer</span>
          <select id={ids.reviewer} value={chosen} onChange={(e) => setReviewerId(e.target.value)}>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.email})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="fieldset">
          <legend>Posts</legend>
          <label className="radio">
            <input type="radio" name={ids.scope} checked={scope === 'waiting'} onChange={() => setScope('waiting')} />
            <span>
              Every post waiting for the client <span className="hint">(now and later, while the link works)</span>
            </span>
          </label>
          <label className="radio">
            <input type="radio" name={ids.scope} checked={scope === 'batch'} onChange={() => setScope('batch')} />
            <span>Only the posts I choose</span>
          </label>
          {scope === 'batch' && <BatchPicker chosen={postIds} onChange={setPostIds} />}
        </fieldset>
        <label className="field narrow" htmlFor={ids.days}>
          <span>Expires after (days, 1–90)</span>
          <input
            id={ids.days}
            type="number"
            min={1}
            max={90}
            required
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={requireCode} onChange={(e) => setRequireCode(e.target.checked)} />
          <span>
            Ask for a code <span className="hint">sent to the reviewer’s email each time the link is opened</span>
          </span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={sendEmail} onChange={(e) => setSendEmail(e.target.checked)} />
          <span>Email the link to the reviewer now</span>
        </label>
        {problem && <Notice tone="warning">{problem}</Notice>}
        <ErrorBox error={create.error} />
        <button type="submit" className="button primary" disabled={create.pending} data-mutates="review_link.manage">
          {create.pending ? 'Creating…' : 'Create review link'}
        </button>
      </form>
    </section>
  );
}

/** The client's upcoming posts that have not ended, to name in a batch link. */
function BatchPicker({ chosen, onChange }: { chosen: string[]; onChange: (ids: string[]) => void }) {
  const { client } = useClientScope();
  const tz = client.timezone;
  const from = dayKeyOf(new Date(), tz);
  const q = useQuery(ReviewBatchCandidatesQuery, { clientId: client.id, from, to: addDays(from, BATCH_DAYS) });
  const assets = useAssetTexts(client.id);
  const accounts = useAccounts(client.id);
  const upcoming = useMemo(
    () => (q.data?.postCalendar ?? []).filter((p) => !p.final && new Date(p.scheduledAt).getTime() > Date.now()),
    [q.data],
  );
  if (!q.data) return q.error ? <ErrorBox error={q.error} onRetry={() => void q.reload()} /> : <Loading what="posts" />;
  if (!upcoming.length) return <p className="hint">No upcoming posts in the next {BATCH_DAYS} days.</p>;
  return (
    <ul className="plain-list batch-picker" aria-label="Upcoming posts" data-testid="batch-picker">
      {upcoming.map((p) => {
        const account = accounts.byId.get(p.platformAccountId);
        return (
          <li key={p.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                data-post={p.id}
                checked={chosen.includes(p.id)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, p.id] : chosen.filter((x) => x !== p.id))}
              />
              <span>
                <strong>{formatDateTime(p.scheduledAt, tz)}</strong>{' '}
                {account && <span className="hint">{`${account.handle} (${account.platform})`}</span>}{' '}
                <StatusBadge status={p.status} /> {excerpt(assets.byId.get(p.assetId)?.text, 70)}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** The link's address, this once: it holds the token, which Raize keeps only as a hash. */
function LinkOnce({
  url,
  emailed,
  reviewer,
  onDone,
}: {
  url: string;
  emailed: boolean;
  reviewer: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Notice tone="warning">
      <p>
        Review link for <strong>{reviewer}</strong>, shown this once: copy it now and send it to them.
        {emailed ? ' It was also emailed to them.' : ''} Anyone with the link can review as {reviewer} until it expires
        or you revoke it.
      </p>
      <p className="break">
        <code data-testid="review-link-url">{url}</code>
      </p>
      <div className="actions">
        <button type="button" className="button primary small" onClick={() => void copy()}>
          Copy link
        </button>
        <button type="button" className="button secondary small" onClick={onDone}>
          I have copied it
        </button>
        {copied === 'yes' && <span role="status">Copied.</span>}
        {copied === 'no' && <span role="status">This browser did not allow copying: select the link and copy it.</span>}
      </div>
    </Notice>
  );
}

function RevokeButton({ linkId, reviewer, onDone }: { linkId: string; reviewer: string; onDone: () => Promise<void> }) {
  const { client } = useClientScope();
  const revoke = useMutation(RevokeReviewLinkMutation);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button danger small"
        data-mutates="review_link.manage"
        onClick={() => setConfirming(true)}
      >
        Revoke
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Revoke ${reviewer}’s link?`}
        confirmLabel="Revoke the link"
        danger
        pending={revoke.pending}
        error={revoke.error}
        onConfirm={() =>
          void revoke.run({ input: { clientId: client.id, linkId } }).then(async (r) => {
            if (!r) return;
            setConfirming(false);
            await onDone();
          })
        }
        onCancel={() => {
          revoke.reset();
          setConfirming(false);
        }}
      >
        <p>The link stops working at once, also on a page the reviewer has open. Decisions already made stand.</p>
      </ConfirmDialog>
    </>
  );
}
