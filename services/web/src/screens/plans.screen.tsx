import {
  PauseRecurringPlanningMutation,
  PlansQuery,
  RecurringPlanningQuery,
  ResumeRecurringPlanningMutation,
} from '../api/operations';
import { excerpt } from '../api/client-data';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import { Link } from '../routing/router';
import { formatDateTime } from '../time/zoned-time';
import { Empty, ErrorBox, Loading } from '../ui/feedback';
import { Page } from '../ui/page';
import { PlanStatusBadge } from '../ui/plan-status';

/** A client's content plans, newest first, and its recurring planning (a Temporal Schedule). */
export function PlansScreen() {
  const { client, can } = useClientScope();
  const plans = useQuery(PlansQuery, { clientId: client.id }, { pollMs: 5000 });
  const list = plans.data?.plans;
  return (
    <Page
      title="Plans"
      subtitle={`${client.name} · content plans and what they created`}
      actions={
        can('plan.create') && (
          <Link to={`/c/${client.id}/plans/new`} className="button primary" data-mutates="plan.create">
            New plan
          </Link>
        )
      }
    >
      <RecurringPlanningCard />
      <h2>Plans</h2>
      <ErrorBox error={plans.error} onRetry={() => void plans.reload()} />
      {!list && !plans.error && <Loading what="plans" />}
      {list && list.length === 0 && (
        <Empty title="No plans yet">
          {can('plan.create') ? 'Ask for one with “New plan”.' : 'Plans show here once someone asks for one.'}
        </Empty>
      )}
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Asked for</th>
                <th scope="col">Goals</th>
                <th scope="col">Dates ({client.timezone})</th>
                <th scope="col">Items</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} data-plan={p.id}>
                  <td>
                    <Link to={`/c/${client.id}/plans/${p.id}`}>{formatDateTime(p.createdAt, client.timezone)}</Link>
                    <span className="hint block">
                      {p.source === 'schedule' ? 'by the recurring Schedule' : 'by an operator'}
                    </span>
                  </td>
                  <td>{excerpt(p.goals, 90)}</td>
                  <td>
                    {p.startDate} – {p.endDate}
                  </td>
                  <td>{p.itemCount}</td>
                  <td>
                    <PlanStatusBadge status={p.workflowStatus ?? p.status} />
                    {p.reasons.length > 0 && <span className="hint block">{p.reasons[0].message}</span>}
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

function RecurringPlanningCard() {
  const { client, can } = useClientScope();
  const q = useQuery(RecurringPlanningQuery, { clientId: client.id });
  const pause = useMutation(PauseRecurringPlanningMutation);
  const resume = useMutation(ResumeRecurringPlanningMutation);
  const r = q.data?.recurringPlanning;
  const flip = async () => {
    const done = r?.paused ? await resume.run({ clientId: client.id }) : await pause.run({ clientId: client.id });
    if (done) await q.reload();
  };
  return (
    <section className="panel" aria-labelledby="recurring-heading" data-testid="recurring-planning">
      <h2 id="recurring-heading">Recurring planning</h2>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!q.data && !q.error && <Loading what="recurring planning" />}
      {q.data && !r && (
        <p>
          Not set up: plans are made only when someone asks.{' '}
          {can('plan.recurring') && (
            <Link to={`/c/${client.id}/plans/new?recurring=1`} data-mutates="plan.recurring">
              Plan every week or month
            </Link>
          )}
        </p>
      )}
      {r && (
        <>
          <dl className="facts">
            <dt>Cadence</dt>
            <dd>
              {r.cadence === 'monthly'
                ? 'Monthly: plans next month on the 20th'
                : 'Weekly: plans next week on Thursdays'}
            </dd>
            <dt>State</dt>
            <dd>
              <span className={`badge ${r.paused ? 'badge-warning' : 'badge-success'}`}>
                {r.paused ? 'Paused' : 'Running'}
              </span>
            </dd>
            <dt>Next run</dt>
            <dd>
              {r.paused || !r.nextRunAt ? '—' : `${formatDateTime(r.nextRunAt, client.timezone)} (${client.timezone})`}
            </dd>
            <dt>Goals</dt>
            <dd>{excerpt(r.goals, 160)}</dd>
            <dt>Accounts</dt>
            <dd>
              {r.targets
                .map((t) => `${t.platform}: ${t.postsPerWeek}/week at ${t.postingTimes.join(', ')}`)
                .join(' · ')}
            </dd>
          </dl>
          {can('plan.recurring') && (
            <div className="actions">
              <button
                type="button"
                className="button secondary"
                disabled={pause.pending || resume.pending}
                onClick={() => void flip()}
                data-mutates="plan.recurring"
              >
                {r.paused ? 'Resume' : 'Pause'}
              </button>
              <Link
                to={`/c/${client.id}/plans/new?recurring=1`}
                className="button secondary"
                data-mutates="plan.recurring"
              >
                Change
              </Link>
            </div>
          )}
          <ErrorBox error={pause.error ?? resume.error} />
        </>
      )}
    </section>
  );
}
