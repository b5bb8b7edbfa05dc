import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { PlanFormat, PlanPillarInput, PlanTargetInput, PlanTiming, PlatformFormatsInput } from '../gql/graphql';
import { Notice } from './feedback';

export interface PlanTemplateValue {
  goals: string;
  targets: PlanTargetInput[];
  pillars: PlanPillarInput[];
  formats: PlatformFormatsInput[];
  requiresApproval: boolean;
}

export interface PlannableAccount {
  id: string;
  handle: string;
  platform: string;
}

const FORMATS: PlanFormat[] = ['text', 'image', 'video', 'avatar'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

interface TargetRow {
  on: boolean;
  postsPerWeek: string;
  times: string;
  timing: PlanTiming;
  /** other accounts each item of this target also goes out on */
  crossPosts: string[];
}

/**
 * What a plan asks for: goals, the accounts with their cadence and posting times, pillars, formats per platform and
 * whether the plan needs an approval. Shared by "New plan" and recurring planning, which add dates or a cadence.
 */
export function PlanTemplateForm({
  accounts,
  timezone,
  extra,
  submitLabel,
  mutates,
  pending,
  onSubmit,
}: {
  accounts: PlannableAccount[];
  timezone: string;
  /** the fields only one caller has (dates, or the cadence), placed after the goals */
  extra: ReactNode;
  submitLabel: string;
  /** the permission the submit button needs (data-mutates, for the role checks of the e2e suite) */
  mutates: string;
  pending: boolean;
  onSubmit: (value: PlanTemplateValue) => void | Promise<void>;
}) {
  const id = useId();
  const [goals, setGoals] = useState('');
  const [targets, setTargets] = useState<Record<string, TargetRow>>(() =>
    Object.fromEntries(
      accounts.map((a, i) => [
        a.id,
        { on: i === 0, postsPerWeek: '3', times: '09:30', timing: 'posting_times' as PlanTiming, crossPosts: [] },
      ]),
    ),
  );
  const [pillars, setPillars] = useState<{ name: string; weight: string }[]>([{ name: '', weight: '1' }]);
  const platforms = [...new Set(accounts.map((a) => a.platform))];
  const [formats, setFormats] = useState<Record<string, PlanFormat[]>>(() =>
    Object.fromEntries(platforms.map((p) => [p, ['text'] as PlanFormat[]])),
  );
  const [requiresApproval, setRequiresApproval] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);

  const setTarget = (accountId: string, patch: Partial<TargetRow>) =>
    setTargets((t) => ({ ...t, [accountId]: { ...t[accountId], ...patch } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const chosen = accounts.filter((a) => targets[a.id]?.on);
    if (!chosen.length) return setProblem('Pick at least one account to plan for.');
    const targetInputs: PlanTargetInput[] = [];
    const crossPosted = chosen.flatMap((a) => targets[a.id].crossPosts);
    const twice = accounts.find(
      (a) => crossPosted.filter((id) => id === a.id).length + (targets[a.id]?.on ? 1 : 0) > 1,
    );
    if (twice)
      return setProblem(`${twice.handle} is planned twice: as a target and a cross-post, or cross-posted twice.`);
    for (const a of chosen) {
      const row = targets[a.id];
      const perWeek = Number(row.postsPerWeek);
      if (!Number.isInteger(perWeek) || perWeek < 1 || perWeek > 28)
        return setProblem(`Posts per week for ${a.handle}: a whole number from 1 to 28.`);
      const times = row.times
        .split(/[,\s]+/)
        .map((t) => t.trim())
        .filter(Boolean);
      if (times.some((t) => !TIME.test(t)))
        return setProblem(`Posting times for ${a.handle}: 24-hour HH:MM, separated by commas (e.g. 09:30, 17:00).`);
      targetInputs.push({
        platformAccountId: a.id,
        postsPerWeek: perWeek,
        postingTimes: times,
        timing: row.timing,
        crossPostAccountIds: row.crossPosts,
      });
    }
    const pillarInputs = pillars
      .filter((p) => p.name.trim())
      .map((p) => ({ name: p.name.trim(), weight: Number(p.weight) }));
    if (!pillarInputs.length) return setProblem('Name at least one content pillar.');
    if (pillarInputs.some((p) => !Number.isInteger(p.weight) || p.weight < 1 || p.weight > 100))
      return setProblem('Pillar weights: whole numbers from 1 to 100.');
    const usedPlatforms = new Set(
      accounts.filter((a) => targets[a.id]?.on || crossPosted.includes(a.id)).map((a) => a.platform),
    );
    const formatInputs = Object.entries(formats)
      .filter(([p]) => usedPlatforms.has(p))
      .map(([platform, list]) => ({ platform, formats: list }));
    if (formatInputs.some((f) => !f.formats.length)) return setProblem('Allow at least one format per platform.');
    await onSubmit({ goals, targets: targetInputs, pillars: pillarInputs, formats: formatInputs, requiresApproval });
  };

  return (
    <form className="plan-form" onSubmit={submit}>
      <label className="field" htmlFor={`${id}-goals`}>
        <span>Goals</span>
        <textarea
          id={`${id}-goals`}
          name="goals"
          required
          maxLength={2000}
          rows={3}
          value={goals}
          onChange={(e) => setGoals(e.target.value)}
        />
      </label>
      {extra}
      <fieldset className="fieldset">
        <legend>Accounts, cadence and posting times ({timezone})</legend>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Plan for</th>
              <th scope="col">Posts per week</th>
              <th scope="col">Times from</th>
              <th scope="col">Posting times (HH:MM, comma separated)</th>
              <th scope="col">Also post to</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} data-target={a.id}>
                <td>
                  <label className="radio">
                    <input
                      type="checkbox"
                      checked={targets[a.id]?.on ?? false}
                      onChange={(e) => setTarget(a.id, { on: e.target.checked })}
                    />
                    {a.handle} ({a.platform})
                  </label>
                </td>
                <td>
                  <input
                    aria-label={`Posts per week for ${a.handle}`}
                    type="number"
                    min={1}
                    max={28}
                    className="narrow-input"
                    value={targets[a.id]?.postsPerWeek ?? '3'}
                    onChange={(e) => setTarget(a.id, { postsPerWeek: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Times from for ${a.handle}`}
                    value={targets[a.id]?.timing ?? 'posting_times'}
                    onChange={(e) => setTarget(a.id, { timing: e.target.value as PlanTiming })}
                  >
                    <option value="posting_times">these posting times</option>
                    <option value="queue">the account's free queue slots</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Posting times for ${a.handle}`}
                    value={targets[a.id]?.times ?? ''}
                    disabled={targets[a.id]?.timing === 'queue'}
                    onChange={(e) => setTarget(a.id, { times: e.target.value })}
                  />
                </td>
                <td>
                  {accounts
                    .filter((o) => o.id !== a.id)
                    .map((o) => (
                      <label key={o.id} className="radio">
                        <input
                          type="checkbox"
                          aria-label={`Also post ${a.handle}'s items to ${o.handle}`}
                          checked={targets[a.id]?.crossPosts.includes(o.id) ?? false}
                          onChange={(e) =>
                            setTarget(a.id, {
                              crossPosts: e.target.checked
                                ? [...targets[a.id].crossPosts, o.id]
                                : targets[a.id].crossPosts.filter((x) => x !== o.id),
                            })
                          }
                        />
                        {o.handle} ({o.platform})
                      </label>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Content pillars (name and weight)</legend>
        <ul className="plain-list">
          {pillars.map((p, i) => (
            <li key={i} className="field-row">
              <input
                aria-label={`Pillar ${i + 1} name`}
                maxLength={60}
                value={p.name}
                onChange={(e) => setPillars((l) => l.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              />
              <input
                aria-label={`Pillar ${i + 1} weight`}
                type="number"
                min={1}
                max={100}
                className="narrow-input"
                value={p.weight}
                onChange={(e) => setPillars((l) => l.map((x, j) => (j === i ? { ...x, weight: e.target.value } : x)))}
              />
              {pillars.length > 1 && (
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => setPillars((l) => l.filter((_, j) => j !== i))}
                >
                  Remove pillar {i + 1}
                </button>
              )}
            </li>
          ))}
        </ul>
        {pillars.length < 12 && (
          <button
            type="button"
            className="button secondary small"
            onClick={() => setPillars((l) => [...l, { name: '', weight: '1' }])}
          >
            Add pillar
          </button>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Formats per platform</legend>
        {platforms.map((p) => (
          <div key={p} className="field-row" role="group" aria-label={`Formats on ${p}`}>
            <span className="field-label">{p}</span>
            {FORMATS.map((f) => (
              <label key={f} className="radio">
                <input
                  type="checkbox"
                  name={`format-${p}-${f}`}
                  checked={formats[p]?.includes(f) ?? false}
                  onChange={(e) =>
                    setFormats((all) => ({
                      ...all,
                      [p]: e.target.checked ? [...(all[p] ?? []), f] : (all[p] ?? []).filter((x) => x !== f),
                    }))
                  }
                />
                {f}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <label className="radio">
        <input type="checkbox" checked={requiresApproval} onChange={(e) => setRequiresApproval(e.target.checked)} />
        The plan needs an approval before anything is created
      </label>
      {problem && <Notice tone="warning">{problem}</Notice>}
      <div className="actions">
        <button type="submit" className="button primary" disabled={pending} data-mutates={mutates}>
          {pending ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
