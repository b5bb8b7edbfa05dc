import { type FormEvent, useEffect, useId, useState } from 'react';
import { ReportScheduleQuery, SetReportScheduleMutation } from '../../api/report-operations';
import { useMutation } from '../../api/use-mutation';
import { useQuery } from '../../api/use-query';
import { useClientScope } from '../../auth/workspace';
import { formatDateTime } from '../../time/zoned-time';
import { ErrorBox, Loading, Notice } from '../../ui/feedback';
import { parseRecipients } from './report-words';

const DAYS = Array.from({ length: 28 }, (_, i) => i + 1);

/** The monthly delivery: on or off, who gets the mail, and on which day last month's report goes out. */
export function ReportDelivery() {
  const { client, can } = useClientScope();
  const q = useQuery(ReportScheduleQuery, { clientId: client.id });
  const save = useMutation(SetReportScheduleMutation);
  const saved = q.data?.reportSchedule;
  const [enabled, setEnabled] = useState(false);
  const [recipients, setRecipients] = useState('');
  const [day, setDay] = useState(1);
  const [done, setDone] = useState(false);
  const ids = { enabled: useId(), recipients: useId(), day: useId() };
  useEffect(() => {
    if (!saved) return;
    setEnabled(saved.enabled);
    setRecipients(saved.recipients.join('\n'));
    setDay(saved.dayOfMonth);
  }, [saved]);
  const mayManage = can('report.manage');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const r = await save.run({
      input: { clientId: client.id, enabled, recipients: parseRecipients(recipients), dayOfMonth: day },
    });
    if (!r) return;
    setDone(true);
    await q.reload();
  };
  return (
    <section className="panel" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Monthly delivery by mail</h2>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {q.loading && !q.data && <Loading what="the delivery settings" />}
      {q.data && (
        <p className="hint" data-testid="delivery-state">
          {saved?.enabled
            ? `On: last month’s report goes out on day ${saved.dayOfMonth} at 08:00 (${saved.timezone}) to ${saved.recipients.length} recipient(s)` +
              (saved.nextRunAt ? `; next on ${formatDateTime(saved.nextRunAt, client.timezone)}.` : '.')
            : 'Off: reports are made and shared by hand.'}
        </p>
      )}
      {mayManage ? (
        <form onSubmit={submit} autoComplete="off">
          <label className="checkbox" htmlFor={ids.enabled}>
            <input id={ids.enabled} type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            <span>Mail last month’s report every month, with the PDF and a read-only link (30 days)</span>
          </label>
          <label className="field" htmlFor={ids.recipients}>
            <span>Recipients (one address per line, at most 20)</span>
            <textarea
              id={ids.recipients}
              rows={3}
              value={recipients}
              placeholder="owner@client.example"
              onChange={(e) => setRecipients(e.target.value)}
            />
          </label>
          <label className="field narrow" htmlFor={ids.day}>
            <span>Day of the month</span>
            <select id={ids.day} value={day} onChange={(e) => setDay(Number(e.target.value))}>
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button primary" disabled={save.pending} data-mutates="report.manage">
            {save.pending ? 'Saving…' : 'Save delivery'}
          </button>
          {done && <Notice tone="success">Saved.</Notice>}
          <ErrorBox error={save.error} />
        </form>
      ) : (
        <p className="hint">An Admin or Manager sets the monthly delivery.</p>
      )}
    </section>
  );
}
