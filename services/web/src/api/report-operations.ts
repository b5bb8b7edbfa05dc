import { graphql } from '../gql';

// The Reports screen's operations (issue #14), apart from operations.ts so the feature stays in one place.

export const ReportsQuery = graphql(`
  query Reports($clientId: ID!) {
    reports(clientId: $clientId, limit: 50) {
      id
      periodStart
      periodEnd
      periodLabel
      status
      trigger
      error
      emailedAt
      createdAt
    }
  }
`);

export const ReportQuery = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      id
      periodLabel
      status
      error
      emailedAt
      downloadUrl
      proof {
        key
        label
        display
        detail
        source
      }
      totals {
        key
        label
        display
        detail
        source
      }
      links {
        id
        expiresAt
        revokedAt
        active
        createdBy
        createdAt
      }
    }
  }
`);

export const ReportScheduleQuery = graphql(`
  query ReportSchedule($clientId: ID!) {
    reportSchedule(clientId: $clientId) {
      enabled
      recipients
      dayOfMonth
      timezone
      nextRunAt
    }
  }
`);

export const GenerateReportMutation = graphql(`
  mutation GenerateReport($input: GenerateReportInput!) {
    generateReport(input: $input) {
      id
      status
    }
  }
`);

export const CreateReportLinkMutation = graphql(`
  mutation CreateReportLink($input: CreateReportLinkInput!) {
    createReportLink(input: $input) {
      url
      link {
        id
        expiresAt
      }
    }
  }
`);

export const RevokeReportLinkMutation = graphql(`
  mutation RevokeReportLink($input: ReportLinkRefInput!) {
    revokeReportLink(input: $input) {
      id
      active
    }
  }
`);

export const SetReportScheduleMutation = graphql(`
  mutation SetReportSchedule($input: SetReportScheduleInput!) {
    setReportSchedule(input: $input) {
      enabled
      recipients
      dayOfMonth
      timezone
      nextRunAt
    }
  }
`);
