import { type FormEvent, useEffect, useId, useState } from 'react';
import { GenerateReportMutation, ReportsQuery } from '../../api/report-operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import { useClientScope } from '../../auth/workspace';
import { dayKeyOf, formatDateTime } from '../../time/zoned-time';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { ReportDelivery } from './report-delivery';
import { ReportDetail } from './report-detail';
import { lastMonthOf, monthRange, STATUS_WORDS } from './report-words';

/**
 * A client's reports (issue #14): make one for a month, read its figures, download the PDF, share a read-only link
 * (its URL shown once), revoke links, and set the monthly delivery by mail.
 */
export function ReportsScreen() {
  const { client, can } = useClientScope();
  const [open, setOpen] = useState<string | null>(null);
  const [pollFast, setPollFast] = useState(false);
  const list = useQuery(ReportsQuery, { clientId: client.id }, { pollMs: pollFast ? 2_000 : 30_000 });
  const reports = list.data?.reports;
  const generating = !!reports?.some((r) => r.status === 'generating');
  // Poll quickly while a report is being printed, so it turns ready on screen within seconds.
  useEffect(() => setPollFast(generating), [generating]);
  return (
    <Page
      title="Reports"
      subtitle={`${client.name} · a branded PDF of the period’s reach and engagement and of the agency’s proof of work`}
    >
      {can('report.manage') && (
        <GenerateForm
          onStarted={async (id) => {
            setOpen(id);
            await list.reload();
          }}
        />
      )}
      <section className="panel" aria-labelledby="reports-heading">
        <h2 id="reports-heading">Reports</h2>
        <ErrorBox error={list.error} onRetry={() => void list.reload()} />
        {!reports && !list.error && <Loading what="reports" />}
        {reports && reports.length === 0 && (
          <Empty title="No reports yet">
            {can('report.manage') ? 'Generate one for a month above.' : 'An Admin or Manager makes reports.'}
          </Empty>
        )}
        {reports && reports.length > 0 && (
          <table className="table" data-testid="reports">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                <th scope="col">Made ({client.timezone})</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id} data-report={r.id} data-status={r.status}>
                  <td>
                    {r.periodLabel}
                    <div className="hint">
                      {r.periodStart} to {r.periodEnd}
                    </div>
                  </td>
                  <td>
                    <span className={`badge ${STATUS_WORDS[r.status].badge}`}>{STATUS_WORDS[r.status].label}</span>
                    {r.error && <div className="hint">{r.error}</div>}
                  </td>
                  <td>
                    {formatDateTime(r.createdAt, client.timezone)}
                    <div className="hint">
                      {r.trigger === 'schedule' ? 'monthly delivery' : 'by an operator'}
                      {r.emailedAt ? `, mailed ${formatDateTime(r.emailedAt, client.timezone)}` : ''}
                    </div>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      aria-expanded={open === r.id}
                      aria-label={`${open === r.id ? 'Close' : 'Open'} the report for ${r.periodLabel}`}
                      onClick={() => setOpen(open === r.id ? null : r.id)}
                    >
                      {open === r.id ? 'Close' : 'Open'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {open && <ReportDetail key={open} reportId={open} onChanged={list.reload} />}
      <ReportDelivery />
    </Page>
  );
}

function GenerateForm({ onStarted }: { onStarted: (reportId: string) => Promise<void> }) {
  const { client } = useClientScope();
  const generate = useMutation(GenerateReportMutation);
  const [month, setMonth] = useState(() => lastMonthOf(dayKeyOf(new Date(), client.timezone)));
  const field = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await generate.run({ input: { clientId: client.id, ...monthRange(month) } });
    if (r) await onStarted(r.generateReport.id);
  };
  return (
    <section className="panel" aria-labelledby="generate-heading">
      <h2 id="generate-heading">Generate a report</h2>
      <form className="inline-form" onSubmit={submit}>
        <label className="field inline" htmlFor={field}>
          <span>Month ({client.timezone})</span>
          <input
            id={field}
            type="month"
            required
            value={month}
            max={dayKeyOf(new Date(), client.timezone).slice(0, 7)}
            onChange={(e) => setMonth(e.target.value)}
          />
        </label>
        <button type="submit" className="button primary" disabled={generate.pending} data-mutates="report.manage">
          {generate.pending ? 'Starting…' : 'Generate report'}
        </button>
      </form>
      <ErrorBox error={generate.error} />
    </section>
  );
}
