import { ActivityFailure, ApplicationFailure, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ReportActivities } from '../../activities/report/report.activities';
import type { ReportDelivery, ReportInput, ReportResult } from '../contracts/report.contract';
import { reportStatusQuery } from '../contracts/report.contract';
import type { ReportStatus } from '../contracts/vocabulary/report-status';

// Opening and marking are single-row writes keyed by the report or the run: retried freely.
const books = proxyActivities<ReportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

// Printing is idempotent (a ready report is answered as it is, the artifact store is content-addressed), but each
// attempt starts Chromium: a few tries a minute apart, then the report is marked failed with the reason.
const printer = proxyActivities<ReportActivities>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 3, maximumInterval: '2 minutes', maximumAttempts: 3 },
});

// A mail is an irreversible side effect: one recorded as sent is never sent again, but a send whose outcome was lost
// (the connection broke after the server took it) may go twice. Three tries, so a flaky server is not a loop.
const mailer = proxyActivities<ReportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 3 },
});

/** One report: open its row, print and store it, then mail it with a read-only link when asked to. */
export async function reportWorkflow(input: ReportInput): Promise<ReportResult> {
  const state: { reportId: string | null; status: ReportStatus | 'opening' } = { reportId: null, status: 'opening' };
  setHandler(reportStatusQuery, () => state);
  const actor = `workflow:${workflowInfo().workflowId}`;
  const ids = { agencyId: input.agencyId, clientId: input.clientId };
  const opened = await books.openReport({
    ...ids,
    reportId: input.reportId,
    trigger: input.trigger,
    asOf: workflowInfo().startTime.toISOString(),
    workflowId: workflowInfo().workflowId,
    actor,
  });
  Object.assign(state, { reportId: opened.reportId, status: opened.status });
  const ref = { ...ids, reportId: opened.reportId, actor };
  try {
    state.status = (await printer.generateReport(ref)).status;
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    await books.markReportFailed({ ...ref, reason: failureReason(err) });
    state.status = 'failed';
    return { reportId: opened.reportId, status: 'failed', delivery: null };
  }
  let delivery: ReportDelivery | null = null;
  if (input.deliver) {
    try {
      delivery = await mailer.emailReport(ref);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      // The report is made and stays ready; the operator can share a link by hand.
      delivery = { sent: false, reason: 'mail_failed' };
    }
  }
  return { reportId: opened.reportId, status: 'ready', delivery };
}

/** What the operator reads on a failed report: the renderer's own words, else nothing internal. */
function failureReason(err: ActivityFailure): string {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && cause.type === 'ReportRenderError') return cause.message;
  return 'the report could not be generated; the worker log has the details';
}
