import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { excerpt, useAccounts } from '../api/client-data';
import { ImportPostsDryRunMutation, ImportPostsMutation } from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useClientScope } from '../auth/workspace';
import type { ImportPostsDryRunMutation as DryRunResult } from '../gql/graphql';
import { Link } from '../routing/router';
import { Empty, ErrorBox, Notice } from '../ui/feedback';
import { Page } from '../ui/page';

type DryRun = DryRunResult['importPostsDryRun'];
const EXAMPLE = 'text,accounts,date\n"Spring is here, and so is our new range",sandbox,next\n';
// The API refuses larger files anyway; checking here saves an upload that cannot succeed.
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A CSV of posts: checked row by row (nothing created), then scheduled exactly as the check showed, or not at all. */
export function ImportScreen() {
  const { client, can } = useClientScope();
  const accounts = useAccounts(client.id);
  const dryRun = useMutation(ImportPostsDryRunMutation);
  const doImport = useMutation(ImportPostsMutation);
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<{ csv: string; result: DryRun } | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  if (!can('post.schedule'))
    return (
      <Page title="Import">
        <Notice>Your role cannot schedule posts, so it cannot import them.</Notice>
      </Page>
    );

  const edit = (text: string) => {
    setCsv(text);
    // The check belongs to the text it read: after any change, check again before importing.
    setChecked(null);
    setImported(null);
  };
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    setProblem(null);
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setProblem('The file is larger than 2 MB: split it into smaller imports.');
    edit(await file.text());
  };
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setImported(null);
    const r = await dryRun.run({ input: { clientId: client.id, csv } });
    if (r) setChecked({ csv, result: r.importPostsDryRun });
  };
  const run = async () => {
    if (!checked) return;
    const r = await doImport.run({
      input: { clientId: client.id, csv: checked.csv, dryRunDigest: checked.result.digest },
    });
    if (r) {
      setImported(r.importPosts.postIds.length);
      setChecked(null);
    }
  };

  const result = checked?.result;
  const handle = (accountId: string) => {
    const a = accounts.byId.get(accountId);
    return a ? `${a.handle} (${a.platform})` : 'an account';
  };
  const generalErrors = result?.errors.filter((er) => !result.rows.some((r) => r.line === er.line)) ?? [];

  return (
    <Page title="Import" subtitle={`${client.name} · posts from a CSV, times in ${client.timezone}`}>
      <form className="settings-form" onSubmit={check}>
        <p className="hint">
          Columns: <code>text</code>, <code>accounts</code> (a handle, <code>platform:handle</code> or a platform),{' '}
          <code>date</code> (<code>YYYY-MM-DD HH:MM</code> on the client's clock, or <code>next</code> for the next free
          queue slot), and optionally <code>media_urls</code>, <code>recurrence</code> (<code>daily:N</code>,{' '}
          <code>weekly:N</code>), <code>evergreen</code>, <code>evergreen_interval_days</code>.
        </p>
        <label className="field" htmlFor={`${id}-file`}>
          <span>Upload a CSV file</span>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void upload(e)} />
        </label>
        <label className="field" htmlFor={`${id}-csv`}>
          <span>or paste it</span>
          <textarea
            id={`${id}-csv`}
            name="csv"
            rows={8}
            className="mono"
            placeholder={EXAMPLE}
            value={csv}
            onChange={(e) => edit(e.target.value)}
          />
        </label>
        {problem && <Notice tone="warning">{problem}</Notice>}
        <ErrorBox error={dryRun.error} />
        <div className="actions">
          <button type="submit" className="button secondary" disabled={!csv.trim() || dryRun.pending}>
            {dryRun.pending ? 'Checking…' : 'Check'}
          </button>
        </div>
      </form>
      {imported !== null && (
        <Notice tone="success">
          Imported {imported} post{imported === 1 ? '' : 's'}.{' '}
          <Link to={`/c/${client.id}/calendar?view=month`}>See them in the calendar</Link>.
        </Notice>
      )}
      {result && (
        <section className="panel" aria-labelledby="dry-run-heading" data-testid="dry-run">
          <h2 id="dry-run-heading">
            Check: {result.rows.length} row{result.rows.length === 1 ? '' : 's'}, {result.postCount} post
            {result.postCount === 1 ? '' : 's'}, {result.errors.length} error{result.errors.length === 1 ? '' : 's'}
          </h2>
          {generalErrors.length > 0 && (
            <ul className="reasons">
              {generalErrors.map((er, i) => (
                <li key={i}>
                  Line {er.line}: {er.message}
                </li>
              ))}
            </ul>
          )}
          {result.rows.length === 0 ? (
            <Empty title="No rows">The CSV has no data rows.</Empty>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Text</th>
                    <th scope="col">Date</th>
                    <th scope="col">Accounts</th>
                    <th scope="col">Media</th>
                    <th scope="col">Repeats</th>
                    <th scope="col">Slots ({client.timezone})</th>
                    <th scope="col">Errors</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r) => {
                    const errors = result.errors.filter((er) => er.line === r.line);
                    const slots = result.occurrences.filter((o) => o.line === r.line);
                    return (
                      <tr key={r.line} data-line={r.line} className={errors.length ? 'row-error' : undefined}>
                        <td>{r.line}</td>
                        <td>{excerpt(r.text, 80)}</td>
                        <td>{r.date ?? '—'}</td>
                        <td>{r.platformAccountIds.map(handle).join(', ') || '—'}</td>
                        <td>{r.mediaUrls.length || '—'}</td>
                        <td>
                          {r.recurrence ?? ''}
                          {r.evergreenIntervalDays ? ` evergreen every ${r.evergreenIntervalDays} days` : ''}
                          {!r.recurrence && !r.evergreenIntervalDays && '—'}
                        </td>
                        <td>
                          {slots.length ? (
                            <ul className="plain-list">
                              {slots.map((o, i) => (
                                <li key={i}>
                                  {o.local.replace('T', ' ')} · {handle(o.platformAccountId)}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          {errors.length ? (
                            <ul className="plain-list error-list">
                              {errors.map((er, i) => (
                                <li key={i}>
                                  {er.column && <code>{er.column}</code>} {er.message}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span className="badge badge-success">OK</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <ErrorBox error={doImport.error} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={!result.valid || result.postCount === 0 || doImport.pending}
              onClick={() => void run()}
              data-mutates="post.schedule"
            >
              {doImport.pending ? 'Importing…' : `Import ${result.postCount} post${result.postCount === 1 ? '' : 's'}`}
            </button>
            {!result.valid && <span className="hint">Correct the rows with errors and check again.</span>}
          </div>
        </section>
      )}
    </Page>
  );
}
