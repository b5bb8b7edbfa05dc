import { type FormEvent, useId, useState } from 'react';
import { useAccounts } from '../api/client-data';
import { CreateAssetMutation, SchedulePostMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useClientScope } from '../auth/workspace';
import { Link, navigate } from '../routing/router';
import { fromInputValue, toInputValue } from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';

/** A text asset and its publish job in one form: the asset is created first, then the post is scheduled. */
export function ComposeScreen() {
  const { client, can } = useClientScope();
  const tz = client.timezone;
  const accounts = useAccounts(client.id);
  const createAsset = useMutation(CreateAssetMutation);
  const schedule = useMutation(SchedulePostMutation);
  const [text, setText] = useState('');
  const [accountId, setAccountId] = useState('');
  const [when, setWhen] = useState(() =>
    toInputValue(new Date(Math.ceil((Date.now() + 3600_000) / 900_000) * 900_000), tz),
  );
  // Kept after a failed schedule, so trying again does not create the asset twice.
  const [asset, setAsset] = useState<{ id: string; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { text: useId(), account: useId(), when: useId(), whenHelp: useId() };

  if (!can('post.schedule'))
    return (
      <Page title="New post">
        <Notice>Your role cannot schedule posts.</Notice>
      </Page>
    );
  if (!accounts.data)
    return (
      <Page title="New post">
        {accounts.error ? (
          <ErrorBox error={accounts.error} onRetry={() => void accounts.reload()} />
        ) : (
          <Loading what="accounts" />
        )}
      </Page>
    );
  const connected = accounts.data.platformAccounts.filter((a) => a.status === 'connected');
  const chosen = accountId || connected[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const at = fromInputValue(when, tz);
    if (!at) return setProblem('Enter the date and time of the slot.');
    if (at.getTime() < Date.now() - 60_000) return setProblem('That time is in the past. Pick a time from now on.');
    let current = asset && asset.text === text ? asset : null;
    if (!current) {
      const a = await createAsset.run({ input: { clientId: client.id, kind: 'text', text } });
      if (!a) return;
      current = { id: a.createAsset.id, text: a.createAsset.text };
      setAsset(current);
    }
    const r = await schedule.run({
      input: {
        clientId: client.id,
        platformAccountId: chosen,
        assetId: current.id,
        scheduledAt: at.toISOString(),
        timezone: tz,
      },
    });
    if (r) navigate(`/c/${client.id}/posts/${r.schedulePost.id}`);
  };

  return (
    <Page title="New post" subtitle={`${client.name} · times in ${tz}`}>
      {connected.length === 0 ? (
        <Empty title="No connected account">
          <p>
            Posts go to a connected platform account.{' '}
            <Link to={`/c/${client.id}/accounts`}>Connect one on the Accounts page</Link>.
          </p>
        </Empty>
      ) : (
        <form onSubmit={submit} className="compose">
          <label className="field" htmlFor={ids.text}>
            <span>Text</span>
            <textarea
              id={ids.text}
              name="text"
              required
              maxLength={5000}
              rows={6}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <p className="hint">
            {text.length} / 5000 characters. The text is fixed when you schedule: approvals apply to exactly these
            words.
          </p>
          <label className="field" htmlFor={ids.account}>
            <span>Account</span>
            <select id={ids.account} name="account" value={chosen} onChange={(e) => setAccountId(e.target.value)}>
              {connected.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.handle} ({a.platform})
                </option>
              ))}
            </select>
          </label>
          <label className="field narrow" htmlFor={ids.when}>
            <span>Publish at ({tz})</span>
            <input
              id={ids.when}
              name="scheduledAt"
              type="datetime-local"
              step={1}
              required
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              aria-describedby={ids.whenHelp}
            />
          </label>
          <p id={ids.whenHelp} className="hint">
            On the client's clock. Posts that need approval wait for it; one approved after its slot goes out right
            away.
          </p>
          {problem && <Notice tone="warning">{problem}</Notice>}
          <ErrorBox error={createAsset.error ?? schedule.error} />
          <div className="actions">
            <Link to={`/c/${client.id}/calendar`} className="button secondary">
              Cancel
            </Link>
            <button
              type="submit"
              className="button primary"
              disabled={createAsset.pending || schedule.pending}
              data-mutates="post.schedule"
            >
              {createAsset.pending ? 'Saving the text…' : schedule.pending ? 'Scheduling…' : 'Schedule post'}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
