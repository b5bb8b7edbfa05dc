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

export const PlatformsQuery = graphql(`
  query Platforms {
    platforms {
      id
      displayName
      configured
      emulator
      apiVersion
      apiSunsetsAt
      maxTextLength
      requiresMedia
      imageTypes
      videoTypes
    }
  }
`);

export const ReconnectAccountMutation = graphql(`
  mutation ReconnectAccount($accountId: ID!) {
    reconnectAccount(accountId: $accountId) {
      authorizeUrl
      attemptId
      expiresAt
    }
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

// One page of the posts waiting for a person, soonest first, their authors and approvals read with them. Costs
// about 520 of the API's 2000 (C-10) whatever `first` is: the cost counts fields, not rows.
export const ApprovalQueueQuery = graphql(`
  query ApprovalQueue($clientId: ID!, $first: Int!, $after: String) {
    approvalQueue(clientId: $clientId, first: $first, after: $after) {
      id
      cursor
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
      traceUrl
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

// ——— Planning and creation ———

// What a month grid shows and nothing more: a month is 1,000 posts for a busy client, and every field asked costs
// the API a resolution per post (the calendar month's p99 target, docs/benchmarks.md).
export const PostCalendarQuery = graphql(`
  query PostCalendar($clientId: ID!, $from: String!, $to: String!, $first: Int!, $after: String) {
    postCalendar(clientId: $clientId, from: $from, to: $to, first: $first, after: $after) {
      id
      cursor
      status
      final
      scheduledAt
      assetId
    }
  }
`);

export const PlansQuery = graphql(`
  query Plans($clientId: ID!) {
    plans(clientId: $clientId) {
      id
      status
      goals
      startDate
      endDate
      timezone
      itemCount
      requiresApproval
      source
      createdBy
      createdAt
      workflowStatus
      reasons {
        code
        message
      }
    }
  }
`);

export const PlanQuery = graphql(`
  query Plan($id: ID!) {
    plan(id: $id) {
      id
      clientId
      status
      goals
      startDate
      endDate
      timezone
      itemCount
      requiresApproval
      source
      createdBy
      decidedBy
      createdAt
      workflowStatus
      reasons {
        code
        message
        retryAt
      }
      pillars {
        name
        weight
      }
      targets {
        platformAccountId
        platform
        postsPerWeek
        postingTimes
        timing
        crossPostAccountIds
      }
    }
  }
`);

// Apart from PlanQuery: the API's cost limit (C-10) counts every nested field ten times, so a plan with its items
// and every list inside them would be refused as one query.
export const PlanItemsQuery = graphql(`
  query PlanItems($id: ID!) {
    plan(id: $id) {
      id
      items {
        id
        platform
        platformAccountId
        format
        pillar
        brief
        localDate
        localTime
        timing
        crossPostAccountIds
        status
        publishJobIds
      }
    }
  }
`);

export const CreatePlanMutation = graphql(`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      id
      status
    }
  }
`);

export const ApprovePlanMutation = graphql(`
  mutation ApprovePlan($input: PlanDecisionInput!) {
    approvePlan(input: $input) {
      id
      status
    }
  }
`);

export const RejectPlanMutation = graphql(`
  mutation RejectPlan($input: PlanDecisionInput!) {
    rejectPlan(input: $input) {
      id
      status
    }
  }
`);

export const RecurringPlanningQuery = graphql(`
  query RecurringPlanning($clientId: ID!) {
    recurringPlanning(clientId: $clientId) {
      clientId
      cadence
      goals
      nextRunAt
      paused
      requiresApproval
      pillars {
        name
        weight
      }
      targets {
        platformAccountId
        platform
        postsPerWeek
        postingTimes
      }
    }
  }
`);

export const SetRecurringPlanningMutation = graphql(`
  mutation SetRecurringPlanning($input: SetRecurringPlanningInput!) {
    setRecurringPlanning(input: $input) {
      clientId
      cadence
      nextRunAt
      paused
    }
  }
`);

export const PauseRecurringPlanningMutation = graphql(`
  mutation PauseRecurringPlanning($clientId: ID!) {
    pauseRecurringPlanning(clientId: $clientId) {
      clientId
      paused
      nextRunAt
    }
  }
`);

export const ResumeRecurringPlanningMutation = graphql(`
  mutation ResumeRecurringPlanning($clientId: ID!) {
    resumeRecurringPlanning(clientId: $clientId) {
      clientId
      paused
      nextRunAt
    }
  }
`);

// The queue lists ids; each card reads its item (preview, asset, reasons) with ReviewItemQuery: one query with all
// of them for every item would pass the API's cost limit (C-10).
export const ReviewQueueQuery = graphql(`
  query ReviewQueue($clientId: ID!, $first: Int!, $after: String) {
    reviewQueue(clientId: $clientId, first: $first, after: $after) {
      endCursor
      items {
        id
        status
      }
    }
  }
`);

export const ReviewItemQuery = graphql(`
  query ReviewItem($id: ID!) {
    reviewItem(id: $id) {
      id
      planId
      platform
      platformAccountId
      format
      pillar
      brief
      slotAt
      timezone
      crossPostAccountIds
      status
      revision
      authorIds
      reasons {
        code
        message
      }
      asset {
        id
        text
        checksum
        authorKind
        mediaContentType
        mediaUrl
      }
      preview {
        feedText
        truncated
        characters
        characterLimit
        overLimit
        hashtags
        links
        linksAllowed
        mediaAspect
      }
    }
  }
`);

export const ApproveItemMutation = graphql(`
  mutation ApproveItem($input: ApproveItemInput!) {
    approveItem(input: $input) {
      id
      status
      publishJobIds
    }
  }
`);

export const RequestItemChangesMutation = graphql(`
  mutation RequestItemChanges($input: RequestItemChangesInput!) {
    requestItemChanges(input: $input) {
      id
      status
    }
  }
`);

export const RejectItemMutation = graphql(`
  mutation RejectItem($input: RejectItemInput!) {
    rejectItem(input: $input) {
      id
      status
    }
  }
`);

export const EditItemTextMutation = graphql(`
  mutation EditItemText($input: EditItemTextInput!) {
    editItemText(input: $input) {
      id
      status
      revision
    }
  }
`);

export const ProviderKeysQuery = graphql(`
  query ProviderKeys($clientId: ID!) {
    providerKeys(clientId: $clientId) {
      provider
      scope
      setAt
    }
  }
`);

export const SetProviderKeyMutation = graphql(`
  mutation SetProviderKey($input: SetProviderKeyInput!) {
    setProviderKey(input: $input) {
      provider
      scope
      setAt
    }
  }
`);

export const RemoveProviderKeyMutation = graphql(`
  mutation RemoveProviderKey($input: RemoveProviderKeyInput!) {
    removeProviderKey(input: $input)
  }
`);

export const AiSettingsQuery = graphql(`
  query AiSettings($clientId: ID!) {
    aiSettings(clientId: $clientId) {
      clientId
      month
      monthlyBudgetMicros
      spentThisMonthMicros
      contract {
        maxDepth
        maxToolCalls
        maxTokens
        maxCostMicros
        maxWallMs
        maxRevisions
      }
      preferred {
        text
        image
        video
        avatar
      }
      presenter {
        avatarId
        voiceId
      }
    }
  }
`);

export const UpdateAiSettingsMutation = graphql(`
  mutation UpdateAiSettings($input: UpdateAiSettingsInput!) {
    updateAiSettings(input: $input) {
      clientId
      monthlyBudgetMicros
      presenter {
        avatarId
        voiceId
      }
    }
  }
`);

export const BrandKitQuery = graphql(`
  query BrandKit($clientId: ID!) {
    brandKit(clientId: $clientId) {
      clientId
      configured
      name
      headline
      voice
      doWords
      dontWords
      bannedClaims
      hashtags
      colours
      updatedAt
    }
  }
`);

export const UpdateBrandKitMutation = graphql(`
  mutation UpdateBrandKit($input: UpdateBrandKitInput!) {
    updateBrandKit(input: $input) {
      clientId
      configured
      updatedAt
    }
  }
`);

export const KbSourcesQuery = graphql(`
  query KbSources($clientId: ID!) {
    kbSources(clientId: $clientId) {
      id
      kind
      title
      summary
      topTerms
      sourceUrl
      fileName
      byteSize
      chunkCount
      createdAt
      removedAt
    }
  }
`);

export const AddKbSourceMutation = graphql(`
  mutation AddKbSource($input: AddKbSourceInput!) {
    addKbSource(input: $input) {
      id
      title
    }
  }
`);

export const RemoveKbSourceMutation = graphql(`
  mutation RemoveKbSource($id: ID!) {
    removeKbSource(id: $id) {
      id
      removedAt
    }
  }
`);

export const ImportPostsDryRunMutation = graphql(`
  mutation ImportPostsDryRun($input: ImportPostsDryRunInput!) {
    importPostsDryRun(input: $input) {
      digest
      valid
      postCount
      rows {
        line
        text
        date
        platformAccountIds
        mediaUrls
        recurrence
        evergreenIntervalDays
      }
      occurrences {
        line
        platformAccountId
        scheduledAt
        local
      }
      errors {
        line
        column
        code
        message
      }
    }
  }
`);

export const ImportPostsMutation = graphql(`
  mutation ImportPosts($input: ImportPostsInput!) {
    importPosts(input: $input) {
      batchId
      postIds
    }
  }
`);

export const QueueSlotsQuery = graphql(`
  query QueueSlots($clientId: ID!) {
    queueSlots(clientId: $clientId) {
      id
      platformAccountId
      weekday
      time
    }
  }
`);

export const CreateQueueSlotMutation = graphql(`
  mutation CreateQueueSlot($input: CreateQueueSlotInput!) {
    createQueueSlot(input: $input) {
      id
    }
  }
`);

export const UpdateQueueSlotMutation = graphql(`
  mutation UpdateQueueSlot($input: UpdateQueueSlotInput!) {
    updateQueueSlot(input: $input) {
      id
    }
  }
`);

export const DeleteQueueSlotMutation = graphql(`
  mutation DeleteQueueSlot($input: DeleteQueueSlotInput!) {
    deleteQueueSlot(input: $input)
  }
`);
