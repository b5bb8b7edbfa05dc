import { type FormEvent, useId, useState } from 'react';
import { useAccounts } from '../api/client-data';
import { CreateAssetMutation, SchedulePostMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useClientScope } from '../auth/workspace';
import { Link, navigate } from '../routing/router';
import { fromInputValue, toInputValue } from '../time/zoned-time';
import type { ErrorAdvice } from '../api/error-text';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { MediaUpload } from '../ui/media-upload';
import { Page } from '../ui/page';
import type { UploadedMedia } from '../ui/upload-artifact';
import { usePlatforms } from '../ui/use-platforms';

// Text the API caps for every platform (CreateAssetInput); each platform's own limit is shown and checked on top.
const MAX_TEXT = 5000;

// A refused schedule names the platform's rule it breaks (text length, media type, size, shape, length).
const SCHEDULE_ADVICE: ErrorAdvice = {
  BAD_USER_INPUT: {
    title: 'The platform would refuse this post',
    next: 'Change the text or pick another file as it says, then schedule again. Nothing was scheduled.',
  },
};

/**
 * A post in one form: the optional image or video is uploaded when picked, the asset (text and media) is created on
 * submit, then the post is scheduled; the API checks the account's platform rules at that moment.
 */
export function ComposeScreen() {
  const { client, can } = useClientScope();
  const tz = client.timezone;
  const accounts = useAccounts(client.id);
  const platforms = usePlatforms();
  const createAsset = useMutation(CreateAssetMutation);
  const schedule = useMutation(SchedulePostMutation);
  const [text, setText] = useState('');
  const [accountId, setAccountId] = useState('');
  const [when, setWhen] = useState(() =>
    toInputValue(new Date(Math.ceil((Date.now() + 3600_000) / 900_000) * 900_000), tz),
  );
  const [media, setMedia] = useState<UploadedMedia | null>(null);
  const [uploading, setUploading] = useState(false);
  // Kept after a failed schedule, so trying again does not create the asset twice.
  const [asset, setAsset] = useState<{ id: string; text: string; mediaKey: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { text: useId(), textHelp: useId(), account: useId(), when: useId(), whenHelp: useId() };

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
  const account = accounts.byId.get(chosen);
  const platform = account ? platforms.byId.get(account.platform) : undefined;
  // Counted as the API counts (code points), so an emoji is one character here as there.
  const length = [...text].length;
  const limit = platform?.maxTextLength ?? MAX_TEXT;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const at = fromInputValue(when, tz);
    if (!at) return setProblem('Enter the date and time of the slot.');
    if (at.getTime() < Date.now() - 60_000) return setProblem('That time is in the past. Pick a time from now on.');
    if (uploading) return setProblem('The file is still uploading. Schedule once it shows as uploaded.');
    const mediaKey = media?.key ?? null;
    let current = asset && asset.text === text && asset.mediaKey === mediaKey ? asset : null;
    if (!current) {
      const a = await createAsset.run({
        input: { clientId: client.id, kind: media?.kind ?? 'text', text, ...(mediaKey ? { mediaKey } : {}) },
      });
      if (!a) return;
      current = { id: a.createAsset.id, text: a.createAsset.text, mediaKey };
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
              maxLength={MAX_TEXT}
              rows={6}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={ids.textHelp}
            />
          </label>
          <p id={ids.textHelp} className="hint">
            <span className={length > limit ? 'over-limit' : undefined} data-testid="text-counter">
              {length} / {limit} characters{platform ? ` (${platform.displayName}’s limit)` : ''}
              {length > limit ? `: ${length - limit} too many` : ''}.
            </span>{' '}
            The text is fixed when you schedule: approvals apply to exactly these words.
          </p>
          <label className="field" htmlFor={ids.account}>
            <span>Account</span>
            <select id={ids.account} name="account" value={chosen} onChange={(e) => setAccountId(e.target.value)}>
              {connected.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.handle} · {platforms.byId.get(a.platform)?.displayName ?? a.platform}
                </option>
              ))}
            </select>
          </label>
          {platform?.requiresMedia && (
            <p className="hint" data-testid="requires-media">
              {platform.displayName} posts need an image or a video: add one below.
            </p>
          )}
          <MediaUpload
            clientId={client.id}
            platform={platform}
            value={media}
            onChange={setMedia}
            onBusy={setUploading}
          />
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
          <ErrorBox
            error={createAsset.error ?? schedule.error}
            advice={createAsset.error ? undefined : SCHEDULE_ADVICE}
          />
          <div className="actions">
            <Link to={`/c/${client.id}/calendar`} className="button secondary">
              Cancel
            </Link>
            <button
              type="submit"
              className="button primary"
              disabled={createAsset.pending || schedule.pending || uploading}
              data-mutates="post.schedule"
            >
              {uploading
                ? 'Uploading the file…'
                : createAsset.pending
                  ? 'Saving the post…'
                  : schedule.pending
                    ? 'Scheduling…'
                    : 'Schedule post'}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
