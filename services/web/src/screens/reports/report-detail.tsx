import { useEffect, useId, useState } from 'react';
import { CreateReportLinkMutation, ReportQuery, RevokeReportLinkMutation } from '../../api/report-operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import { useClientScope } from '../../auth/workspace';
import type { ReportQuery as ReportResult } from '../../gql/graphql';
import { formatDateTime } from '../../time/zoned-time';
import { ErrorBox, Loading, Notice } from '../../ui/feedback';
import { STATUS_WORDS } from './report-words';

type Figure = ReportResult['report']['proof'][number];

/** One report: its figures as the PDF prints them, the PDF itself, and its read-only links. */
export function ReportDetail({ reportId, onChanged }: { reportId: string; onChanged: () => Promise<void> }) {
  const { client } = useClientScope();
  const [fast, setFast] = useState(true);
  const q = useQuery(ReportQuery, { id: reportId }, { pollMs: fast ? 2_000 : 0 });
  const report = q.data?.report;
  const status = report?.status;
  // Printed (or failed): stop polling, and let the list show the new status too.
  useEffect(() => {
    if (!status || status === 'generating') return;
    setFast(false);
    void onChanged();
  }, [status, onChanged]);
  return (
    <section className="panel" aria-labelledby="report-heading" data-testid="report-detail">
      <h2 id="report-heading">{report ? `Report for ${report.periodLabel}` : 'Report'}</h2>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!report && !q.error && <Loading what="the report" />}
      {report && (
        <>
          <p>
            <span className={`badge ${STATUS_WORDS[report.status].badge}`}>{STATUS_WORDS[report.status].label}</span>
            {report.error && <span className="hint"> {report.error}</span>}
            {report.emailedAt && (
              <span className="hint"> Mailed {formatDateTime(report.emailedAt, client.timezone)}.</span>
            )}
          </p>
          {report.status === 'ready' && (
            <>
              <p>
                {report.downloadUrl && (
                  <a className="button primary" href={report.downloadUrl} data-testid="report-download">
                    Download PDF
                  </a>
                )}
                <span className="hint">
                  {' '}
                  The download link works for five minutes; reopen the report for a new one.
                </span>
              </p>
              <Figures title="What the agency did" figures={report.proof} />
              <Figures title="Reach and engagement" figures={report.totals} />
              <Links reportId={report.id} links={report.links} onChanged={() => q.reload()} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function Figures({ title, figures }: { title: string; figures: Figure[] }) {
  return (
    <>
      <h3>{title}</h3>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.key} data-figure={f.key}>
              <td>{f.label}</td>
              <td>
                <strong>{f.display}</strong>
                {f.detail && <div className="hint">{f.detail}</div>}
              </td>
              <td className="hint">{f.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const LINK_DAYS = [7, 30, 90];

function Links({
  reportId,
  links,
  onChanged,
}: {
  reportId: string;
  links: ReportResult['report']['links'];
  onChanged: () => Promise<void>;
}) {
  const { client, can } = useClientScope();
  const create = useMutation(CreateReportLinkMutation);
  const revoke = useMutation(RevokeReportLinkMutation);
  const [days, setDays] = useState(30);
  const [shown, setShown] = useState<string | null>(null);
  const field = useId();
  const mayManage = can('report.manage');
  return (
    <>
      <h3>Read-only links</h3>
      {shown && (
        <Notice tone="warning">
          <p>
            The link, shown this once: copy it now. Anyone with it can read this report until it expires or you revoke
            it.
          </p>
          <p>
            <code className="secret" data-testid="report-link-url">
              {shown}
            </code>
          </p>
          <button type="button" className="button small" onClick={() => setShown(null)}>
            I have copied it
          </button>
        </Notice>
      )}
      {links.length === 0 ? (
        <p className="hint">No link yet.</p>
      ) : (
        <table className="table compact" data-testid="report-links">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              {mayManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} data-link={l.id}>
                <td>
                  {formatDateTime(l.createdAt, client.timezone)}
                  <div className="hint">{l.createdBy ? 'by an operator' : 'for the monthly mail'}</div>
                </td>
                <td>{formatDateTime(l.expiresAt, client.timezone)}</td>
                <td>
                  {l.active ? (
                    <span className="badge badge-success">Active</span>
                  ) : (
                    <span className="badge badge-muted">{l.revokedAt ? 'Revoked' : 'Expired'}</span>
                  )}
                </td>
                {mayManage && (
                  <td>
                    {l.active && (
                      <button
                        type="button"
                        className="button danger small"
                        disabled={revoke.pending}
                        data-mutates="report.manage"
                        onClick={() =>
                          void revoke.run({ input: { linkId: l.id } }).then(async (r) => {
                            if (r) await onChanged();
                          })
                        }
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayManage && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create.run({ input: { reportId, expiresInDays: days } }).then(async (r) => {
              if (!r) return;
              setShown(r.createReportLink.url);
              await onChanged();
            });
          }}
        >
          <label className="field inline" htmlFor={field}>
            <span>Valid for</span>
            <select id={field} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {LINK_DAYS.map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={create.pending} data-mutates="report.manage">
            {create.pending ? 'Making…' : 'Create share link'}
          </button>
        </form>
      )}
      <ErrorBox error={create.error ?? revoke.error} />
    </>
  );
}
