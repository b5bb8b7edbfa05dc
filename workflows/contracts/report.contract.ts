import { defineQuery } from '@temporalio/workflow';
import type { ReportStatus, ReportTrigger } from './vocabulary/report-status';

/**
 * The report episode (issue #14), on the planning lane (reports are batch work; they never compete with a due
 * publish, C-26): open the report row, generate (figures, PDF, artifact store), then optionally mail it with a
 * read-only link. Ids only in the input and the history (C-05, C-13): the figures, the PDF, the recipients and the
 * link's token never pass through Temporal.
 */
export const REPORT_WORKFLOW_TYPE = 'reportWorkflow';

export interface ReportInput {
  agencyId: string;
  clientId: string;
  /** the row the API created; absent when the monthly Schedule fires (the first activity makes it, last month's) */
  reportId?: string;
  trigger: ReportTrigger;
  /** mail the PDF and a read-only link to the client's report recipients once it is ready */
  deliver: boolean;
}

/** One episode per report. */
export function reportWorkflowId(clientId: string, reportId: string): string {
  return `report-${clientId}-${reportId}`;
}

/** One monthly delivery Schedule per client. */
export function reportScheduleId(clientId: string): string {
  return `report-${clientId}`;
}

/** The workflow id the monthly Schedule's action names; Temporal appends each run's time to it. */
export function monthlyReportWorkflowId(clientId: string): string {
  return `report-${clientId}-monthly`;
}

/** What each activity is given: the tenant and the report, never its content. */
export interface ReportRef {
  agencyId: string;
  clientId: string;
  reportId: string;
  /** `workflow:<id>`: the audit trail's actor */
  actor: string;
}

export interface OpenReportInput {
  agencyId: string;
  clientId: string;
  reportId?: string;
  trigger: ReportTrigger;
  /** the workflow's start time, from which a scheduled run takes "last month" (deterministic across retries) */
  asOf: string;
  /** the run's workflow id: a Schedule's run opens one report, however often the activity is retried */
  workflowId: string;
  actor: string;
}

export interface OpenedReport {
  reportId: string;
  status: ReportStatus;
}

export interface GeneratedReport {
  status: ReportStatus;
  /** bytes of the stored PDF (its key stays in the database) */
  size: number | null;
}

export type ReportDelivery =
  | { sent: true; recipients: number }
  | {
      sent: false;
      reason: 'no_recipients' | 'no_mail_transport' | 'mail_refused' | 'mail_failed' | 'already_sent' | 'not_ready';
    };

export interface ReportResult {
  reportId: string;
  status: ReportStatus;
  delivery: ReportDelivery | null;
}

export const reportStatusQuery = defineQuery<{ reportId: string | null; status: ReportStatus | 'opening' }>(
  'reportStatus',
);

/** `patched()` ids of the report workflow; never rename or reuse one. */
export const REPORT_PATCHES = {} as const;
