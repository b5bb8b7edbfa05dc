// The production workflow bundle's entry: exactly the workflow types the lane workers register
// (services/worker/lane-workers.ts); a spec keeps the two in step. Diagnostics bundle from workflows/smoke.
export { publishPostWorkflow } from './publish/publish.workflow';
export { planningWorkflow } from './planning/planning.workflow';
export { creationItemWorkflow } from './creation/creation.workflow';
export { accountTokensWorkflow } from './tokens/account-tokens.workflow';
export { engagementAccountWorkflow } from './engagement/engagement.workflow';
export { ingestPollWorkflow } from './ingest-poll/ingest-poll.workflow';
export { accountAnalyticsWorkflow } from './analytics/analytics.workflow';
export { reportWorkflow } from './report/report.workflow';
export { receiptRecheckWorkflow } from './receipts/receipt-recheck.workflow';
