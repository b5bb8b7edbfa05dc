import { type FormEvent, useId, useState } from 'react';
import {
  ApiTokensQuery,
  ConfirmTotpMutation,
  CreateApiTokenMutation,
  EnrollTotpMutation,
  MySessionsQuery,
  RevokeApiTokenMutation,
  RevokeSessionMutation,
  SignOutEverywhereMutation,
} from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useMe, useSession } from '../auth/session';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';

const fmt = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';

/** The operator's own security: second factor, API tokens (shown once), sessions. */
export function SettingsScreen() {
  const me = useMe();
  return (
    <Page title="Your settings" subtitle={`${me.displayName} · ${me.email}`}>
      <TwoFactor />
      <ApiTokens />
      <Sessions />
    </Page>
  );
}

function TwoFactor() {
  const me = useMe();
  const { refresh } = useSession();
  const enroll = useMutation(EnrollTotpMutation);
  const confirm = useMutation(ConfirmTotpMutation);
  const [secret, setSecret] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const codeId = useId();
  const start = async () => {
    const r = await enroll.run({});
    if (r) setSecret(r.enrollTotp);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await confirm.run({ input: { code: code.trim() } })) {
      setSecret(null);
      setCode('');
      await refresh();
    }
  };
  return (
    <section className="panel" aria-labelledby="totp-h">
      <h2 id="totp-h">Two-factor sign-in</h2>
      {me.totpEnabled ? (
        <p data-testid="totp-on">
          <span className="badge badge-success">On</span> Signing in asks for a code from your authenticator app.
        </p>
      ) : !secret ? (
        <>
          <p>Off. Turn it on so a stolen password alone opens nothing.</p>
          <ErrorBox error={enroll.error} />
          <button type="button" className="button primary" onClick={() => void start()} disabled={enroll.pending}>
            {enroll.pending ? 'Starting…' : 'Set up two-factor sign-in'}
          </button>
        </>
      ) : (
        <form onSubmit={submit}>
          <p>Add this key to your authenticator app (as a time-based key), then type the code it shows.</p>
          <p>
            Key:{' '}
            <code className="secret" data-testid="totp-secret">
              {secret.secret}
            </code>
          </p>
          <p className="hint break">
            Or open this link on a device with an authenticator: <code>{secret.otpauthUrl}</code>
          </p>
          <label className="field narrow" htmlFor={codeId}>
            <span>Six-digit code</span>
            <input
              id={codeId}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <ErrorBox error={confirm.error} />
          <button type="submit" className="button primary" disabled={confirm.pending}>
            {confirm.pending ? 'Checking…' : 'Turn on'}
          </button>
        </form>
      )}
    </section>
  );
}

const SCOPES = [
  { value: 'read', help: 'read clients, posts and audit' },
  { value: 'publish', help: 'write assets, schedule and cancel posts' },
  { value: 'approve', help: 'approve and reject posts' },
  { value: 'admin', help: 'everything your role allows' },
];

function ApiTokens() {
  const tokens = useQuery(ApiTokensQuery, {});
  const create = useMutation(CreateApiTokenMutation);
  const revoke = useMutation(RevokeApiTokenMutation);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [days, setDays] = useState('30');
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const ids = { name: useId(), days: useId() };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run({ input: { name: name.trim(), scopes, expiresInDays: Number(days) } });
    if (!r) return;
    setShown({ name: r.createApiToken.apiToken.name, token: r.createApiToken.token });
    setName('');
    await tokens.reload();
  };
  const doRevoke = async () => {
    if (!revoking) return;
    if (await revoke.run({ input: { id: revoking.id } })) {
      setRevoking(null);
      await tokens.reload();
    }
  };

  return (
    <section className="panel" aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      <p className="hint">
        For scripts and integrations. A token acts as you, limited to its scopes, until it expires or you revoke it.
      </p>
      {shown && (
        <div className="notice notice-success" role="status" data-testid="new-token">
          <p>
            <strong>Copy “{shown.name}” now: it is shown only once.</strong> Raize keeps only its hash.
          </p>
          <p>
            <code className="secret" data-testid="token-value">
              {shown.token}
            </code>{' '}
            <button
              type="button"
              className="button secondary small"
              onClick={() => void navigator.clipboard?.writeText(shown.token)}
            >
              Copy
            </button>{' '}
            <button type="button" className="button link" onClick={() => setShown(null)}>
              I have stored it
            </button>
          </p>
        </div>
      )}
      <ErrorBox error={tokens.error} onRetry={() => void tokens.reload()} />
      {!tokens.data && !tokens.error && <Loading what="tokens" />}
      {tokens.data && tokens.data.apiTokens.length === 0 && <Empty title="No API tokens" />}
      {tokens.data && tokens.data.apiTokens.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Scopes</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.apiTokens.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{t.scopes.join(', ')}</td>
                <td>{fmt(t.expiresAt)}</td>
                <td>{t.lastUsedAt ? `${fmt(t.lastUsedAt)} from ${t.lastUsedIp ?? '?'}` : 'never'}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${fmt(t.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      className="button danger small"
                      onClick={() => {
                        revoke.reset();
                        setRevoking({ id: t.id, name: t.name });
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit} className="token-form">
        <h3>New token</h3>
        <label className="field" htmlFor={ids.name}>
          <span>Name (what uses it)</span>
          <input id={ids.name} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="checkbox">
              <input
                type="checkbox"
                checked={scopes.includes(s.value)}
                onChange={(e) =>
                  setScopes(e.target.checked ? [...scopes, s.value] : scopes.filter((x) => x !== s.value))
                }
              />
              <span>
                <strong>{s.value}</strong> <span className="hint">{s.help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="field narrow" htmlFor={ids.days}>
          <span>Expires after (days)</span>
          <input
            id={ids.days}
            type="number"
            min={1}
            max={365}
            required
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <ErrorBox error={create.error} />
        <button type="submit" className="button primary" disabled={create.pending || scopes.length === 0}>
          {create.pending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <ConfirmDialog
        open={!!revoking}
        title={`Revoke “${revoking?.name}”?`}
        confirmLabel="Revoke token"
        danger
        pending={revoke.pending}
        error={revoke.error}
        onConfirm={() => void doRevoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>Scripts using this token stop working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}

function Sessions() {
  const { signOut } = useSession();
  const sessions = useQuery(MySessionsQuery, {});
  const revoke = useMutation(RevokeSessionMutation);
  const everywhere = useMutation(SignOutEverywhereMutation);
  const [confirmAll, setConfirmAll] = useState(false);
  const end = async (id: string) => {
    if (await revoke.run({ input: { id } })) await sessions.reload();
  };
  const endAll = async () => {
    if (await everywhere.run({})) await signOut();
  };
  return (
    <section className="panel" aria-labelledby="sessions-h">
      <h2 id="sessions-h">Sessions</h2>
      <ErrorBox error={sessions.error ?? revoke.error} onRetry={() => void sessions.reload()} />
      {!sessions.data && !sessions.error && <Loading what="sessions" />}
      {sessions.data && (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
              <th scope="col">Address</th>
              <th scope="col">Browser</th>
              <th scope="col">End</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.mySessions.map((s) => (
              <tr key={s.id}>
                <td>{fmt(s.createdAt)}</td>
                <td>{fmt(s.lastSeenAt)}</td>
                <td>{s.ip ?? '—'}</td>
                <td className="ua">{s.userAgent ?? '—'}</td>
                <td>
                  {s.current ? (
                    <span className="badge badge-info">This browser</span>
                  ) : (
                    <button
                      type="button"
                      className="button secondary small"
                      onClick={() => void end(s.id)}
                      disabled={revoke.pending}
                    >
                      Sign out
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="button danger"
        onClick={() => {
          everywhere.reset();
          setConfirmAll(true);
        }}
      >
        Sign out everywhere
      </button>
      <ConfirmDialog
        open={confirmAll}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        danger
        pending={everywhere.pending}
        error={everywhere.error}
        onConfirm={() => void endAll()}
        onCancel={() => setConfirmAll(false)}
      >
        <p>Every session of yours ends, this one included. You will need to sign in again.</p>
      </ConfirmDialog>
      {revoke.pending && <Notice>Ending the session…</Notice>}
    </section>
  );
}
