import { type FormEvent, useEffect, useId, useState } from 'react';
import { PolicySettingsQuery, UpdatePolicySettingsMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { ErrorBox, Loading, Notice } from './feedback';

const LEVELS = [
  { value: 'manual', label: 'Manual', help: 'Raize never publishes on its own; an operator publishes each post.' },
  { value: 'assisted', label: 'Assisted', help: 'Raize publishes at the slot once a person has approved the post.' },
  {
    value: 'autonomous',
    label: 'Autonomous',
    help: 'Raize publishes at the slot without an approval (policy, caps and kill switches still apply).',
  },
] as const;

// The API stores autonomy per action, but its GraphQL contract exposes only publishing today; the other
// actions are shown as they are set by default until the API grows fields for them (docs/web-app.md).
const OTHER_ACTIONS = ['reply', 'dm', 'like', 'delete'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

/** Autonomy and policy of a client: editable by an Admin (C-03), read-only for everyone else. */
export function PolicyForm({
  clientId,
  editable,
  onSaved,
  submitLabel = 'Save policy',
}: {
  clientId: string;
  editable: boolean;
  onSaved?: () => void;
  submitLabel?: string;
}) {
  const q = useQuery(PolicySettingsQuery, { clientId });
  const save = useMutation(UpdatePolicySettingsMutation);
  const [autonomy, setAutonomy] = useState('assisted');
  const [fourEyes, setFourEyes] = useState(true);
  const [cap, setCap] = useState('');
  const [quietStart, setQuietStart] = useState('');
  const [quietEnd, setQuietEnd] = useState('');
  const [cutoff, setCutoff] = useState('');
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { group: useId(), cap: useId(), fourEyes: useId(), qs: useId(), qe: useId(), cutoff: useId() };

  useEffect(() => {
    const s = q.data?.policySettings;
    if (!s) return;
    setAutonomy(s.publishAutonomy);
    setFourEyes(s.fourEyes);
    setCap(s.maxPublishesPerAccountPerDay == null ? '' : String(s.maxPublishesPerAccountPerDay));
    setQuietStart(s.quietHoursStart == null ? '' : String(s.quietHoursStart));
    setQuietEnd(s.quietHoursEnd == null ? '' : String(s.quietHoursEnd));
    setCutoff(s.latenessCutoffSeconds == null ? '' : String(Math.round(s.latenessCutoffSeconds / 60)));
  }, [q.data]);

  if (!q.data)
    return q.error ? <ErrorBox error={q.error} onRetry={() => void q.reload()} /> : <Loading what="the policy" />;
  const s = q.data.policySettings;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setProblem(null);
    if ((quietStart === '') !== (quietEnd === ''))
      return setProblem('Quiet hours need both a start and an end, or neither.');
    const quiet =
      quietStart !== '' && quietEnd !== ''
        ? { quietHoursStart: Number(quietStart), quietHoursEnd: Number(quietEnd) }
        : { clearQuietHours: s.quietHoursStart != null || undefined };
    const r = await save.run({
      input: {
        clientId,
        publishAutonomy: autonomy,
        fourEyes,
        maxPublishesPerAccountPerDay: cap === '' ? undefined : Number(cap),
        latenessCutoffSeconds: cutoff === '' ? undefined : Number(cutoff) * 60,
        ...quiet,
      },
    });
    if (r) {
      setSaved(true);
      await q.reload();
      onSaved?.();
    }
  };

  return (
    <form onSubmit={submit} className="policy-form">
      {!editable && (
        <Notice>Only an Admin of this client can change autonomy and policy. You can read them here.</Notice>
      )}
      <fieldset disabled={!editable || save.pending}>
        <legend>Autonomy per action</legend>
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Level</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" id={ids.group}>
                Publish
              </th>
              <td>
                <div role="radiogroup" aria-labelledby={ids.group} className="radios">
                  {LEVELS.map((l) => (
                    <label key={l.value} className="radio">
                      <input
                        type="radio"
                        name="publishAutonomy"
                        value={l.value}
                        checked={autonomy === l.value}
                        onChange={() => setAutonomy(l.value)}
                      />
                      <span>
                        <strong>{l.label}</strong> <span className="hint">{l.help}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </td>
            </tr>
            {OTHER_ACTIONS.map((a) => (
              <tr key={a}>
                <th scope="row">{a === 'dm' ? 'Direct message' : a[0].toUpperCase() + a.slice(1)}</th>
                <td className="hint">Set by the server's defaults (manual); the API does not expose this level yet.</td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="checkbox" htmlFor={ids.fourEyes}>
          <input id={ids.fourEyes} type="checkbox" checked={fourEyes} onChange={(e) => setFourEyes(e.target.checked)} />
          <span>
            <strong>Four eyes</strong> <span className="hint">The author of a post can never approve it.</span>
          </span>
        </label>
        <label className="field narrow" htmlFor={ids.cap}>
          <span>Most publishes per account per day</span>
          <input id={ids.cap} type="number" min={0} max={10000} value={cap} onChange={(e) => setCap(e.target.value)} />
        </label>
        <div className="field-row">
          <label className="field narrow" htmlFor={ids.qs}>
            <span>Quiet hours from (hour, {'0–23'})</span>
            <select id={ids.qs} value={quietStart} onChange={(e) => setQuietStart(e.target.value)}>
              <option value="">none</option>
              {HOURS.map((h) => (
                <option key={h} value={h}>{`${h}:00`}</option>
              ))}
            </select>
          </label>
          <label className="field narrow" htmlFor={ids.qe}>
            <span>until</span>
            <select id={ids.qe} value={quietEnd} onChange={(e) => setQuietEnd(e.target.value)}>
              <option value="">none</option>
              {HOURS.map((h) => (
                <option key={h} value={h}>{`${h}:00`}</option>
              ))}
            </select>
          </label>
        </div>
        <p className="hint">
          On the client's clock. Posts due in quiet hours wait (paused) until they end. Pick neither to have none.
        </p>
        <label className="field narrow" htmlFor={ids.cutoff}>
          <span>Lateness cutoff (minutes)</span>
          <input
            id={ids.cutoff}
            type="number"
            min={1}
            max={10080}
            value={cutoff}
            onChange={(e) => setCutoff(e.target.value)}
          />
        </label>
        <p className="hint">
          A post that could not go out this long after its slot needs a fresh approval instead of going out late. Empty
          for none; the API cannot remove a cutoff once set.
        </p>
      </fieldset>
      {problem && <Notice tone="warning">{problem}</Notice>}
      <ErrorBox error={save.error} />
      {saved && <Notice tone="success">Policy saved. It applies from the next guard decision.</Notice>}
      {editable && (
        <button type="submit" className="button primary" disabled={save.pending} data-mutates="policy.update">
          {save.pending ? 'Saving…' : submitLabel}
        </button>
      )}
    </form>
  );
}
