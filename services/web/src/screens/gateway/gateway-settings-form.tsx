import { type FormEvent, useEffect, useId, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import type { GatewayTool } from '../../gql/graphql';
import { ErrorBox, Loading, Notice } from '../../ui/feedback';
import { GatewaySettingsQuery, UpdateGatewaySettingsMutation } from './gateway.operations';
import { TOOL_ORDER, TOOL_WORDS } from './gateway-words';

const MICROS = 1_000_000;

/** An agency's gateway: tools on or off, scripts, their domains, limits. Admins change it; Managers read it. */
export function GatewaySettingsForm({ agencyId, editable }: { agencyId: string; editable: boolean }) {
  const q = useQuery(GatewaySettingsQuery, { agencyId });
  const save = useMutation(UpdateGatewaySettingsMutation);
  const [off, setOff] = useState<Set<GatewayTool>>(new Set());
  const [scripts, setScripts] = useState(false);
  const [ack, setAck] = useState(false);
  const [domains, setDomains] = useState('');
  const [perMinute, setPerMinute] = useState('60');
  const [budget, setBudget] = useState('');
  const [saved, setSaved] = useState(false);
  const ids = { scripts: useId(), ack: useId(), domains: useId(), rate: useId(), budget: useId(), risk: useId() };

  useEffect(() => {
    const s = q.data?.gatewaySettings;
    if (!s) return;
    setOff(new Set(s.disabledTools));
    setScripts(s.scriptsEnabled);
    setAck(false);
    setDomains(s.scriptDomains.join('\n'));
    setPerMinute(String(s.callsPerMinute));
    setBudget(s.monthlyBudgetUsdMicros == null ? '' : String(s.monthlyBudgetUsdMicros / MICROS));
  }, [q.data]);

  if (!q.data)
    return q.error ? (
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
    ) : (
      <Loading what="the gateway settings" />
    );
  const current = q.data.gatewaySettings;
  const turningOn = scripts && !current.scriptsEnabled;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await save.run({
      input: {
        agencyId,
        disabledTools: TOOL_ORDER.filter((t) => off.has(t)),
        scriptsEnabled: scripts,
        acknowledgeScriptRisk: turningOn ? ack : undefined,
        scriptDomains: domains
          .split(/[\s,]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        callsPerMinute: Number(perMinute),
        monthlyBudgetUsdMicros: budget.trim() === '' ? null : Math.round(Number(budget) * MICROS),
      },
    });
    if (r) {
      setSaved(true);
      await q.reload();
    }
  };
  const toggle = (t: GatewayTool, on: boolean) =>
    setOff((prev) => {
      const next = new Set(prev);
      if (on) next.delete(t);
      else next.add(t);
      return next;
    });

  return (
    <form onSubmit={submit} className="gateway-form">
      {!editable && <Notice>Only an Admin of this agency can change the gateway. You can read it here.</Notice>}
      <fieldset disabled={!editable || save.pending}>
        <legend>Tools</legend>
        <p className="hint">
          A tool switched off here is neither listed nor callable for anyone in this agency. A tool switched on is still
          limited by the caller’s role and task: an assistant acts with its operator’s role, and no tool approves,
          publishes on its own, flips a kill switch or changes policy.
        </p>
        <ul className="gateway-tools">
          {TOOL_ORDER.map((t) => (
            <li key={t}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={!off.has(t)}
                  onChange={(e) => toggle(t, e.target.checked)}
                  data-testid={`tool-${t}`}
                />
                <span>
                  <code>{t}</code> <span className="hint">{TOOL_WORDS[t]}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset disabled={!editable || save.pending}>
        <legend>Scripts</legend>
        <p className="hint" id={ids.risk}>
          Scripts let an assistant or an AI step run its own code on Raize’s side. Off by default. When on, each script
          runs sandboxed: no network except the domains below, limited CPU, memory, time and files, and no access to
          Raize’s keys. Even so, code written by a model can be steered by anything it has read (a comment, a web page,
          a document), so turn scripts on only if your agency needs them, and list only domains you trust with your
          clients’ data.
        </p>
        <label className="checkbox" htmlFor={ids.scripts}>
          <input
            id={ids.scripts}
            type="checkbox"
            checked={scripts}
            aria-describedby={ids.risk}
            onChange={(e) => setScripts(e.target.checked)}
          />
          <span>
            <strong>Allow scripts</strong>
          </span>
        </label>
        {turningOn && (
          <label className="checkbox" htmlFor={ids.ack}>
            <input id={ids.ack} type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            <span>I understand that scripts run code on Raize and can reach the domains listed below.</span>
          </label>
        )}
        <label className="field" htmlFor={ids.domains}>
          <span>Domains scripts may reach (one host name per line, at most 50)</span>
          <textarea
            id={ids.domains}
            rows={4}
            value={domains}
            placeholder="api.example.com"
            onChange={(e) => setDomains(e.target.value)}
          />
        </label>
        <p className="hint">Exact host names: no https://, ports, paths, wildcards or IP addresses.</p>
      </fieldset>
      <fieldset disabled={!editable || save.pending}>
        <legend>Limits</legend>
        <div className="field-row">
          <label className="field narrow" htmlFor={ids.rate}>
            <span>Calls per minute, per operator or episode</span>
            <input
              id={ids.rate}
              type="number"
              min={1}
              max={10000}
              required
              value={perMinute}
              onChange={(e) => setPerMinute(e.target.value)}
            />
          </label>
          <label className="field narrow" htmlFor={ids.budget}>
            <span>Monthly tool budget for the agency (USD)</span>
            <input
              id={ids.budget}
              type="number"
              min={0}
              step="0.01"
              value={budget}
              placeholder="no cap"
              onChange={(e) => setBudget(e.target.value)}
            />
          </label>
        </div>
        <p className="hint">
          An operator’s assistants share the operator’s rate, each episode has its own. Over a limit, calls are refused
          until the next minute or the next month (UTC). Empty budget: no cap beyond each client’s own AI budget.
        </p>
      </fieldset>
      <ErrorBox error={save.error} />
      {saved && <Notice tone="success">Gateway settings saved. They apply to the next tool call.</Notice>}
      {editable && (
        <button
          type="submit"
          className="button primary"
          disabled={save.pending || (turningOn && !ack)}
          data-mutates="gateway.manage"
        >
          {save.pending ? 'Saving…' : 'Save gateway settings'}
        </button>
      )}
    </form>
  );
}
