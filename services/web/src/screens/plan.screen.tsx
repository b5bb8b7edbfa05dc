import { useId, useState } from 'react';
import { useAccounts } from '../api/client-data';
import {
  ApprovePlanMutation,
  PlanItemsQuery,
  PlanQuery,
  PolicySettingsQuery,
  RejectPlanMutation,
} from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useMe } from '../auth/session';
import { useClientScope } from '../auth/workspace';
import type { PlanQuery as PlanResult, PlanStatus } from '../gql/graphql';
import { Link } from '../routing/router';
import { formatDateTime } from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';
import { ItemStatusBadge, PlanStatusBadge } from '../ui/plan-status';

type Plan = PlanResult['plan'];
const SETTLED: PlanStatus[] = ['rejected', 'failed'];

/** One plan: its request, live status, items on the client's clock, and the decision when it awaits one. */
export function PlanScreen({ planId }: { planId: string }) {
  const { client } = useClientScope();
  const [settled, setSettled] = useState(false);
  // Kept here: once decided, the plan no longer awaits approval and the decision bar goes, the answer stays.
  const [decided, setDecided] = useState<string | null>(null);
  const q = useQuery(PlanQuery, { id: planId }, { pollMs: settled ? 15000 : 2000 });
  const itemsQ = useQuery(PlanItemsQuery, { id: planId }, { pollMs: settled ? 15000 : 2000 });
  const items = itemsQ.data?.plan.items;
  const accounts = useAccounts(client.id);
  const handleOf = (id: string, fallback = 'an account') => accounts.byId.get(id)?.handle ?? fallback;
  const plan = q.data?.plan;
  const status = plan ? (plan.workflowStatus ?? plan.status) : undefined;
  if (status && SETTLED.includes(status) !== settled) setSettled(SETTLED.includes(status));

  if (!plan)
    return (
      <Page title="Plan">
        {q.error ? <ErrorBox error={q.error} onRetry={() => void q.reload()} /> : <Loading what="the plan" />}
      </Page>
    );
  return (
    <Page
      title="Plan"
      subtitle={
        <>
          {plan.startDate} – {plan.endDate} ({plan.timezone}) · <PlanStatusBadge status={status!} />
        </>
      }
      actions={
        <Link to={`/c/${client.id}/plans`} className="button secondary">
          All plans
        </Link>
      }
    >
      <section className="panel">
        <h2>Request</h2>
        <dl className="facts">
          <dt>Goals</dt>
          <dd className="pre-line">{plan.goals}</dd>
          <dt>Accounts</dt>
          <dd>
            {plan.targets
              .map(
                (t) =>
                  `${handleOf(t.platformAccountId, t.platform)}: ${t.postsPerWeek}/week ${
                    t.timing === 'queue' ? 'in its queue slots' : `at ${t.postingTimes.join(', ')}`
                  }${t.crossPostAccountIds.length ? `, also to ${t.crossPostAccountIds.map((id) => handleOf(id)).join(', ')}` : ''}`,
              )
              .join(' · ')}
          </dd>
          <dt>Pillars</dt>
          <dd>{plan.pillars.map((p) => `${p.name} (${p.weight})`).join(', ')}</dd>
          <dt>Approval</dt>
          <dd>{plan.requiresApproval ? 'needed before anything is created' : 'not needed'}</dd>
          <dt>Asked for</dt>
          <dd>{formatDateTime(plan.createdAt, client.timezone)}</dd>
        </dl>
        {plan.reasons.length > 0 && (
          <ul className="reasons" data-testid="plan-reasons">
            {plan.reasons.map((r) => (
              <li key={r.code}>
                {r.message}
                {r.retryAt && <> (tries again at {formatDateTime(r.retryAt, client.timezone)})</>}
              </li>
            ))}
          </ul>
        )}
        {status === 'awaiting_approval' && (
          <PlanDecision
            plan={plan}
            onDone={async (text) => {
              setDecided(text);
              await q.reload();
            }}
          />
        )}
        {decided && <Notice tone="success">{decided}</Notice>}
      </section>
      <h2>Items</h2>
      <ErrorBox error={itemsQ.error} onRetry={() => void itemsQ.reload()} />
      {!items && !itemsQ.error && <Loading what="the items" />}
      {items && items.length === 0 && (
        <Empty title="No items yet">The planner adds them here; the page follows by itself.</Empty>
      )}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table className="table plan-items">
            <thead>
              <tr>
                <th scope="col">Slot ({plan.timezone})</th>
                <th scope="col">Account</th>
                <th scope="col">Format</th>
                <th scope="col">Pillar</th>
                <th scope="col">Brief</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} data-item={i.id}>
                  <td>
                    {i.localDate} {i.localTime}
                  </td>
                  <td>
                    {accounts.byId.get(i.platformAccountId)?.handle ?? 'an account'}{' '}
                    <span className="hint">({i.platform})</span>
                    {i.crossPostAccountIds.length > 0 && (
                      <span className="block hint">
                        also to {i.crossPostAccountIds.map((id) => handleOf(id)).join(', ')}
                      </span>
                    )}
                    {i.timing === 'queue' && <span className="block hint">queue slot</span>}
                  </td>
                  <td>{i.format}</td>
                  <td>{i.pillar}</td>
                  <td className="brief">{i.brief}</td>
                  <td>
                    <ItemStatusBadge status={i.status} />
                    {['in_review', 'policy_blocked', 'parked'].includes(i.status) && (
                      <Link className="block" to={`/c/${client.id}/review?item=${i.id}`}>
                        Review
                      </Link>
                    )}
                    {i.publishJobIds.map((postId) => (
                      <Link key={postId} className="block" to={`/c/${client.id}/posts/${postId}`}>
                        Open post
                      </Link>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function PlanDecision({ plan, onDone }: { plan: Plan; onDone: (text: string) => Promise<void> }) {
  const { client, can } = useClientScope();
  const me = useMe();
  const policy = useQuery(PolicySettingsQuery, { clientId: client.id });
  const approve = useMutation(ApprovePlanMutation);
  const reject = useMutation(RejectPlanMutation);
  const [note, setNote] = useState('');
  const ids = { note: useId(), why: useId() };
  if (!can('plan.approve')) return <Notice>The plan waits for an approval from someone whose role allows it.</Notice>;
  const fourEyes = policy.data?.policySettings.fourEyes ?? true;
  // The server refuses the requester's approval under four eyes too (C-21).
  const blocker =
    fourEyes && plan.createdBy === me.id
      ? 'Four eyes: you asked for this plan, so someone else must approve it.'
      : null;
  const decide = async (kind: 'approve' | 'reject') => {
    const input = { planId: plan.id, note: note || undefined };
    const r = kind === 'approve' ? await approve.run({ input }) : await reject.run({ input });
    if (!r) return;
    await onDone(
      kind === 'approve' ? 'Plan approved: its items are being created.' : 'Plan rejected: nothing is created.',
    );
  };
  return (
    <div className="decision" data-testid="plan-decision">
      <label className="field inline" htmlFor={ids.note}>
        <span>Note (optional)</span>
        <input id={ids.note} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!!blocker || approve.pending || reject.pending}
          aria-describedby={blocker ? ids.why : undefined}
          onClick={() => void decide('approve')}
          data-mutates="plan.approve"
        >
          Approve plan
        </button>
        <button
          type="button"
          className="button danger"
          disabled={approve.pending || reject.pending}
          onClick={() => void decide('reject')}
          data-mutates="plan.approve"
        >
          Reject plan
        </button>
      </div>
      {blocker && (
        <p id={ids.why} className="blocker" data-testid="approve-blocked">
          {blocker}
        </p>
      )}
      <ErrorBox error={approve.error ?? reject.error} />
    </div>
  );
}
