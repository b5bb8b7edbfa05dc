import { useId, useState } from 'react';
import { useAccounts } from '../api/client-data';
import { CreatePlanMutation, SetRecurringPlanningMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useClientScope } from '../auth/workspace';
import { Link, navigate, useLocation } from '../routing/router';
import { addDays, dayKeyOf } from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';
import { PlanTemplateForm, type PlanTemplateValue } from '../ui/plan-template-form';

/** "New plan" (a date range) or, with ?recurring=1, the client's recurring planning (a cadence). */
export function PlanNewScreen() {
  const { client, can } = useClientScope();
  const { query } = useLocation();
  const recurring = query.get('recurring') === '1';
  const accounts = useAccounts(client.id);
  const create = useMutation(CreatePlanMutation);
  const setRecurring = useMutation(SetRecurringPlanningMutation);
  const today = dayKeyOf(new Date(), client.timezone);
  const [start, setStart] = useState(addDays(today, 1));
  const [end, setEnd] = useState(addDays(today, 7));
  const [cadence, setCadence] = useState<'weekly' | 'monthly'>('weekly');
  const id = useId();
  const title = recurring ? 'Recurring planning' : 'New plan';

  if (!can(recurring ? 'plan.recurring' : 'plan.create'))
    return (
      <Page title={title}>
        <Notice>Your role cannot {recurring ? 'set up recurring planning' : 'ask for plans'}.</Notice>
      </Page>
    );
  if (!accounts.data)
    return (
      <Page title={title}>
        {accounts.error ? (
          <ErrorBox error={accounts.error} onRetry={() => void accounts.reload()} />
        ) : (
          <Loading what="accounts" />
        )}
      </Page>
    );
  const connected = accounts.data.platformAccounts.filter((a) => a.status === 'connected');

  const submit = async (v: PlanTemplateValue) => {
    if (recurring) {
      const r = await setRecurring.run({ input: { clientId: client.id, cadence, ...v } });
      if (r) navigate(`/c/${client.id}/plans`);
      return;
    }
    const r = await create.run({ input: { clientId: client.id, startDate: start, endDate: end, ...v } });
    if (r) navigate(`/c/${client.id}/plans/${r.createPlan.id}`);
  };

  const extra = recurring ? (
    <fieldset className="fieldset">
      <legend>Cadence</legend>
      <label className="radio">
        <input type="radio" name="cadence" checked={cadence === 'weekly'} onChange={() => setCadence('weekly')} />
        Weekly: every Thursday, the plan of the following week
      </label>
      <label className="radio">
        <input type="radio" name="cadence" checked={cadence === 'monthly'} onChange={() => setCadence('monthly')} />
        Monthly: on the 20th, the plan of the following month
      </label>
    </fieldset>
  ) : (
    <div className="field-row">
      <label className="field narrow" htmlFor={`${id}-start`}>
        <span>First day ({client.timezone})</span>
        <input id={`${id}-start`} type="date" required value={start} onChange={(e) => setStart(e.target.value)} />
      </label>
      <label className="field narrow" htmlFor={`${id}-end`}>
        <span>Last day</span>
        <input id={`${id}-end`} type="date" required value={end} onChange={(e) => setEnd(e.target.value)} />
      </label>
    </div>
  );

  return (
    <Page
      title={title}
      subtitle={
        recurring
          ? `${client.name} · a Temporal Schedule asks for a plan on this cadence; pause it at any time`
          : `${client.name} · the planner drafts items (slot, format, pillar, brief); each is then created and reviewed`
      }
    >
      {connected.length === 0 ? (
        <Empty title="No connected account">
          <p>
            Plans are made for connected accounts.{' '}
            <Link to={`/c/${client.id}/accounts`}>Connect one on the Accounts page</Link>.
          </p>
        </Empty>
      ) : (
        <PlanTemplateForm
          accounts={connected}
          timezone={client.timezone}
          extra={extra}
          submitLabel={recurring ? 'Save recurring planning' : 'Create plan'}
          mutates={recurring ? 'plan.recurring' : 'plan.create'}
          pending={create.pending || setRecurring.pending}
          onSubmit={submit}
        />
      )}
      <ErrorBox error={create.error ?? setRecurring.error} />
    </Page>
  );
}
