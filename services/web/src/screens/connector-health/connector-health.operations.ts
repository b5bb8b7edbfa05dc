import { graphql } from '../../gql';

// The connector health centre's operations. The account query stays under the API's cost limit (2000; nested lists
// count ten times): add a field to a list only with that in mind.

export const ConnectorHealthQuery = graphql(`
  query ConnectorHealth($clientId: ID!) {
    connectorHealth(clientId: $clientId) {
      accountId
      platform
      platformName
      handle
      status
      statusReason
      tokenExpiresAt
      refreshExpiresAt
      nextRefreshAt
      signInAgainBy
      tokenRefreshable
      lastSuccessAt
      standingCheckedAt
      apiVersion
      apiVersionSunsetsAt
      daysToSunset
      missing
      worstSeverity
      quotas {
        id
        label
        used
        limit
        unit
        resetsAt
      }
      restrictions {
        code
        message
      }
      recentErrors {
        at
        signal
        message
        whatToDo
      }
      attention {
        code
        severity
        headline
        whatToDo
      }
    }
  }
`);

export const ConnectorAttentionQuery = graphql(`
  query ConnectorAttention($first: Int, $after: String, $agencyId: ID) {
    connectorAttention(first: $first, after: $after, agencyId: $agencyId) {
      entries {
        accountId
        clientId
        clientName
        platformName
        handle
        accountStatus
        code
        severity
        headline
        whatToDo
      }
      endCursor
    }
  }
`);

export const RefreshConnectorStandingMutation = graphql(`
  mutation RefreshConnectorStanding($accountId: ID!) {
    refreshConnectorStanding(accountId: $accountId) {
      accountId
      standingCheckedAt
    }
  }
`);

export const HealthReconnectAccountMutation = graphql(`
  mutation HealthReconnectAccount($accountId: ID!) {
    reconnectAccount(accountId: $accountId) {
      authorizeUrl
      attemptId
    }
  }
`);
