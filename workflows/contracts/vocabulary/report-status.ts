/**
 * The reports vocabulary (issue #14), defined once: where a client report stands, and what started it. The database
 * CHECK, the report episode, the API's enum and the web app all take these.
 */
export const REPORT_STATUSES = [
  /** the episode is collecting the figures and rendering the PDF */
  'generating',
  /** the PDF is in the artifact store; links and mail may be made from it */
  'ready',
  /** generation failed after its retries; `error` says why, in an operator's words */
  'failed',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export function isReportStatus(s: string): s is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(s);
}

/** Who asked for a report: an operator (generateReport) or the client's monthly Schedule. */
export const REPORT_TRIGGERS = ['operator', 'schedule'] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];
