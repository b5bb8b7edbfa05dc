import { graphql } from '../gql';

// Every operation the app sends. graphql-codegen reads this file and types each document from the committed
// SDL (schema/schema.graphql): response and variable types are generated, never written by hand.

export const WhoamiQuery = graphql(`
  query Whoami {
    whoami {
      id
      email
      displayName
      totpEnabled
      via
      staff
      memberships {
        agencyId
        agencyName
        clientId
        role
      }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      needsSecondFactor
      csrfToken
      me {
        id
      }
    }
  }
`);

export const CompleteSecondFactorMutation = graphql(`
  mutation CompleteSecondFactor($input: SecondFactorInput!) {
    completeSecondFactor(input: $input) {
      csrfToken
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export const ClientsQuery = graphql(`
  query Clients {
    clients {
      id
      name
      timezone
      agencyId
    }
  }
`);

export const ClientQuery = graphql(`
  query Client($id: ID!) {
    client(id: $id) {
      id
      name
      timezone
      agencyId
    }
  }
`);

export const CreateClientMutation = graphql(`
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      id
      name
      timezone
      agencyId
    }
  }
`);

export const PolicySettingsQuery = graphql(`
  query PolicySettings($clientId: ID!) {
    policySettings(clientId: $clientId) {
      clientId
      publishAutonomy
      fourEyes
      maxPublishesPerAccountPerDay
      latenessCutoffSeconds
      quietHoursStart
      quietHoursEnd
    }
  }
`);

export const UpdatePolicySettingsMutation = graphql(`
  mutation UpdatePolicySettings($input: UpdatePolicySettingsInput!) {
    updatePolicySettings(input: $input) {
      clientId
      publishAutonomy
      fourEyes
      maxPublishesPerAccountPerDay
      latenessCutoffSeconds
      quietHoursStart
      quietHoursEnd
    }
  }
`);

export const PlatformAccountsQuery = graphql(`
  query PlatformAccounts($clientId: ID!) {
    platformAccounts(clientId: $clientId) {
      id
      platform
      handle
      status
      statusReason
      fingerprint
      lane
      connectedAt
      externalAccountId
    }
  }
`);

export const StartPlatformConnectMutation = graphql(`
  mutation StartPlatformConnect($input: StartConnectInput!) {
    startPlatformConnect(input: $input) {
      authorizeUrl
      attemptId
      expiresAt
    }
  }
`);

export const PendingPlatformConnectsQuery = graphql(`
  query PendingPlatformConnects($clientId: ID!) {
    pendingPlatformConnects(clientId: $clientId) {
      attemptId
      clientName
      platform
      handle
      externalAccountId
      expiresAt
    }
  }
`);

export const ConfirmPlatformConnectMutation = graphql(`
  mutation ConfirmPlatformConnect($input: ConnectAttemptInput!) {
    confirmPlatformConnect(input: $input) {
      id
      handle
    }
  }
`);

export const CancelPlatformConnectMutation = graphql(`
  mutation CancelPlatformConnect($input: ConnectAttemptInput!) {
    cancelPlatformConnect(input: $input)
  }
`);

export const AssetsQuery = graphql(`
  query Assets($clientId: ID!) {
    assets(clientId: $clientId) {
      id
      kind
      text
      checksum
      updatedAt
    }
  }
`);

export const CreateAssetMutation = graphql(`
  mutation CreateAsset($input: CreateAssetInput!) {
    createAsset(input: $input) {
      id
      text
      checksum
    }
  }
`);

export const PostsQuery = graphql(`
  query Posts($clientId: ID!) {
    posts(clientId: $clientId) {
      id
      status
      final
      scheduledAt
      timezone
      assetId
      platformAccountId
      createdBy
      authorIds
      reasons {
        code
        message
      }
      approvals {
        approverId
        role
      }
    }
  }
`);

export const PostQuery = graphql(`
  query Post($id: ID!) {
    post(id: $id) {
      id
      clientId
      status
      final
      workflowStatus
      scheduledAt
      timezone
      assetId
      assetChecksum
      platformAccountId
      createdBy
      authorIds
      url
      platformPostId
      proof
      publishedAt
      verifiedAt
      workflowId
      temporalUrl
      reasons {
        code
        reasonCode
        message
      }
      approvals {
        approverId
        role
        assetChecksum
        createdAt
      }
    }
  }
`);

export const SchedulePostMutation = graphql(`
  mutation SchedulePost($input: SchedulePostInput!) {
    schedulePost(input: $input) {
      id
      status
      scheduledAt
    }
  }
`);

export const ApprovePostMutation = graphql(`
  mutation ApprovePost($input: ApprovePostInput!) {
    approvePost(input: $input) {
      id
      status
    }
  }
`);

export const RejectPostMutation = graphql(`
  mutation RejectPost($input: PostDecisionInput!) {
    rejectPost(input: $input) {
      id
      status
    }
  }
`);

export const ReschedulePostMutation = graphql(`
  mutation ReschedulePost($input: ReschedulePostInput!) {
    reschedulePost(input: $input) {
      id
      status
      scheduledAt
    }
  }
`);

export const CancelPostMutation = graphql(`
  mutation CancelPost($input: PostDecisionInput!) {
    cancelPost(input: $input) {
      id
      status
    }
  }
`);

export const AuditEventsQuery = graphql(`
  query AuditEvents($postId: ID!) {
    auditEvents(postId: $postId) {
      id
      seq
      action
      actor
      createdAt
      data
      hash
      prevHash
      subjectType
      subjectId
    }
  }
`);

export const VerifyAuditChainQuery = graphql(`
  query VerifyAuditChain($clientId: ID!) {
    verifyAuditChain(clientId: $clientId) {
      ok
      count
      problems {
        seq
        problem
      }
    }
  }
`);

export const KillSwitchesQuery = graphql(`
  query KillSwitches($clientId: ID!) {
    killSwitches(clientId: $clientId) {
      id
      scope
      scopeId
      engaged
      reason
      stops
      updatedAt
    }
  }
`);

export const SetKillSwitchMutation = graphql(`
  mutation SetKillSwitch($input: SetKillSwitchInput!) {
    setKillSwitch(input: $input) {
      id
      scope
      scopeId
      engaged
      reason
      stops
    }
  }
`);

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      ip
      userAgent
      current
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($input: IdInput!) {
    revokeSession(input: $input)
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      prefix
      scopes
      createdAt
      expiresAt
      lastUsedAt
      lastUsedIp
      revokedAt
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
        prefix
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: IdInput!) {
    revokeApiToken(input: $input)
  }
`);

export const EnrollTotpMutation = graphql(`
  mutation EnrollTotp {
    enrollTotp {
      secret
      otpauthUrl
    }
  }
`);

export const ConfirmTotpMutation = graphql(`
  mutation ConfirmTotp($input: ConfirmTotpInput!) {
    confirmTotp(input: $input)
  }
`);
