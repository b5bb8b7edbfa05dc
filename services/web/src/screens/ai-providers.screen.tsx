import { type FormEvent, useEffect, useId, useState } from 'react';
import {
  AiSettingsQuery,
  ProviderKeysQuery,
  RemoveProviderKeyMutation,
  SetProviderKeyMutation,
  UpdateAiSettingsMutation,
} from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import type { AiSettingsQuery as AiSettingsResult } from '../gql/graphql';
import { formatDateTime } from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';
import { KEYED_PROVIDERS, PRESENTER_ID, PROVIDER_KINDS, PROVIDER_NAMES, providersFor, usd } from '../ui/providers';

/**
 * The client's AI provider keys (write-only) and its AI settings: budget, step contract, preferred providers and the
 * presenter of its avatar videos.
 */
export function AiProvidersScreen() {
  const { client } = useClientScope();
  return (
    <Page title="AI providers" subtitle={`${client.name} · the client's own keys, budget and limits`}>
      <ProviderKeys />
      <AiSettings />
    </Page>
  );
}

function ProviderKeys() {
  const { client, can } = useClientScope();
  const keys = useQuery(ProviderKeysQuery, { clientId: client.id });
  const set = useMutation(SetProviderKeyMutation);
  const remove = useMutation(RemoveProviderKeyMutation);
  const [provider, setProvider] = useState(KEYED_PROVIDERS[0]);
  const [apiKey, setApiKey] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { provider: useId(), key: useId(), help: useId() };
  const mayManage = can('provider_key.manage');
  const list = keys.data?.providerKeys;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const r = await set.run({ input: { clientId: client.id, provider, apiKey } });
    // Cleared either way once the API has answered: the key must not linger in the page (C-11).
    setApiKey('');
    if (!r) return;
    setSaved(`The ${PROVIDER_NAMES[provider] ?? provider} key is stored and will not be shown again.`);
    await keys.reload();
  };

  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Provider keys</h2>
      <p className="hint">
        Keys go straight to the secrets backend. Nobody, you included, can read one back: replace it to change it. The
        local provider needs no key and is used when no other is chosen.
      </p>
      <ErrorBox error={keys.error} onRetry={() => void keys.reload()} />
      {!list && !keys.error && <Loading what="provider keys" />}
      {list && list.length === 0 && <Empty title="No provider keys">Only the local provider is available.</Empty>}
      {list && list.length > 0 && (
        <table className="table" data-testid="provider-keys">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Whose key</th>
              <th scope="col">Set at ({client.timezone})</th>
              {mayManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((k) => (
              <tr key={`${k.scope}-${k.provider}`} data-key={k.provider}>
                <td>{PROVIDER_NAMES[k.provider] ?? k.provider}</td>
                <td>{k.scope === 'client' ? 'this client' : 'the agency (fallback)'}</td>
                <td>{formatDateTime(k.setAt, client.timezone)}</td>
                {mayManage && (
                  <td>
                    {k.scope === 'client' ? (
                      <button
                        type="button"
                        className="button danger small"
                        disabled={remove.pending}
                        data-mutates="provider_key.manage"
                        onClick={() =>
                          void remove.run({ input: { clientId: client.id, provider: k.provider } }).then(async (r) => {
                            if (r !== undefined) await keys.reload();
                          })
                        }
                      >
                        Remove {k.provider} key
                      </button>
                    ) : (
                      <span className="hint">set by the agency</span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorBox error={remove.error} />
      {mayManage ? (
        <form className="inline-form key-form" onSubmit={submit} autoComplete="off">
          <label className="field" htmlFor={ids.provider}>
            <span>Provider</span>
            <select id={ids.provider} value={provider} onChange={(e) => setProvider(e.target.value)}>
              {KEYED_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {PROVIDER_NAMES[p] ?? p}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={ids.key}>
            <span>API key</span>
            <input
              id={ids.key}
              name="provider-api-key"
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              required
              minLength={8}
              maxLength={512}
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              aria-describedby={ids.help}
            />
          </label>
          <button type="submit" className="button primary" disabled={set.pending} data-mutates="provider_key.manage">
            {set.pending ? 'Storing…' : 'Store key'}
          </button>
          <p id={ids.help} className="hint block">
            Stored for this client only; it replaces this client's earlier key for the provider.
          </p>
        </form>
      ) : (
        <p className="hint">An Admin or Manager enters keys.</p>
      )}
      {saved && <Notice tone="success">{saved}</Notice>}
      <ErrorBox error={set.error} />
    </section>
  );
}

type Settings = AiSettingsResult['aiSettings'];
const CONTRACT_FIELDS: { key: keyof Settings['contract']; label: string; hint: string }[] = [
  { key: 'maxDepth', label: 'Maximum depth', hint: 'nested model and tool calls' },
  { key: 'maxToolCalls', label: 'Maximum tool calls', hint: 'per step' },
  { key: 'maxTokens', label: 'Maximum tokens', hint: 'per step' },
  { key: 'maxCostMicros', label: 'Maximum cost (micro-USD)', hint: 'per step; 1,000,000 = $1' },
  { key: 'maxWallMs', label: 'Maximum wall time (ms)', hint: 'per step' },
  { key: 'maxRevisions', label: 'Maximum revisions', hint: 'regenerations per item' },
];

function AiSettings() {
  const { client } = useClientScope();
  const q = useQuery(AiSettingsQuery, { clientId: client.id });
  const s = q.data?.aiSettings;
  return (
    <section className="panel" aria-labelledby="ai-heading">
      <h2 id="ai-heading">Budget, limits and preferred providers</h2>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!s && !q.error && <Loading what="AI settings" />}
      {s && <AiSettingsForm settings={s} onSaved={q.reload} />}
    </section>
  );
}

function AiSettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const { client, can } = useClientScope();
  const update = useMutation(UpdateAiSettingsMutation);
  const may = can('provider_key.manage');
  const [budget, setBudget] = useState((settings.monthlyBudgetMicros / 1_000_000).toFixed(2));
  const [contract, setContract] = useState(() =>
    Object.fromEntries(CONTRACT_FIELDS.map((f) => [f.key, String(settings.contract[f.key])])),
  );
  const [preferred, setPreferred] = useState<Record<string, string>>({ ...settings.preferred });
  const [presenter, setPresenter] = useState({
    avatarId: settings.presenter?.avatarId ?? '',
    voiceId: settings.presenter?.voiceId ?? '',
  });
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  useEffect(() => setSaved(false), [budget, contract, preferred, presenter]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const dollars = Number(budget);
    if (!Number.isFinite(dollars) || dollars < 0)
      return setProblem('The budget is an amount in US dollars, 0 or more.');
    const numbers = Object.fromEntries(Object.entries(contract).map(([k, v]) => [k, Number(v)]));
    if (Object.values(numbers).some((n) => !Number.isInteger(n) || n < 0))
      return setProblem('Contract limits are whole numbers, 0 or more.');
    const avatarId = presenter.avatarId.trim();
    const voiceId = presenter.voiceId.trim();
    if (!avatarId !== !voiceId)
      return setProblem('Give both the HeyGen avatar id and the HeyGen voice id, or leave both empty.');
    if (avatarId && ![avatarId, voiceId].every((v) => PRESENTER_ID.test(v)))
      return setProblem('HeyGen ids are 1 to 128 letters, digits, "_" or "-": copy them as HeyGen shows them.');
    const r = await update.run({
      input: {
        clientId: client.id,
        monthlyBudgetMicros: Math.round(dollars * 1_000_000),
        contract: numbers,
        preferred: { text: preferred.text, image: preferred.image, video: preferred.video, avatar: preferred.avatar },
        // Both empty removes the presenter: the API takes null as "none", not as "keep".
        presenter: avatarId ? { avatarId, voiceId } : null,
      },
    });
    if (r) {
      setSaved(true);
      await onSaved();
    }
  };

  const spent = settings.spentThisMonthMicros;
  return (
    <form className="settings-form" onSubmit={submit}>
      <p data-testid="ai-spend">
        Spent in {settings.month}: <strong>{usd(spent)}</strong> of {usd(settings.monthlyBudgetMicros)}
        {settings.monthlyBudgetMicros > 0 && spent >= settings.monthlyBudgetMicros && (
          <span className="badge badge-warning"> budget used up: paid steps wait until next month</span>
        )}
      </p>
      <fieldset className="fieldset" disabled={!may}>
        <legend>Monthly budget</legend>
        <label className="field narrow" htmlFor={`${id}-budget`}>
          <span>US dollars per month (0: no paid calls, the local provider only)</span>
          <input
            id={`${id}-budget`}
            type="number"
            min={0}
            step="0.01"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
          />
        </label>
      </fieldset>
      <fieldset className="fieldset" disabled={!may}>
        <legend>Contract of every AI step</legend>
        <div className="grid-fields">
          {CONTRACT_FIELDS.map((f) => (
            <label key={f.key} className="field" htmlFor={`${id}-${f.key}`}>
              <span>
                {f.label} <span className="hint">({f.hint})</span>
              </span>
              <input
                id={`${id}-${f.key}`}
                type="number"
                min={0}
                value={contract[f.key]}
                onChange={(e) => setContract((c) => ({ ...c, [f.key]: e.target.value }))}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!may}>
        <legend>Preferred provider per kind</legend>
        <div className="grid-fields">
          {PROVIDER_KINDS.map((kind) => (
            <label key={kind} className="field" htmlFor={`${id}-pref-${kind}`}>
              <span>{kind[0].toUpperCase() + kind.slice(1)}</span>
              <select
                id={`${id}-pref-${kind}`}
                value={preferred[kind] ?? ''}
                onChange={(e) => setPreferred((p) => ({ ...p, [kind]: e.target.value }))}
              >
                {!providersFor(kind).includes(preferred[kind] ?? '') && (
                  <option value={preferred[kind] ?? ''}>{preferred[kind] || 'none'}</option>
                )}
                {providersFor(kind).map((p) => (
                  <option key={p} value={p}>
                    {PROVIDER_NAMES[p] ?? p}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={!may}>
        <legend>Presenter of avatar videos</legend>
        <div className="grid-fields">
          <label className="field" htmlFor={`${id}-avatar-id`}>
            <span>HeyGen avatar id</span>
            <input
              id={`${id}-avatar-id`}
              spellCheck={false}
              autoComplete="off"
              maxLength={128}
              value={presenter.avatarId}
              onChange={(e) => setPresenter((p) => ({ ...p, avatarId: e.target.value }))}
              aria-describedby={`${id}-presenter-hint`}
            />
          </label>
          <label className="field" htmlFor={`${id}-voice-id`}>
            <span>HeyGen voice id</span>
            <input
              id={`${id}-voice-id`}
              spellCheck={false}
              autoComplete="off"
              maxLength={128}
              value={presenter.voiceId}
              onChange={(e) => setPresenter((p) => ({ ...p, voiceId: e.target.value }))}
              aria-describedby={`${id}-presenter-hint`}
            />
          </label>
        </div>
        <p id={`${id}-presenter-hint`} className="hint block">
          The avatar and voice that present this client's avatar videos, as HeyGen lists them (ids, not keys). HeyGen
          needs both: without them its avatar items are parked until you set them and resume the item. The local
          provider needs none. Leave both empty to remove them.
        </p>
      </fieldset>
      {problem && <Notice tone="warning">{problem}</Notice>}
      {saved && <Notice tone="success">AI settings saved.</Notice>}
      <ErrorBox error={update.error} />
      {may ? (
        <div className="actions">
          <button type="submit" className="button primary" disabled={update.pending} data-mutates="provider_key.manage">
            Save AI settings
          </button>
        </div>
      ) : (
        <p className="hint">An Admin or Manager changes these.</p>
      )}
    </form>
  );
}
