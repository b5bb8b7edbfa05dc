import { graphql } from '../../gql';

// The diagnostics screen's operations (issue #15). One request for the page: alerts, lanes (one nested list of
// pollers) and the failed episodes, flat, well under the API's cost limit of 2000.

export const DiagnosticsQuery = graphql(`
  query Diagnostics($days: Int!, $limit: Int!) {
    alerts {
      id
      name
      severity
      firing
      value
      threshold
      summary
      runbook
      since
    }
    diagnosticsLanes {
      lane
      taskQueue
      alive
      workflowSlots
      activitySlots
      backlogKnown
      workflowBacklog
      workflowBacklogAgeSeconds
      activityBacklog
      activityBacklogAgeSeconds
      pollers {
        kind
        identity
        lastAccessAt
      }
    }
    failedEpisodes(days: $days, limit: $limit) {
      id
      workflowId
      runId
      workflowType
      episodeKind
      temporalStatus
      raizeStatus
      clientId
      postId
      reasonCodes
      failureType
      message
      at
      traceUrl
      temporalUrl
      canRetry
    }
  }
`);

export const EpisodeResetPointsQuery = graphql(`
  query EpisodeResetPoints($workflowId: String!, $runId: String!) {
    episodeResetPoints(workflowId: $workflowId, runId: $runId) {
      eventId
      at
      after
      activityType
      first
    }
  }
`);

export const RetryEpisodeMutation = graphql(`
  mutation RetryEpisode($workflowId: String!, $runId: String!) {
    retryEpisode(workflowId: $workflowId, runId: $runId) {
      workflowId
      runId
      eventId
      temporalUrl
    }
  }
`);

export const ResetEpisodeMutation = graphql(`
  mutation ResetEpisode($workflowId: String!, $runId: String!, $eventId: Int!, $reason: String!) {
    resetEpisode(workflowId: $workflowId, runId: $runId, eventId: $eventId, reason: $reason) {
      workflowId
      runId
      eventId
      temporalUrl
    }
  }
`);

export const ReplayEpisodeMutation = graphql(`
  mutation ReplayEpisode($workflowId: String!, $runId: String!) {
    replayEpisode(workflowId: $workflowId, runId: $runId) {
      workflowType
      sameDecisions
      outcome
      divergenceEventId
      message
      eventCount
    }
  }
`);
