import type { ScheduleOptionsAction, ScheduleSpec } from '@temporalio/client';
import type { ReportInput } from '../../../../workflows/contracts/report.contract';
import { monthlyReportWorkflowId, REPORT_WORKFLOW_TYPE } from '../../../../workflows/contracts/report.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../../../workflows/contracts/search-attributes';

/** The hour the monthly report goes out on its day, in the client's timezone: the start of a working day. */
export const DELIVERY_HOUR = 8;

/** When a client's monthly report runs: its day of the month at 08:00, in the client's timezone. */
export function reportScheduleSpec(dayOfMonth: number, timezone: string): ScheduleSpec {
  return { calendars: [{ dayOfMonth, hour: DELIVERY_HOUR, minute: 0 }], timezone };
}

/** The action: the report episode with ids only; its first activity opens last month's report, then mails it. */
export function reportScheduleAction(
  i: { agencyId: string; clientId: string },
  taskQueue: string,
): ScheduleOptionsAction {
  const input: ReportInput = { agencyId: i.agencyId, clientId: i.clientId, trigger: 'schedule', deliver: true };
  return {
    type: 'startWorkflow',
    workflowType: REPORT_WORKFLOW_TYPE,
    taskQueue,
    workflowId: monthlyReportWorkflowId(i.clientId),
    args: [input],
    typedSearchAttributes: [
      { key: clientIdKey, value: i.clientId },
      { key: agencyIdKey, value: i.agencyId },
      { key: episodeKindKey, value: 'report' },
    ],
  };
}
