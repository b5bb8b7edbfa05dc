import { registerEnumType } from '@nestjs/graphql';
import { REPORT_STATUSES } from '../../../../workflows/contracts/vocabulary/report-status';

/** The report statuses as a GraphQL enum (workflows/contracts/vocabulary/report-status.ts defines them). */
export const ReportStatusEnum = Object.fromEntries(REPORT_STATUSES.map((s) => [s, s])) as Record<string, string>;

registerEnumType(ReportStatusEnum, {
  name: 'ReportStatus',
  description: '`generating`, then `ready` (the PDF is stored) or `failed` (see `error`)',
});
