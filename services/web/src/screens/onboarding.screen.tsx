import { type FormEvent, useId, useMemo, useState } from 'react';
import { CreateClientMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { roleAllows } from '../auth/permissions';
import { useWorkspace } from '../auth/workspace';
import { Link, navigate, useLocation } from '../routing/router';
import { timeZones } from '../time/zoned-time';
import { ConnectAccount } from '../ui/connect-account';
import { Empty, ErrorBox, Loading } from '../ui/feedback';
import { Page } from '../ui/page';
import { PolicyForm } from '../ui/policy-form';

const STEPS = ['Details', 'Autonomy', 'Accounts', 'Provider keys'] as const;

/**
 * Onboarding a client brand in four steps. The step and the new client's id live in the URL
 * (/clients/new?client=…&step=…), so a reload or the platform's sign-in tab loses nothing.
 */
export function OnboardingScreen() {
  const { query } = useLocation();
  const ws = useWorkspace();
  const clientId = query.get('client');
  const step = clientId ? Math.min(Math.max(Number(query.get('step') ?? 2), 2), 4) : 1;
  const client = clientId ? ws.clients?.find((c) => c.id === clientId) : undefined;
  const go = (n: number) => navigate(`/clients/new?client=${clientId}&step=${n}`);

  return (
    <Page title="Onboard a client" subtitle={client ? client.name : 'A new client brand of your agency'}>
      <ol className="steps" aria-label="Onboarding steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i + 1 === step ? 'current' : i + 1 < step ? 'done' : ''}
            aria-current={i + 1 === step ? 'step' : undefined}
          >
            <span className="step-no" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {s}
          </li>
        ))}
      </ol>
      {step === 1 && <DetailsStep />}
      {step > 1 &&
        !client &&
        (ws.clients ? (
          <Empty title="This client is not visible to you">Start again from the clients list.</Empty>
        ) : (
          <Loading what="the client" />
        ))}
      {step === 2 && client && (
        <section aria-labelledby="step-autonomy">
          <h2 id="step-autonomy">Autonomy</h2>
          <PolicyForm
            clientId={client.id}
            editable={ws.clientRole(client) === 'Admin'}
            submitLabel="Save and continue"
            onSaved={() => go(3)}
          />
          <p>
            <button type="button" className="button link" onClick={() => go(3)}>
              {ws.clientRole(client) === 'Admin' ? 'Keep the defaults and continue' : 'Continue'}
            </button>
          </p>
        </section>
      )}
      {step === 3 && client && (
        <section aria-labelledby="step-accounts">
          <h2 id="step-accounts">Connect an account</h2>
          <p>
            Raize publishes only to accounts connected through the platform's own sign-in; it records the identity the
            platform reports (the fingerprint) and checks it before every publish.
          </p>
          {roleAllows(ws.clientRole(client), 'account.connect') ? (
            <ConnectAccount clientId={client.id} />
          ) : (
            <p className="hint">An Admin or Manager connects accounts.</p>
          )}
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => go(2)}>
              Back
            </button>
            <button type="button" className="button primary" onClick={() => go(4)}>
              Continue
            </button>
          </div>
        </section>
      )}
      {step === 4 && client && (
        <section aria-labelledby="step-keys">
          <h2 id="step-keys">Provider keys</h2>
          <p>
            Clients bring their own keys for text, image and video providers (Anthropic, OpenAI, Google, Kie.ai,
            HeyGen). Raize keeps them in the secrets backend and only a reference (CredentialRef) in the database.
          </p>
          <p className="notice notice-warning">
            Not available yet: the API has no mutation for provider key references, so keys cannot be added here. Until
            it does, the local provider (no network, deterministic output) serves this client. See docs/web-app.md.
          </p>
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => go(3)}>
              Back
            </button>
            <Link to={`/c/${client.id}/calendar`} className="button primary">
              Finish: open the calendar
            </Link>
          </div>
        </section>
      )}
    </Page>
  );
}

function DetailsStep() {
  const ws = useWorkspace();
  const create = useMutation(CreateClientMutation);
  const allowed = ws.agencies.filter((a) => roleAllows(ws.agencyRole(a.id), 'client.create'));
  const zones = useMemo(timeZones, []);
  const [agencyId, setAgencyId] = useState(allowed.find((a) => a.id === ws.agencyId)?.id ?? allowed[0]?.id ?? '');
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const ids = { agency: useId(), name: useId(), tz: useId(), tzHelp: useId() };

  if (!allowed.length)
    return <Empty title="You cannot onboard clients">Only an agency Admin or Manager can. Ask one of them.</Empty>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run({ input: { agencyId, name: name.trim(), timezone } });
    if (!r) return;
    await ws.reloadClients();
    navigate(`/clients/new?client=${r.createClient.id}&step=2`, { replace: true });
  };

  return (
    <section aria-labelledby="step-details">
      <h2 id="step-details">Details</h2>
      <form onSubmit={submit}>
        <label className="field" htmlFor={ids.agency}>
          <span>Agency</span>
          <select id={ids.agency} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            {allowed.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={ids.name}>
          <span>Client name</span>
          <input
            id={ids.name}
            name="clientName"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field" htmlFor={ids.tz}>
          <span>Timezone</span>
          <select
            id={ids.tz}
            name="timezone"
            value={timezone}
            onChange={(e) => setTimezone(e.target.value)}
            aria-describedby={ids.tzHelp}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
        <p id={ids.tzHelp} className="hint">
          Slots, quiet hours and the calendar use the client's timezone, not yours.
        </p>
        <ErrorBox error={create.error} />
        <button type="submit" className="button primary" disabled={create.pending} data-mutates="client.create">
          {create.pending ? 'Creating…' : 'Create client and continue'}
        </button>
      </form>
    </section>
  );
}
