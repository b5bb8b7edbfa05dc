/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ClientReviewers($clientId: ID!) {\n    clientReviewers(clientId: $clientId) {\n      id\n      name\n      email\n      disabledAt\n      createdAt\n    }\n  }\n": typeof types.ClientReviewersDocument,
    "\n  query ReviewLinks($clientId: ID!) {\n    reviewLinks(clientId: $clientId) {\n      id\n      reviewerId\n      reviewerName\n      postIds\n      requiresCode\n      expiresAt\n      revokedAt\n      lastUsedAt\n      createdAt\n      status\n    }\n  }\n": typeof types.ReviewLinksDocument,
    "\n  query ReviewBatchCandidates($clientId: ID!, $from: String!, $to: String!) {\n    postCalendar(clientId: $clientId, from: $from, to: $to, first: 300) {\n      id\n      status\n      final\n      scheduledAt\n      assetId\n      platformAccountId\n    }\n  }\n": typeof types.ReviewBatchCandidatesDocument,
    "\n  mutation AddClientReviewer($input: AddClientReviewerInput!) {\n    addClientReviewer(input: $input) {\n      id\n    }\n  }\n": typeof types.AddClientReviewerDocument,
    "\n  mutation DisableClientReviewer($input: ClientReviewerRefInput!) {\n    disableClientReviewer(input: $input) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.DisableClientReviewerDocument,
    "\n  mutation CreateReviewLink($input: CreateReviewLinkInput!) {\n    createReviewLink(input: $input) {\n      url\n      emailed\n      link {\n        id\n        reviewerName\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateReviewLinkDocument,
    "\n  mutation RevokeReviewLink($input: ReviewLinkRefInput!) {\n    revokeReviewLink(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeReviewLinkDocument,
    "\n  query ApprovalStages($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId\n      approvalStages {\n        action\n        platform\n        stage\n      }\n    }\n  }\n": typeof types.ApprovalStagesDocument,
    "\n  mutation UpdateApprovalStages($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId\n      approvalStages {\n        action\n        platform\n        stage\n      }\n    }\n  }\n": typeof types.UpdateApprovalStagesDocument,
    "\n  query PostClientReview($id: ID!) {\n    post(id: $id) {\n      id\n      approvalStage\n      clientReviewState\n      clientDecisions {\n        kind\n        reviewerId\n        reviewerName\n        comment\n        createdAt\n      }\n    }\n  }\n": typeof types.PostClientReviewDocument,
    "\n  query Inbox(\n    $clientId: ID!\n    $first: Int!\n    $after: String\n    $status: ConversationStatus\n    $platform: String\n    $intent: Intent\n    $sentiment: Sentiment\n    $assigneeId: ID\n    $breached: Boolean\n  ) {\n    inbox(\n      clientId: $clientId\n      first: $first\n      after: $after\n      status: $status\n      platform: $platform\n      intent: $intent\n      sentiment: $sentiment\n      assigneeId: $assigneeId\n      breached: $breached\n    ) {\n      items {\n        id\n        status\n        kind\n        intent\n        sentiment\n        flags\n        sensitive\n        platform\n        platformAccountId\n        lastMessageAt\n        slaDueAt\n        slaBreached\n        assigneeId\n      }\n      endCursor\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n      why\n      summary\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query ConversationMessages($conversationId: ID!) {\n    conversationMessages(conversationId: $conversationId) {\n      id\n      direction\n      authorHandle\n      text\n      occurredAt\n    }\n  }\n": typeof types.ConversationMessagesDocument,
    "\n  query ConversationNotes($conversationId: ID!) {\n    conversationNotes(conversationId: $conversationId) {\n      id\n      authorId\n      text\n      createdAt\n    }\n  }\n": typeof types.ConversationNotesDocument,
    "\n  query ConversationReplies($conversationId: ID!) {\n    conversationReplies(conversationId: $conversationId) {\n      id\n      action\n      status\n      text\n      checksum\n      authorKind\n      authorId\n      approvedBy\n      sentAt\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ConversationRepliesDocument,
    "\n  query InboxOperators($clientId: ID!) {\n    inboxOperators(clientId: $clientId) {\n      id\n      displayName\n      role\n    }\n  }\n": typeof types.InboxOperatorsDocument,
    "\n  query SavedReplies($clientId: ID!) {\n    savedReplies(clientId: $clientId) {\n      id\n      title\n      text\n    }\n  }\n": typeof types.SavedRepliesDocument,
    "\n  mutation AssignConversation($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n": typeof types.AssignConversationDocument,
    "\n  mutation EscalateConversation($input: ConversationStatusInput!) {\n    escalateConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n": typeof types.EscalateConversationDocument,
    "\n  mutation CloseConversation($input: ConversationStatusInput!) {\n    closeConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n": typeof types.CloseConversationDocument,
    "\n  mutation AddConversationNote($input: ConversationNoteInput!) {\n    addConversationNote(input: $input) {\n      id\n    }\n  }\n": typeof types.AddConversationNoteDocument,
    "\n  mutation ApproveReply($input: ApproveReplyInput!) {\n    approveReply(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveReplyDocument,
    "\n  mutation RejectReply($input: RejectReplyInput!) {\n    rejectReply(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectReplyDocument,
    "\n  mutation ReplyToConversation($input: ReplyToConversationInput!) {\n    replyToConversation(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReplyToConversationDocument,
    "\n  mutation CreateSavedReply($input: SavedReplyInput!) {\n    createSavedReply(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateSavedReplyDocument,
    "\n  mutation DeleteSavedReply($input: DeleteSavedReplyInput!) {\n    deleteSavedReply(input: $input)\n  }\n": typeof types.DeleteSavedReplyDocument,
    "\n  query Whoami {\n    whoami {\n      id\n      email\n      displayName\n      totpEnabled\n      via\n      staff\n      memberships {\n        agencyId\n        agencyName\n        clientId\n        role\n      }\n    }\n  }\n": typeof types.WhoamiDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      needsSecondFactor\n      csrfToken\n      me {\n        id\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) {\n    completeSecondFactor(input: $input) {\n      csrfToken\n    }\n  }\n": typeof types.CompleteSecondFactorDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  query Clients {\n    clients {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n": typeof types.ClientsDocument,
    "\n  query Client($id: ID!) {\n    client(id: $id) {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n": typeof types.ClientDocument,
    "\n  mutation CreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n": typeof types.CreateClientDocument,
    "\n  query PolicySettings($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId\n      publishAutonomy\n      fourEyes\n      maxPublishesPerAccountPerDay\n      latenessCutoffSeconds\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n": typeof types.PolicySettingsDocument,
    "\n  mutation UpdatePolicySettings($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId\n      publishAutonomy\n      fourEyes\n      maxPublishesPerAccountPerDay\n      latenessCutoffSeconds\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n": typeof types.UpdatePolicySettingsDocument,
    "\n  query PlatformAccounts($clientId: ID!) {\n    platformAccounts(clientId: $clientId) {\n      id\n      platform\n      handle\n      status\n      statusReason\n      fingerprint\n      lane\n      connectedAt\n      externalAccountId\n    }\n  }\n": typeof types.PlatformAccountsDocument,
    "\n  mutation StartPlatformConnect($input: StartConnectInput!) {\n    startPlatformConnect(input: $input) {\n      authorizeUrl\n      attemptId\n      expiresAt\n    }\n  }\n": typeof types.StartPlatformConnectDocument,
    "\n  query PendingPlatformConnects($clientId: ID!) {\n    pendingPlatformConnects(clientId: $clientId) {\n      attemptId\n      clientName\n      platform\n      handle\n      externalAccountId\n      expiresAt\n    }\n  }\n": typeof types.PendingPlatformConnectsDocument,
    "\n  mutation ConfirmPlatformConnect($input: ConnectAttemptInput!) {\n    confirmPlatformConnect(input: $input) {\n      id\n      handle\n    }\n  }\n": typeof types.ConfirmPlatformConnectDocument,
    "\n  mutation CancelPlatformConnect($input: ConnectAttemptInput!) {\n    cancelPlatformConnect(input: $input)\n  }\n": typeof types.CancelPlatformConnectDocument,
    "\n  query Platforms {\n    platforms {\n      id\n      displayName\n      configured\n      emulator\n      apiVersion\n      apiSunsetsAt\n      maxTextLength\n      requiresMedia\n      imageTypes\n      videoTypes\n    }\n  }\n": typeof types.PlatformsDocument,
    "\n  mutation ReconnectAccount($accountId: ID!) {\n    reconnectAccount(accountId: $accountId) {\n      authorizeUrl\n      attemptId\n      expiresAt\n    }\n  }\n": typeof types.ReconnectAccountDocument,
    "\n  query Assets($clientId: ID!) {\n    assets(clientId: $clientId) {\n      id\n      kind\n      text\n      checksum\n      updatedAt\n    }\n  }\n": typeof types.AssetsDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!) {\n    createAsset(input: $input) {\n      id\n      text\n      checksum\n    }\n  }\n": typeof types.CreateAssetDocument,
    "\n  query Posts($clientId: ID!) {\n    posts(clientId: $clientId) {\n      id\n      status\n      final\n      scheduledAt\n      timezone\n      assetId\n      platformAccountId\n      createdBy\n      authorIds\n      reasons {\n        code\n        message\n      }\n      approvals {\n        approverId\n        role\n      }\n    }\n  }\n": typeof types.PostsDocument,
    "\n  query ApprovalQueue($clientId: ID!, $first: Int!, $after: String) {\n    approvalQueue(clientId: $clientId, first: $first, after: $after) {\n      id\n      cursor\n      status\n      final\n      scheduledAt\n      timezone\n      assetId\n      platformAccountId\n      createdBy\n      authorIds\n      reasons {\n        code\n        message\n      }\n      approvals {\n        approverId\n        role\n      }\n    }\n  }\n": typeof types.ApprovalQueueDocument,
    "\n  query Post($id: ID!) {\n    post(id: $id) {\n      id\n      clientId\n      status\n      final\n      workflowStatus\n      scheduledAt\n      timezone\n      assetId\n      assetChecksum\n      platformAccountId\n      createdBy\n      authorIds\n      url\n      platformPostId\n      proof\n      publishedAt\n      verifiedAt\n      workflowId\n      temporalUrl\n      traceUrl\n      reasons {\n        code\n        reasonCode\n        message\n      }\n      approvals {\n        approverId\n        role\n        assetChecksum\n        createdAt\n      }\n    }\n  }\n": typeof types.PostDocument,
    "\n  mutation SchedulePost($input: SchedulePostInput!) {\n    schedulePost(input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": typeof types.SchedulePostDocument,
    "\n  mutation ApprovePost($input: ApprovePostInput!) {\n    approvePost(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApprovePostDocument,
    "\n  mutation RejectPost($input: PostDecisionInput!) {\n    rejectPost(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectPostDocument,
    "\n  mutation ReschedulePost($input: ReschedulePostInput!) {\n    reschedulePost(input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": typeof types.ReschedulePostDocument,
    "\n  mutation CancelPost($input: PostDecisionInput!) {\n    cancelPost(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CancelPostDocument,
    "\n  query AuditEvents($postId: ID!) {\n    auditEvents(postId: $postId) {\n      id\n      seq\n      action\n      actor\n      createdAt\n      data\n      hash\n      prevHash\n      subjectType\n      subjectId\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query VerifyAuditChain($clientId: ID!) {\n    verifyAuditChain(clientId: $clientId) {\n      ok\n      count\n      problems {\n        seq\n        problem\n      }\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  query KillSwitches($clientId: ID!) {\n    killSwitches(clientId: $clientId) {\n      id\n      scope\n      scopeId\n      engaged\n      reason\n      stops\n      updatedAt\n    }\n  }\n": typeof types.KillSwitchesDocument,
    "\n  mutation SetKillSwitch($input: SetKillSwitchInput!) {\n    setKillSwitch(input: $input) {\n      id\n      scope\n      scopeId\n      engaged\n      reason\n      stops\n    }\n  }\n": typeof types.SetKillSwitchDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($input: IdInput!) {\n    revokeSession(input: $input)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n      revokedAt\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: IdInput!) {\n    revokeApiToken(input: $input)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation EnrollTotp {\n    enrollTotp {\n      secret\n      otpauthUrl\n    }\n  }\n": typeof types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($input: ConfirmTotpInput!) {\n    confirmTotp(input: $input)\n  }\n": typeof types.ConfirmTotpDocument,
    "\n  query PostCalendar($clientId: ID!, $from: String!, $to: String!, $first: Int!, $after: String) {\n    postCalendar(clientId: $clientId, from: $from, to: $to, first: $first, after: $after) {\n      id\n      cursor\n      status\n      final\n      scheduledAt\n      assetId\n    }\n  }\n": typeof types.PostCalendarDocument,
    "\n  query Plans($clientId: ID!) {\n    plans(clientId: $clientId) {\n      id\n      status\n      goals\n      startDate\n      endDate\n      timezone\n      itemCount\n      requiresApproval\n      source\n      createdBy\n      createdAt\n      workflowStatus\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": typeof types.PlansDocument,
    "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      id\n      clientId\n      status\n      goals\n      startDate\n      endDate\n      timezone\n      itemCount\n      requiresApproval\n      source\n      createdBy\n      decidedBy\n      createdAt\n      workflowStatus\n      reasons {\n        code\n        message\n        retryAt\n      }\n      pillars {\n        name\n        weight\n      }\n      targets {\n        platformAccountId\n        platform\n        postsPerWeek\n        postingTimes\n        timing\n        crossPostAccountIds\n      }\n    }\n  }\n": typeof types.PlanDocument,
    "\n  query PlanItems($id: ID!) {\n    plan(id: $id) {\n      id\n      items {\n        id\n        platform\n        platformAccountId\n        format\n        pillar\n        brief\n        localDate\n        localTime\n        timing\n        crossPostAccountIds\n        status\n        publishJobIds\n      }\n    }\n  }\n": typeof types.PlanItemsDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreatePlanDocument,
    "\n  mutation ApprovePlan($input: PlanDecisionInput!) {\n    approvePlan(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApprovePlanDocument,
    "\n  mutation RejectPlan($input: PlanDecisionInput!) {\n    rejectPlan(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectPlanDocument,
    "\n  query RecurringPlanning($clientId: ID!) {\n    recurringPlanning(clientId: $clientId) {\n      clientId\n      cadence\n      goals\n      nextRunAt\n      paused\n      requiresApproval\n      pillars {\n        name\n        weight\n      }\n      targets {\n        platformAccountId\n        platform\n        postsPerWeek\n        postingTimes\n      }\n    }\n  }\n": typeof types.RecurringPlanningDocument,
    "\n  mutation SetRecurringPlanning($input: SetRecurringPlanningInput!) {\n    setRecurringPlanning(input: $input) {\n      clientId\n      cadence\n      nextRunAt\n      paused\n    }\n  }\n": typeof types.SetRecurringPlanningDocument,
    "\n  mutation PauseRecurringPlanning($clientId: ID!) {\n    pauseRecurringPlanning(clientId: $clientId) {\n      clientId\n      paused\n      nextRunAt\n    }\n  }\n": typeof types.PauseRecurringPlanningDocument,
    "\n  mutation ResumeRecurringPlanning($clientId: ID!) {\n    resumeRecurringPlanning(clientId: $clientId) {\n      clientId\n      paused\n      nextRunAt\n    }\n  }\n": typeof types.ResumeRecurringPlanningDocument,
    "\n  query ReviewQueue($clientId: ID!, $first: Int!, $after: String) {\n    reviewQueue(clientId: $clientId, first: $first, after: $after) {\n      endCursor\n      items {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  query ReviewItem($id: ID!) {\n    reviewItem(id: $id) {\n      id\n      planId\n      platform\n      platformAccountId\n      format\n      pillar\n      brief\n      slotAt\n      timezone\n      crossPostAccountIds\n      status\n      revision\n      authorIds\n      reasons {\n        code\n        message\n      }\n      asset {\n        id\n        text\n        checksum\n        authorKind\n        mediaContentType\n        mediaUrl\n      }\n      preview {\n        feedText\n        truncated\n        characters\n        characterLimit\n        overLimit\n        hashtags\n        links\n        linksAllowed\n        mediaAspect\n      }\n    }\n  }\n": typeof types.ReviewItemDocument,
    "\n  mutation ApproveItem($input: ApproveItemInput!) {\n    approveItem(input: $input) {\n      id\n      status\n      publishJobIds\n    }\n  }\n": typeof types.ApproveItemDocument,
    "\n  mutation RequestItemChanges($input: RequestItemChangesInput!) {\n    requestItemChanges(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RequestItemChangesDocument,
    "\n  mutation RejectItem($input: RejectItemInput!) {\n    rejectItem(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RejectItemDocument,
    "\n  mutation EditItemText($input: EditItemTextInput!) {\n    editItemText(input: $input) {\n      id\n      status\n      revision\n    }\n  }\n": typeof types.EditItemTextDocument,
    "\n  query ProviderKeys($clientId: ID!) {\n    providerKeys(clientId: $clientId) {\n      provider\n      scope\n      setAt\n    }\n  }\n": typeof types.ProviderKeysDocument,
    "\n  mutation SetProviderKey($input: SetProviderKeyInput!) {\n    setProviderKey(input: $input) {\n      provider\n      scope\n      setAt\n    }\n  }\n": typeof types.SetProviderKeyDocument,
    "\n  mutation RemoveProviderKey($input: RemoveProviderKeyInput!) {\n    removeProviderKey(input: $input)\n  }\n": typeof types.RemoveProviderKeyDocument,
    "\n  query AiSettings($clientId: ID!) {\n    aiSettings(clientId: $clientId) {\n      clientId\n      month\n      monthlyBudgetMicros\n      spentThisMonthMicros\n      contract {\n        maxDepth\n        maxToolCalls\n        maxTokens\n        maxCostMicros\n        maxWallMs\n        maxRevisions\n      }\n      preferred {\n        text\n        image\n        video\n        avatar\n      }\n      presenter {\n        avatarId\n        voiceId\n      }\n    }\n  }\n": typeof types.AiSettingsDocument,
    "\n  mutation UpdateAiSettings($input: UpdateAiSettingsInput!) {\n    updateAiSettings(input: $input) {\n      clientId\n      monthlyBudgetMicros\n      presenter {\n        avatarId\n        voiceId\n      }\n    }\n  }\n": typeof types.UpdateAiSettingsDocument,
    "\n  query BrandKit($clientId: ID!) {\n    brandKit(clientId: $clientId) {\n      clientId\n      configured\n      name\n      headline\n      voice\n      doWords\n      dontWords\n      bannedClaims\n      hashtags\n      colours\n      updatedAt\n    }\n  }\n": typeof types.BrandKitDocument,
    "\n  mutation UpdateBrandKit($input: UpdateBrandKitInput!) {\n    updateBrandKit(input: $input) {\n      clientId\n      configured\n      updatedAt\n    }\n  }\n": typeof types.UpdateBrandKitDocument,
    "\n  query KbSources($clientId: ID!) {\n    kbSources(clientId: $clientId) {\n      id\n      kind\n      title\n      summary\n      topTerms\n      sourceUrl\n      fileName\n      byteSize\n      chunkCount\n      createdAt\n      removedAt\n    }\n  }\n": typeof types.KbSourcesDocument,
    "\n  mutation AddKbSource($input: AddKbSourceInput!) {\n    addKbSource(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.AddKbSourceDocument,
    "\n  mutation RemoveKbSource($id: ID!) {\n    removeKbSource(id: $id) {\n      id\n      removedAt\n    }\n  }\n": typeof types.RemoveKbSourceDocument,
    "\n  mutation ImportPostsDryRun($input: ImportPostsDryRunInput!) {\n    importPostsDryRun(input: $input) {\n      digest\n      valid\n      postCount\n      rows {\n        line\n        text\n        date\n        platformAccountIds\n        mediaUrls\n        recurrence\n        evergreenIntervalDays\n      }\n      occurrences {\n        line\n        platformAccountId\n        scheduledAt\n        local\n      }\n      errors {\n        line\n        column\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportPostsDryRunDocument,
    "\n  mutation ImportPosts($input: ImportPostsInput!) {\n    importPosts(input: $input) {\n      batchId\n      postIds\n    }\n  }\n": typeof types.ImportPostsDocument,
    "\n  query QueueSlots($clientId: ID!) {\n    queueSlots(clientId: $clientId) {\n      id\n      platformAccountId\n      weekday\n      time\n    }\n  }\n": typeof types.QueueSlotsDocument,
    "\n  mutation CreateQueueSlot($input: CreateQueueSlotInput!) {\n    createQueueSlot(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateQueueSlotDocument,
    "\n  mutation UpdateQueueSlot($input: UpdateQueueSlotInput!) {\n    updateQueueSlot(input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateQueueSlotDocument,
    "\n  mutation DeleteQueueSlot($input: DeleteQueueSlotInput!) {\n    deleteQueueSlot(input: $input)\n  }\n": typeof types.DeleteQueueSlotDocument,
    "\n  query PostReceipt($id: ID!) {\n    post(id: $id) {\n      id\n      receipt\n      receiptChangedAt\n      receiptChecks {\n        checkNo\n        result\n        detail\n        checkedAt\n      }\n    }\n  }\n": typeof types.PostReceiptDocument,
    "\n  query Reports($clientId: ID!) {\n    reports(clientId: $clientId, limit: 50) {\n      id\n      periodStart\n      periodEnd\n      periodLabel\n      status\n      trigger\n      error\n      emailedAt\n      createdAt\n    }\n  }\n": typeof types.ReportsDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      id\n      periodLabel\n      status\n      error\n      emailedAt\n      downloadUrl\n      proof {\n        key\n        label\n        display\n        detail\n        source\n      }\n      totals {\n        key\n        label\n        display\n        detail\n        source\n      }\n      links {\n        id\n        expiresAt\n        revokedAt\n        active\n        createdBy\n        createdAt\n      }\n    }\n  }\n": typeof types.ReportDocument,
    "\n  query ReportSchedule($clientId: ID!) {\n    reportSchedule(clientId: $clientId) {\n      enabled\n      recipients\n      dayOfMonth\n      timezone\n      nextRunAt\n    }\n  }\n": typeof types.ReportScheduleDocument,
    "\n  mutation GenerateReport($input: GenerateReportInput!) {\n    generateReport(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.GenerateReportDocument,
    "\n  mutation CreateReportLink($input: CreateReportLinkInput!) {\n    createReportLink(input: $input) {\n      url\n      link {\n        id\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateReportLinkDocument,
    "\n  mutation RevokeReportLink($input: ReportLinkRefInput!) {\n    revokeReportLink(input: $input) {\n      id\n      active\n    }\n  }\n": typeof types.RevokeReportLinkDocument,
    "\n  mutation SetReportSchedule($input: SetReportScheduleInput!) {\n    setReportSchedule(input: $input) {\n      enabled\n      recipients\n      dayOfMonth\n      timezone\n      nextRunAt\n    }\n  }\n": typeof types.SetReportScheduleDocument,
    "\n  query WebhookSubscriptions($clientId: ID!) {\n    webhookSubscriptions(clientId: $clientId) {\n      id\n      clientId\n      url\n      eventTypes\n      description\n      enabled\n      disabledReason\n      previousSecretValidUntil\n      failingSince\n      createdAt\n    }\n  }\n": typeof types.WebhookSubscriptionsDocument,
    "\n  query WebhookDeliveries($clientId: ID!, $subscriptionId: ID!) {\n    webhookDeliveries(clientId: $clientId, subscriptionId: $subscriptionId, limit: 50) {\n      id\n      messageId\n      eventType\n      status\n      attempts\n      lastStatusCode\n      lastError\n      nextAttemptAt\n      createdAt\n      deliveredAt\n      attemptLog {\n        attempt\n        startedAt\n        durationMs\n        statusCode\n        errorClass\n        responseSnippet\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n": typeof types.CreateWebhookSubscriptionDocument,
    "\n  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(input: $input) {\n      id\n      enabled\n    }\n  }\n": typeof types.UpdateWebhookSubscriptionDocument,
    "\n  mutation DeleteWebhookSubscription($input: WebhookSubscriptionRefInput!) {\n    deleteWebhookSubscription(input: $input)\n  }\n": typeof types.DeleteWebhookSubscriptionDocument,
    "\n  mutation RotateWebhookSecret($input: WebhookSubscriptionRefInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($input: WebhookSubscriptionRefInput!) {\n    sendTestWebhook(input: $input) {\n      id\n    }\n  }\n": typeof types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      id\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  query BrowserProfile($platformAccountId: ID!) {\n    browserProfile(platformAccountId: $platformAccountId) {\n      id\n      platformAccountId\n      mode\n      hybridWriter\n      modeReason {\n        code\n        message\n      }\n      manifest {\n        handle\n        externalAccountId\n        displayName\n        issuedAt\n      }\n      manifestValid\n      sideEffectsRequestedBy {\n        id\n        displayName\n      }\n      sideEffectsRequestedAt\n      sideEffectsNote\n      sideEffectsApprovedBy {\n        id\n        displayName\n      }\n      sideEffectsApprovedAt\n      runnerId\n      lastCheckAt\n      lastCheck {\n        ok\n        stopKind\n        stopMessage\n        missingSelectors\n        observedHandle\n      }\n      selectorMapVersion\n    }\n  }\n": typeof types.BrowserProfileDocument,
    "\n  mutation AttachBrowserProfile($input: AttachBrowserProfileInput!) {\n    attachBrowserProfile(input: $input) {\n      id\n    }\n  }\n": typeof types.AttachBrowserProfileDocument,
    "\n  mutation RequestBrowserSideEffects($profileId: ID!, $note: String) {\n    requestBrowserSideEffects(profileId: $profileId, note: $note) {\n      id\n    }\n  }\n": typeof types.RequestBrowserSideEffectsDocument,
    "\n  mutation ApproveBrowserSideEffects($profileId: ID!) {\n    approveBrowserSideEffects(profileId: $profileId) {\n      id\n    }\n  }\n": typeof types.ApproveBrowserSideEffectsDocument,
    "\n  mutation SetBrowserProfileReadOnly($profileId: ID!, $reason: String!) {\n    setBrowserProfileReadOnly(profileId: $profileId, reason: $reason) {\n      id\n    }\n  }\n": typeof types.SetBrowserProfileReadOnlyDocument,
    "\n  mutation DetachBrowserProfile($profileId: ID!) {\n    detachBrowserProfile(profileId: $profileId)\n  }\n": typeof types.DetachBrowserProfileDocument,
    "\n  mutation SetAccountLane($platformAccountId: ID!, $lane: PublishLane!, $hybridWriter: HybridWriter) {\n    setAccountLane(platformAccountId: $platformAccountId, lane: $lane, hybridWriter: $hybridWriter) {\n      id\n      lane\n    }\n  }\n": typeof types.SetAccountLaneDocument,
    "\n  query RestrictedPlatforms($clientId: ID!) {\n    restrictedPlatforms(clientId: $clientId) {\n      platform\n      riskStatement\n      riskVersion\n      enabled\n      enabledBy {\n        id\n        displayName\n      }\n      enabledAt\n    }\n  }\n": typeof types.RestrictedPlatformsDocument,
    "\n  mutation EnableRestrictedPlatform($clientId: ID!, $platform: String!, $acknowledgeRisk: Boolean!) {\n    enableRestrictedPlatform(clientId: $clientId, platform: $platform, acknowledgeRisk: $acknowledgeRisk) {\n      platform\n      enabled\n    }\n  }\n": typeof types.EnableRestrictedPlatformDocument,
    "\n  mutation DisableRestrictedPlatform($clientId: ID!, $platform: String!) {\n    disableRestrictedPlatform(clientId: $clientId, platform: $platform) {\n      platform\n      enabled\n    }\n  }\n": typeof types.DisableRestrictedPlatformDocument,
    "\n  query PostBrowserProof($postId: ID!) {\n    postBrowserProof(postId: $postId) {\n      selectorMapVersion\n      linksExpireAt\n      steps {\n        step\n        url\n        at\n        masked\n        screenshotUrl\n        domUrl\n      }\n    }\n  }\n": typeof types.PostBrowserProofDocument,
    "\n  query ConnectorHealth($clientId: ID!) {\n    connectorHealth(clientId: $clientId) {\n      accountId\n      platform\n      platformName\n      handle\n      status\n      statusReason\n      tokenExpiresAt\n      refreshExpiresAt\n      nextRefreshAt\n      signInAgainBy\n      tokenRefreshable\n      lastSuccessAt\n      standingCheckedAt\n      apiVersion\n      apiVersionSunsetsAt\n      daysToSunset\n      missing\n      worstSeverity\n      quotas {\n        id\n        label\n        used\n        limit\n        unit\n        resetsAt\n      }\n      restrictions {\n        code\n        message\n      }\n      recentErrors {\n        at\n        signal\n        message\n        whatToDo\n      }\n      attention {\n        code\n        severity\n        headline\n        whatToDo\n      }\n    }\n  }\n": typeof types.ConnectorHealthDocument,
    "\n  query ConnectorAttention($first: Int, $after: String, $agencyId: ID) {\n    connectorAttention(first: $first, after: $after, agencyId: $agencyId) {\n      entries {\n        accountId\n        clientId\n        clientName\n        platformName\n        handle\n        accountStatus\n        code\n        severity\n        headline\n        whatToDo\n      }\n      endCursor\n    }\n  }\n": typeof types.ConnectorAttentionDocument,
    "\n  mutation RefreshConnectorStanding($accountId: ID!) {\n    refreshConnectorStanding(accountId: $accountId) {\n      accountId\n      standingCheckedAt\n    }\n  }\n": typeof types.RefreshConnectorStandingDocument,
    "\n  mutation HealthReconnectAccount($accountId: ID!) {\n    reconnectAccount(accountId: $accountId) {\n      authorizeUrl\n      attemptId\n    }\n  }\n": typeof types.HealthReconnectAccountDocument,
    "\n  query Diagnostics($days: Int!, $limit: Int!) {\n    alerts {\n      id\n      name\n      severity\n      firing\n      value\n      threshold\n      summary\n      runbook\n      since\n    }\n    diagnosticsLanes {\n      lane\n      taskQueue\n      alive\n      workflowSlots\n      activitySlots\n      backlogKnown\n      workflowBacklog\n      workflowBacklogAgeSeconds\n      activityBacklog\n      activityBacklogAgeSeconds\n      pollers {\n        kind\n        identity\n        lastAccessAt\n      }\n    }\n    failedEpisodes(days: $days, limit: $limit) {\n      id\n      workflowId\n      runId\n      workflowType\n      episodeKind\n      temporalStatus\n      raizeStatus\n      clientId\n      postId\n      reasonCodes\n      failureType\n      message\n      at\n      traceUrl\n      temporalUrl\n      canRetry\n    }\n  }\n": typeof types.DiagnosticsDocument,
    "\n  query EpisodeResetPoints($workflowId: String!, $runId: String!) {\n    episodeResetPoints(workflowId: $workflowId, runId: $runId) {\n      eventId\n      at\n      after\n      activityType\n      first\n    }\n  }\n": typeof types.EpisodeResetPointsDocument,
    "\n  mutation RetryEpisode($workflowId: String!, $runId: String!) {\n    retryEpisode(workflowId: $workflowId, runId: $runId) {\n      workflowId\n      runId\n      eventId\n      temporalUrl\n    }\n  }\n": typeof types.RetryEpisodeDocument,
    "\n  mutation ResetEpisode($workflowId: String!, $runId: String!, $eventId: Int!, $reason: String!) {\n    resetEpisode(workflowId: $workflowId, runId: $runId, eventId: $eventId, reason: $reason) {\n      workflowId\n      runId\n      eventId\n      temporalUrl\n    }\n  }\n": typeof types.ResetEpisodeDocument,
    "\n  mutation ReplayEpisode($workflowId: String!, $runId: String!) {\n    replayEpisode(workflowId: $workflowId, runId: $runId) {\n      workflowType\n      sameDecisions\n      outcome\n      divergenceEventId\n      message\n      eventCount\n    }\n  }\n": typeof types.ReplayEpisodeDocument,
    "\n  query GatewaySettings($agencyId: ID!) {\n    gatewaySettings(agencyId: $agencyId) {\n      agencyId\n      disabledTools\n      scriptsEnabled\n      scriptDomains\n      callsPerMinute\n      monthlyBudgetUsdMicros\n      saved\n      updatedAt\n    }\n  }\n": typeof types.GatewaySettingsDocument,
    "\n  query GatewayTools {\n    gatewayTools {\n      url\n      tools {\n        name\n        version\n        state\n        title\n        toolClass\n        reason\n        detail\n      }\n    }\n  }\n": typeof types.GatewayToolsDocument,
    "\n  mutation UpdateGatewaySettings($input: UpdateGatewaySettingsInput!) {\n    updateGatewaySettings(input: $input) {\n      agencyId\n      disabledTools\n      scriptsEnabled\n      scriptDomains\n      callsPerMinute\n      monthlyBudgetUsdMicros\n      saved\n      updatedAt\n    }\n  }\n": typeof types.UpdateGatewaySettingsDocument,
};
const documents: Documents = {
    "\n  query ClientReviewers($clientId: ID!) {\n    clientReviewers(clientId: $clientId) {\n      id\n      name\n      email\n      disabledAt\n      createdAt\n    }\n  }\n": types.ClientReviewersDocument,
    "\n  query ReviewLinks($clientId: ID!) {\n    reviewLinks(clientId: $clientId) {\n      id\n      reviewerId\n      reviewerName\n      postIds\n      requiresCode\n      expiresAt\n      revokedAt\n      lastUsedAt\n      createdAt\n      status\n    }\n  }\n": types.ReviewLinksDocument,
    "\n  query ReviewBatchCandidates($clientId: ID!, $from: String!, $to: String!) {\n    postCalendar(clientId: $clientId, from: $from, to: $to, first: 300) {\n      id\n      status\n      final\n      scheduledAt\n      assetId\n      platformAccountId\n    }\n  }\n": types.ReviewBatchCandidatesDocument,
    "\n  mutation AddClientReviewer($input: AddClientReviewerInput!) {\n    addClientReviewer(input: $input) {\n      id\n    }\n  }\n": types.AddClientReviewerDocument,
    "\n  mutation DisableClientReviewer($input: ClientReviewerRefInput!) {\n    disableClientReviewer(input: $input) {\n      id\n      disabledAt\n    }\n  }\n": types.DisableClientReviewerDocument,
    "\n  mutation CreateReviewLink($input: CreateReviewLinkInput!) {\n    createReviewLink(input: $input) {\n      url\n      emailed\n      link {\n        id\n        reviewerName\n        expiresAt\n      }\n    }\n  }\n": types.CreateReviewLinkDocument,
    "\n  mutation RevokeReviewLink($input: ReviewLinkRefInput!) {\n    revokeReviewLink(input: $input) {\n      id\n      status\n    }\n  }\n": types.RevokeReviewLinkDocument,
    "\n  query ApprovalStages($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId\n      approvalStages {\n        action\n        platform\n        stage\n      }\n    }\n  }\n": types.ApprovalStagesDocument,
    "\n  mutation UpdateApprovalStages($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId\n      approvalStages {\n        action\n        platform\n        stage\n      }\n    }\n  }\n": types.UpdateApprovalStagesDocument,
    "\n  query PostClientReview($id: ID!) {\n    post(id: $id) {\n      id\n      approvalStage\n      clientReviewState\n      clientDecisions {\n        kind\n        reviewerId\n        reviewerName\n        comment\n        createdAt\n      }\n    }\n  }\n": types.PostClientReviewDocument,
    "\n  query Inbox(\n    $clientId: ID!\n    $first: Int!\n    $after: String\n    $status: ConversationStatus\n    $platform: String\n    $intent: Intent\n    $sentiment: Sentiment\n    $assigneeId: ID\n    $breached: Boolean\n  ) {\n    inbox(\n      clientId: $clientId\n      first: $first\n      after: $after\n      status: $status\n      platform: $platform\n      intent: $intent\n      sentiment: $sentiment\n      assigneeId: $assigneeId\n      breached: $breached\n    ) {\n      items {\n        id\n        status\n        kind\n        intent\n        sentiment\n        flags\n        sensitive\n        platform\n        platformAccountId\n        lastMessageAt\n        slaDueAt\n        slaBreached\n        assigneeId\n      }\n      endCursor\n    }\n  }\n": types.InboxDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n      why\n      summary\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  query ConversationMessages($conversationId: ID!) {\n    conversationMessages(conversationId: $conversationId) {\n      id\n      direction\n      authorHandle\n      text\n      occurredAt\n    }\n  }\n": types.ConversationMessagesDocument,
    "\n  query ConversationNotes($conversationId: ID!) {\n    conversationNotes(conversationId: $conversationId) {\n      id\n      authorId\n      text\n      createdAt\n    }\n  }\n": types.ConversationNotesDocument,
    "\n  query ConversationReplies($conversationId: ID!) {\n    conversationReplies(conversationId: $conversationId) {\n      id\n      action\n      status\n      text\n      checksum\n      authorKind\n      authorId\n      approvedBy\n      sentAt\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": types.ConversationRepliesDocument,
    "\n  query InboxOperators($clientId: ID!) {\n    inboxOperators(clientId: $clientId) {\n      id\n      displayName\n      role\n    }\n  }\n": types.InboxOperatorsDocument,
    "\n  query SavedReplies($clientId: ID!) {\n    savedReplies(clientId: $clientId) {\n      id\n      title\n      text\n    }\n  }\n": types.SavedRepliesDocument,
    "\n  mutation AssignConversation($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n": types.AssignConversationDocument,
    "\n  mutation EscalateConversation($input: ConversationStatusInput!) {\n    escalateConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n": types.EscalateConversationDocument,
    "\n  mutation CloseConversation($input: ConversationStatusInput!) {\n    closeConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n": types.CloseConversationDocument,
    "\n  mutation AddConversationNote($input: ConversationNoteInput!) {\n    addConversationNote(input: $input) {\n      id\n    }\n  }\n": types.AddConversationNoteDocument,
    "\n  mutation ApproveReply($input: ApproveReplyInput!) {\n    approveReply(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApproveReplyDocument,
    "\n  mutation RejectReply($input: RejectReplyInput!) {\n    rejectReply(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectReplyDocument,
    "\n  mutation ReplyToConversation($input: ReplyToConversationInput!) {\n    replyToConversation(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReplyToConversationDocument,
    "\n  mutation CreateSavedReply($input: SavedReplyInput!) {\n    createSavedReply(input: $input) {\n      id\n    }\n  }\n": types.CreateSavedReplyDocument,
    "\n  mutation DeleteSavedReply($input: DeleteSavedReplyInput!) {\n    deleteSavedReply(input: $input)\n  }\n": types.DeleteSavedReplyDocument,
    "\n  query Whoami {\n    whoami {\n      id\n      email\n      displayName\n      totpEnabled\n      via\n      staff\n      memberships {\n        agencyId\n        agencyName\n        clientId\n        role\n      }\n    }\n  }\n": types.WhoamiDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      needsSecondFactor\n      csrfToken\n      me {\n        id\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) {\n    completeSecondFactor(input: $input) {\n      csrfToken\n    }\n  }\n": types.CompleteSecondFactorDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  query Clients {\n    clients {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n": types.ClientsDocument,
    "\n  query Client($id: ID!) {\n    client(id: $id) {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n": types.ClientDocument,
    "\n  mutation CreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n": types.CreateClientDocument,
    "\n  query PolicySettings($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId\n      publishAutonomy\n      fourEyes\n      maxPublishesPerAccountPerDay\n      latenessCutoffSeconds\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n": types.PolicySettingsDocument,
    "\n  mutation UpdatePolicySettings($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId\n      publishAutonomy\n      fourEyes\n      maxPublishesPerAccountPerDay\n      latenessCutoffSeconds\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n": types.UpdatePolicySettingsDocument,
    "\n  query PlatformAccounts($clientId: ID!) {\n    platformAccounts(clientId: $clientId) {\n      id\n      platform\n      handle\n      status\n      statusReason\n      fingerprint\n      lane\n      connectedAt\n      externalAccountId\n    }\n  }\n": types.PlatformAccountsDocument,
    "\n  mutation StartPlatformConnect($input: StartConnectInput!) {\n    startPlatformConnect(input: $input) {\n      authorizeUrl\n      attemptId\n      expiresAt\n    }\n  }\n": types.StartPlatformConnectDocument,
    "\n  query PendingPlatformConnects($clientId: ID!) {\n    pendingPlatformConnects(clientId: $clientId) {\n      attemptId\n      clientName\n      platform\n      handle\n      externalAccountId\n      expiresAt\n    }\n  }\n": types.PendingPlatformConnectsDocument,
    "\n  mutation ConfirmPlatformConnect($input: ConnectAttemptInput!) {\n    confirmPlatformConnect(input: $input) {\n      id\n      handle\n    }\n  }\n": types.ConfirmPlatformConnectDocument,
    "\n  mutation CancelPlatformConnect($input: ConnectAttemptInput!) {\n    cancelPlatformConnect(input: $input)\n  }\n": types.CancelPlatformConnectDocument,
    "\n  query Platforms {\n    platforms {\n      id\n      displayName\n      configured\n      emulator\n      apiVersion\n      apiSunsetsAt\n      maxTextLength\n      requiresMedia\n      imageTypes\n      videoTypes\n    }\n  }\n": types.PlatformsDocument,
    "\n  mutation ReconnectAccount($accountId: ID!) {\n    reconnectAccount(accountId: $accountId) {\n      authorizeUrl\n      attemptId\n      expiresAt\n    }\n  }\n": types.ReconnectAccountDocument,
    "\n  query Assets($clientId: ID!) {\n    assets(clientId: $clientId) {\n      id\n      kind\n      text\n      checksum\n      updatedAt\n    }\n  }\n": types.AssetsDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!) {\n    createAsset(input: $input) {\n      id\n      text\n      checksum\n    }\n  }\n": types.CreateAssetDocument,
    "\n  query Posts($clientId: ID!) {\n    posts(clientId: $clientId) {\n      id\n      status\n      final\n      scheduledAt\n      timezone\n      assetId\n      platformAccountId\n      createdBy\n      authorIds\n      reasons {\n        code\n        message\n      }\n      approvals {\n        approverId\n        role\n      }\n    }\n  }\n": types.PostsDocument,
    "\n  query ApprovalQueue($clientId: ID!, $first: Int!, $after: String) {\n    approvalQueue(clientId: $clientId, first: $first, after: $after) {\n      id\n      cursor\n      status\n      final\n      scheduledAt\n      timezone\n      assetId\n      platformAccountId\n      createdBy\n      authorIds\n      reasons {\n        code\n        message\n      }\n      approvals {\n        approverId\n        role\n      }\n    }\n  }\n": types.ApprovalQueueDocument,
    "\n  query Post($id: ID!) {\n    post(id: $id) {\n      id\n      clientId\n      status\n      final\n      workflowStatus\n      scheduledAt\n      timezone\n      assetId\n      assetChecksum\n      platformAccountId\n      createdBy\n      authorIds\n      url\n      platformPostId\n      proof\n      publishedAt\n      verifiedAt\n      workflowId\n      temporalUrl\n      traceUrl\n      reasons {\n        code\n        reasonCode\n        message\n      }\n      approvals {\n        approverId\n        role\n        assetChecksum\n        createdAt\n      }\n    }\n  }\n": types.PostDocument,
    "\n  mutation SchedulePost($input: SchedulePostInput!) {\n    schedulePost(input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": types.SchedulePostDocument,
    "\n  mutation ApprovePost($input: ApprovePostInput!) {\n    approvePost(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApprovePostDocument,
    "\n  mutation RejectPost($input: PostDecisionInput!) {\n    rejectPost(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectPostDocument,
    "\n  mutation ReschedulePost($input: ReschedulePostInput!) {\n    reschedulePost(input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": types.ReschedulePostDocument,
    "\n  mutation CancelPost($input: PostDecisionInput!) {\n    cancelPost(input: $input) {\n      id\n      status\n    }\n  }\n": types.CancelPostDocument,
    "\n  query AuditEvents($postId: ID!) {\n    auditEvents(postId: $postId) {\n      id\n      seq\n      action\n      actor\n      createdAt\n      data\n      hash\n      prevHash\n      subjectType\n      subjectId\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query VerifyAuditChain($clientId: ID!) {\n    verifyAuditChain(clientId: $clientId) {\n      ok\n      count\n      problems {\n        seq\n        problem\n      }\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  query KillSwitches($clientId: ID!) {\n    killSwitches(clientId: $clientId) {\n      id\n      scope\n      scopeId\n      engaged\n      reason\n      stops\n      updatedAt\n    }\n  }\n": types.KillSwitchesDocument,
    "\n  mutation SetKillSwitch($input: SetKillSwitchInput!) {\n    setKillSwitch(input: $input) {\n      id\n      scope\n      scopeId\n      engaged\n      reason\n      stops\n    }\n  }\n": types.SetKillSwitchDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($input: IdInput!) {\n    revokeSession(input: $input)\n  }\n": types.RevokeSessionDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n      revokedAt\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: IdInput!) {\n    revokeApiToken(input: $input)\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation EnrollTotp {\n    enrollTotp {\n      secret\n      otpauthUrl\n    }\n  }\n": types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($input: ConfirmTotpInput!) {\n    confirmTotp(input: $input)\n  }\n": types.ConfirmTotpDocument,
    "\n  query PostCalendar($clientId: ID!, $from: String!, $to: String!, $first: Int!, $after: String) {\n    postCalendar(clientId: $clientId, from: $from, to: $to, first: $first, after: $after) {\n      id\n      cursor\n      status\n      final\n      scheduledAt\n      assetId\n    }\n  }\n": types.PostCalendarDocument,
    "\n  query Plans($clientId: ID!) {\n    plans(clientId: $clientId) {\n      id\n      status\n      goals\n      startDate\n      endDate\n      timezone\n      itemCount\n      requiresApproval\n      source\n      createdBy\n      createdAt\n      workflowStatus\n      reasons {\n        code\n        message\n      }\n    }\n  }\n": types.PlansDocument,
    "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      id\n      clientId\n      status\n      goals\n      startDate\n      endDate\n      timezone\n      itemCount\n      requiresApproval\n      source\n      createdBy\n      decidedBy\n      createdAt\n      workflowStatus\n      reasons {\n        code\n        message\n        retryAt\n      }\n      pillars {\n        name\n        weight\n      }\n      targets {\n        platformAccountId\n        platform\n        postsPerWeek\n        postingTimes\n        timing\n        crossPostAccountIds\n      }\n    }\n  }\n": types.PlanDocument,
    "\n  query PlanItems($id: ID!) {\n    plan(id: $id) {\n      id\n      items {\n        id\n        platform\n        platformAccountId\n        format\n        pillar\n        brief\n        localDate\n        localTime\n        timing\n        crossPostAccountIds\n        status\n        publishJobIds\n      }\n    }\n  }\n": types.PlanItemsDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreatePlanDocument,
    "\n  mutation ApprovePlan($input: PlanDecisionInput!) {\n    approvePlan(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApprovePlanDocument,
    "\n  mutation RejectPlan($input: PlanDecisionInput!) {\n    rejectPlan(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectPlanDocument,
    "\n  query RecurringPlanning($clientId: ID!) {\n    recurringPlanning(clientId: $clientId) {\n      clientId\n      cadence\n      goals\n      nextRunAt\n      paused\n      requiresApproval\n      pillars {\n        name\n        weight\n      }\n      targets {\n        platformAccountId\n        platform\n        postsPerWeek\n        postingTimes\n      }\n    }\n  }\n": types.RecurringPlanningDocument,
    "\n  mutation SetRecurringPlanning($input: SetRecurringPlanningInput!) {\n    setRecurringPlanning(input: $input) {\n      clientId\n      cadence\n      nextRunAt\n      paused\n    }\n  }\n": types.SetRecurringPlanningDocument,
    "\n  mutation PauseRecurringPlanning($clientId: ID!) {\n    pauseRecurringPlanning(clientId: $clientId) {\n      clientId\n      paused\n      nextRunAt\n    }\n  }\n": types.PauseRecurringPlanningDocument,
    "\n  mutation ResumeRecurringPlanning($clientId: ID!) {\n    resumeRecurringPlanning(clientId: $clientId) {\n      clientId\n      paused\n      nextRunAt\n    }\n  }\n": types.ResumeRecurringPlanningDocument,
    "\n  query ReviewQueue($clientId: ID!, $first: Int!, $after: String) {\n    reviewQueue(clientId: $clientId, first: $first, after: $after) {\n      endCursor\n      items {\n        id\n        status\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  query ReviewItem($id: ID!) {\n    reviewItem(id: $id) {\n      id\n      planId\n      platform\n      platformAccountId\n      format\n      pillar\n      brief\n      slotAt\n      timezone\n      crossPostAccountIds\n      status\n      revision\n      authorIds\n      reasons {\n        code\n        message\n      }\n      asset {\n        id\n        text\n        checksum\n        authorKind\n        mediaContentType\n        mediaUrl\n      }\n      preview {\n        feedText\n        truncated\n        characters\n        characterLimit\n        overLimit\n        hashtags\n        links\n        linksAllowed\n        mediaAspect\n      }\n    }\n  }\n": types.ReviewItemDocument,
    "\n  mutation ApproveItem($input: ApproveItemInput!) {\n    approveItem(input: $input) {\n      id\n      status\n      publishJobIds\n    }\n  }\n": types.ApproveItemDocument,
    "\n  mutation RequestItemChanges($input: RequestItemChangesInput!) {\n    requestItemChanges(input: $input) {\n      id\n      status\n    }\n  }\n": types.RequestItemChangesDocument,
    "\n  mutation RejectItem($input: RejectItemInput!) {\n    rejectItem(input: $input) {\n      id\n      status\n    }\n  }\n": types.RejectItemDocument,
    "\n  mutation EditItemText($input: EditItemTextInput!) {\n    editItemText(input: $input) {\n      id\n      status\n      revision\n    }\n  }\n": types.EditItemTextDocument,
    "\n  query ProviderKeys($clientId: ID!) {\n    providerKeys(clientId: $clientId) {\n      provider\n      scope\n      setAt\n    }\n  }\n": types.ProviderKeysDocument,
    "\n  mutation SetProviderKey($input: SetProviderKeyInput!) {\n    setProviderKey(input: $input) {\n      provider\n      scope\n      setAt\n    }\n  }\n": types.SetProviderKeyDocument,
    "\n  mutation RemoveProviderKey($input: RemoveProviderKeyInput!) {\n    removeProviderKey(input: $input)\n  }\n": types.RemoveProviderKeyDocument,
    "\n  query AiSettings($clientId: ID!) {\n    aiSettings(clientId: $clientId) {\n      clientId\n      month\n      monthlyBudgetMicros\n      spentThisMonthMicros\n      contract {\n        maxDepth\n        maxToolCalls\n        maxTokens\n        maxCostMicros\n        maxWallMs\n        maxRevisions\n      }\n      preferred {\n        text\n        image\n        video\n        avatar\n      }\n      presenter {\n        avatarId\n        voiceId\n      }\n    }\n  }\n": types.AiSettingsDocument,
    "\n  mutation UpdateAiSettings($input: UpdateAiSettingsInput!) {\n    updateAiSettings(input: $input) {\n      clientId\n      monthlyBudgetMicros\n      presenter {\n        avatarId\n        voiceId\n      }\n    }\n  }\n": types.UpdateAiSettingsDocument,
    "\n  query BrandKit($clientId: ID!) {\n    brandKit(clientId: $clientId) {\n      clientId\n      configured\n      name\n      headline\n      voice\n      doWords\n      dontWords\n      bannedClaims\n      hashtags\n      colours\n      updatedAt\n    }\n  }\n": types.BrandKitDocument,
    "\n  mutation UpdateBrandKit($input: UpdateBrandKitInput!) {\n    updateBrandKit(input: $input) {\n      clientId\n      configured\n      updatedAt\n    }\n  }\n": types.UpdateBrandKitDocument,
    "\n  query KbSources($clientId: ID!) {\n    kbSources(clientId: $clientId) {\n      id\n      kind\n      title\n      summary\n      topTerms\n      sourceUrl\n      fileName\n      byteSize\n      chunkCount\n      createdAt\n      removedAt\n    }\n  }\n": types.KbSourcesDocument,
    "\n  mutation AddKbSource($input: AddKbSourceInput!) {\n    addKbSource(input: $input) {\n      id\n      title\n    }\n  }\n": types.AddKbSourceDocument,
    "\n  mutation RemoveKbSource($id: ID!) {\n    removeKbSource(id: $id) {\n      id\n      removedAt\n    }\n  }\n": types.RemoveKbSourceDocument,
    "\n  mutation ImportPostsDryRun($input: ImportPostsDryRunInput!) {\n    importPostsDryRun(input: $input) {\n      digest\n      valid\n      postCount\n      rows {\n        line\n        text\n        date\n        platformAccountIds\n        mediaUrls\n        recurrence\n        evergreenIntervalDays\n      }\n      occurrences {\n        line\n        platformAccountId\n        scheduledAt\n        local\n      }\n      errors {\n        line\n        column\n        code\n        message\n      }\n    }\n  }\n": types.ImportPostsDryRunDocument,
    "\n  mutation ImportPosts($input: ImportPostsInput!) {\n    importPosts(input: $input) {\n      batchId\n      postIds\n    }\n  }\n": types.ImportPostsDocument,
    "\n  query QueueSlots($clientId: ID!) {\n    queueSlots(clientId: $clientId) {\n      id\n      platformAccountId\n      weekday\n      time\n    }\n  }\n": types.QueueSlotsDocument,
    "\n  mutation CreateQueueSlot($input: CreateQueueSlotInput!) {\n    createQueueSlot(input: $input) {\n      id\n    }\n  }\n": types.CreateQueueSlotDocument,
    "\n  mutation UpdateQueueSlot($input: UpdateQueueSlotInput!) {\n    updateQueueSlot(input: $input) {\n      id\n    }\n  }\n": types.UpdateQueueSlotDocument,
    "\n  mutation DeleteQueueSlot($input: DeleteQueueSlotInput!) {\n    deleteQueueSlot(input: $input)\n  }\n": types.DeleteQueueSlotDocument,
    "\n  query PostReceipt($id: ID!) {\n    post(id: $id) {\n      id\n      receipt\n      receiptChangedAt\n      receiptChecks {\n        checkNo\n        result\n        detail\n        checkedAt\n      }\n    }\n  }\n": types.PostReceiptDocument,
    "\n  query Reports($clientId: ID!) {\n    reports(clientId: $clientId, limit: 50) {\n      id\n      periodStart\n      periodEnd\n      periodLabel\n      status\n      trigger\n      error\n      emailedAt\n      createdAt\n    }\n  }\n": types.ReportsDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      id\n      periodLabel\n      status\n      error\n      emailedAt\n      downloadUrl\n      proof {\n        key\n        label\n        display\n        detail\n        source\n      }\n      totals {\n        key\n        label\n        display\n        detail\n        source\n      }\n      links {\n        id\n        expiresAt\n        revokedAt\n        active\n        createdBy\n        createdAt\n      }\n    }\n  }\n": types.ReportDocument,
    "\n  query ReportSchedule($clientId: ID!) {\n    reportSchedule(clientId: $clientId) {\n      enabled\n      recipients\n      dayOfMonth\n      timezone\n      nextRunAt\n    }\n  }\n": types.ReportScheduleDocument,
    "\n  mutation GenerateReport($input: GenerateReportInput!) {\n    generateReport(input: $input) {\n      id\n      status\n    }\n  }\n": types.GenerateReportDocument,
    "\n  mutation CreateReportLink($input: CreateReportLinkInput!) {\n    createReportLink(input: $input) {\n      url\n      link {\n        id\n        expiresAt\n      }\n    }\n  }\n": types.CreateReportLinkDocument,
    "\n  mutation RevokeReportLink($input: ReportLinkRefInput!) {\n    revokeReportLink(input: $input) {\n      id\n      active\n    }\n  }\n": types.RevokeReportLinkDocument,
    "\n  mutation SetReportSchedule($input: SetReportScheduleInput!) {\n    setReportSchedule(input: $input) {\n      enabled\n      recipients\n      dayOfMonth\n      timezone\n      nextRunAt\n    }\n  }\n": types.SetReportScheduleDocument,
    "\n  query WebhookSubscriptions($clientId: ID!) {\n    webhookSubscriptions(clientId: $clientId) {\n      id\n      clientId\n      url\n      eventTypes\n      description\n      enabled\n      disabledReason\n      previousSecretValidUntil\n      failingSince\n      createdAt\n    }\n  }\n": types.WebhookSubscriptionsDocument,
    "\n  query WebhookDeliveries($clientId: ID!, $subscriptionId: ID!) {\n    webhookDeliveries(clientId: $clientId, subscriptionId: $subscriptionId, limit: 50) {\n      id\n      messageId\n      eventType\n      status\n      attempts\n      lastStatusCode\n      lastError\n      nextAttemptAt\n      createdAt\n      deliveredAt\n      attemptLog {\n        attempt\n        startedAt\n        durationMs\n        statusCode\n        errorClass\n        responseSnippet\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n": types.CreateWebhookSubscriptionDocument,
    "\n  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(input: $input) {\n      id\n      enabled\n    }\n  }\n": types.UpdateWebhookSubscriptionDocument,
    "\n  mutation DeleteWebhookSubscription($input: WebhookSubscriptionRefInput!) {\n    deleteWebhookSubscription(input: $input)\n  }\n": types.DeleteWebhookSubscriptionDocument,
    "\n  mutation RotateWebhookSecret($input: WebhookSubscriptionRefInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation SendTestWebhook($input: WebhookSubscriptionRefInput!) {\n    sendTestWebhook(input: $input) {\n      id\n    }\n  }\n": types.SendTestWebhookDocument,
    "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      id\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  query BrowserProfile($platformAccountId: ID!) {\n    browserProfile(platformAccountId: $platformAccountId) {\n      id\n      platformAccountId\n      mode\n      hybridWriter\n      modeReason {\n        code\n        message\n      }\n      manifest {\n        handle\n        externalAccountId\n        displayName\n        issuedAt\n      }\n      manifestValid\n      sideEffectsRequestedBy {\n        id\n        displayName\n      }\n      sideEffectsRequestedAt\n      sideEffectsNote\n      sideEffectsApprovedBy {\n        id\n        displayName\n      }\n      sideEffectsApprovedAt\n      runnerId\n      lastCheckAt\n      lastCheck {\n        ok\n        stopKind\n        stopMessage\n        missingSelectors\n        observedHandle\n      }\n      selectorMapVersion\n    }\n  }\n": types.BrowserProfileDocument,
    "\n  mutation AttachBrowserProfile($input: AttachBrowserProfileInput!) {\n    attachBrowserProfile(input: $input) {\n      id\n    }\n  }\n": types.AttachBrowserProfileDocument,
    "\n  mutation RequestBrowserSideEffects($profileId: ID!, $note: String) {\n    requestBrowserSideEffects(profileId: $profileId, note: $note) {\n      id\n    }\n  }\n": types.RequestBrowserSideEffectsDocument,
    "\n  mutation ApproveBrowserSideEffects($profileId: ID!) {\n    approveBrowserSideEffects(profileId: $profileId) {\n      id\n    }\n  }\n": types.ApproveBrowserSideEffectsDocument,
    "\n  mutation SetBrowserProfileReadOnly($profileId: ID!, $reason: String!) {\n    setBrowserProfileReadOnly(profileId: $profileId, reason: $reason) {\n      id\n    }\n  }\n": types.SetBrowserProfileReadOnlyDocument,
    "\n  mutation DetachBrowserProfile($profileId: ID!) {\n    detachBrowserProfile(profileId: $profileId)\n  }\n": types.DetachBrowserProfileDocument,
    "\n  mutation SetAccountLane($platformAccountId: ID!, $lane: PublishLane!, $hybridWriter: HybridWriter) {\n    setAccountLane(platformAccountId: $platformAccountId, lane: $lane, hybridWriter: $hybridWriter) {\n      id\n      lane\n    }\n  }\n": types.SetAccountLaneDocument,
    "\n  query RestrictedPlatforms($clientId: ID!) {\n    restrictedPlatforms(clientId: $clientId) {\n      platform\n      riskStatement\n      riskVersion\n      enabled\n      enabledBy {\n        id\n        displayName\n      }\n      enabledAt\n    }\n  }\n": types.RestrictedPlatformsDocument,
    "\n  mutation EnableRestrictedPlatform($clientId: ID!, $platform: String!, $acknowledgeRisk: Boolean!) {\n    enableRestrictedPlatform(clientId: $clientId, platform: $platform, acknowledgeRisk: $acknowledgeRisk) {\n      platform\n      enabled\n    }\n  }\n": types.EnableRestrictedPlatformDocument,
    "\n  mutation DisableRestrictedPlatform($clientId: ID!, $platform: String!) {\n    disableRestrictedPlatform(clientId: $clientId, platform: $platform) {\n      platform\n      enabled\n    }\n  }\n": types.DisableRestrictedPlatformDocument,
    "\n  query PostBrowserProof($postId: ID!) {\n    postBrowserProof(postId: $postId) {\n      selectorMapVersion\n      linksExpireAt\n      steps {\n        step\n        url\n        at\n        masked\n        screenshotUrl\n        domUrl\n      }\n    }\n  }\n": types.PostBrowserProofDocument,
    "\n  query ConnectorHealth($clientId: ID!) {\n    connectorHealth(clientId: $clientId) {\n      accountId\n      platform\n      platformName\n      handle\n      status\n      statusReason\n      tokenExpiresAt\n      refreshExpiresAt\n      nextRefreshAt\n      signInAgainBy\n      tokenRefreshable\n      lastSuccessAt\n      standingCheckedAt\n      apiVersion\n      apiVersionSunsetsAt\n      daysToSunset\n      missing\n      worstSeverity\n      quotas {\n        id\n        label\n        used\n        limit\n        unit\n        resetsAt\n      }\n      restrictions {\n        code\n        message\n      }\n      recentErrors {\n        at\n        signal\n        message\n        whatToDo\n      }\n      attention {\n        code\n        severity\n        headline\n        whatToDo\n      }\n    }\n  }\n": types.ConnectorHealthDocument,
    "\n  query ConnectorAttention($first: Int, $after: String, $agencyId: ID) {\n    connectorAttention(first: $first, after: $after, agencyId: $agencyId) {\n      entries {\n        accountId\n        clientId\n        clientName\n        platformName\n        handle\n        accountStatus\n        code\n        severity\n        headline\n        whatToDo\n      }\n      endCursor\n    }\n  }\n": types.ConnectorAttentionDocument,
    "\n  mutation RefreshConnectorStanding($accountId: ID!) {\n    refreshConnectorStanding(accountId: $accountId) {\n      accountId\n      standingCheckedAt\n    }\n  }\n": types.RefreshConnectorStandingDocument,
    "\n  mutation HealthReconnectAccount($accountId: ID!) {\n    reconnectAccount(accountId: $accountId) {\n      authorizeUrl\n      attemptId\n    }\n  }\n": types.HealthReconnectAccountDocument,
    "\n  query Diagnostics($days: Int!, $limit: Int!) {\n    alerts {\n      id\n      name\n      severity\n      firing\n      value\n      threshold\n      summary\n      runbook\n      since\n    }\n    diagnosticsLanes {\n      lane\n      taskQueue\n      alive\n      workflowSlots\n      activitySlots\n      backlogKnown\n      workflowBacklog\n      workflowBacklogAgeSeconds\n      activityBacklog\n      activityBacklogAgeSeconds\n      pollers {\n        kind\n        identity\n        lastAccessAt\n      }\n    }\n    failedEpisodes(days: $days, limit: $limit) {\n      id\n      workflowId\n      runId\n      workflowType\n      episodeKind\n      temporalStatus\n      raizeStatus\n      clientId\n      postId\n      reasonCodes\n      failureType\n      message\n      at\n      traceUrl\n      temporalUrl\n      canRetry\n    }\n  }\n": types.DiagnosticsDocument,
    "\n  query EpisodeResetPoints($workflowId: String!, $runId: String!) {\n    episodeResetPoints(workflowId: $workflowId, runId: $runId) {\n      eventId\n      at\n      after\n      activityType\n      first\n    }\n  }\n": types.EpisodeResetPointsDocument,
    "\n  mutation RetryEpisode($workflowId: String!, $runId: String!) {\n    retryEpisode(workflowId: $workflowId, runId: $runId) {\n      workflowId\n      runId\n      eventId\n      temporalUrl\n    }\n  }\n": types.RetryEpisodeDocument,
    "\n  mutation ResetEpisode($workflowId: String!, $runId: String!, $eventId: Int!, $reason: String!) {\n    resetEpisode(workflowId: $workflowId, runId: $runId, eventId: $eventId, reason: $reason) {\n      workflowId\n      runId\n      eventId\n      temporalUrl\n    }\n  }\n": types.ResetEpisodeDocument,
    "\n  mutation ReplayEpisode($workflowId: String!, $runId: String!) {\n    replayEpisode(workflowId: $workflowId, runId: $runId) {\n      workflowType\n      sameDecisions\n      outcome\n      divergenceEventId\n      message\n      eventCount\n    }\n  }\n": types.ReplayEpisodeDocument,
    "\n  query GatewaySettings($agencyId: ID!) {\n    gatewaySettings(agencyId: $agencyId) {\n      agencyId\n      disabledTools\n      scriptsEnabled\n      scriptDomains\n      callsPerMinute\n      monthlyBudgetUsdMicros\n      saved\n      updatedAt\n    }\n  }\n": types.GatewaySettingsDocument,
    "\n  query GatewayTools {\n    gatewayTools {\n      url\n      tools {\n        name\n        version\n        state\n        title\n        toolClass\n        reason\n        detail\n      }\n    }\n  }\n": types.GatewayToolsDocument,
    "\n  mutation UpdateGatewaySettings($input: UpdateGatewaySettingsInput!) {\n    updateGatewaySettings(input: $input) {\n      agencyId\n      disabledTools\n      scriptsEnabled\n      scriptDomains\n      callsPerMinute\n      monthlyBudgetUsdMicros\n      saved\n      updatedAt\n    }\n  }\n": types.UpdateGatewaySettingsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientReviewers($clientId: ID!) {\n    clientReviewers(clientId: $clientId) {\n      id\n      name\n      email\n      disabledAt\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ClientReviewersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewLinks($clientId: ID!) {\n    reviewLinks(clientId: $clientId) {\n      id\n      reviewerId\n      reviewerName\n      postIds\n      requiresCode\n      expiresAt\n      revokedAt\n      lastUsedAt\n      createdAt\n      status\n    }\n  }\n"): typeof import('./graphql').ReviewLinksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewBatchCandidates($clientId: ID!, $from: String!, $to: String!) {\n    postCalendar(clientId: $clientId, from: $from, to: $to, first: 300) {\n      id\n      status\n      final\n      scheduledAt\n      assetId\n      platformAccountId\n    }\n  }\n"): typeof import('./graphql').ReviewBatchCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddClientReviewer($input: AddClientReviewerInput!) {\n    addClientReviewer(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddClientReviewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableClientReviewer($input: ClientReviewerRefInput!) {\n    disableClientReviewer(input: $input) {\n      id\n      disabledAt\n    }\n  }\n"): typeof import('./graphql').DisableClientReviewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReviewLink($input: CreateReviewLinkInput!) {\n    createReviewLink(input: $input) {\n      url\n      emailed\n      link {\n        id\n        reviewerName\n        expiresAt\n      }\n    }\n  }\n"): typeof import('./graphql').CreateReviewLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeReviewLink($input: ReviewLinkRefInput!) {\n    revokeReviewLink(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RevokeReviewLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalStages($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId\n      approvalStages {\n        action\n        platform\n        stage\n      }\n    }\n  }\n"): typeof import('./graphql').ApprovalStagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApprovalStages($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId\n      approvalStages {\n        action\n        platform\n        stage\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateApprovalStagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostClientReview($id: ID!) {\n    post(id: $id) {\n      id\n      approvalStage\n      clientReviewState\n      clientDecisions {\n        kind\n        reviewerId\n        reviewerName\n        comment\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').PostClientReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox(\n    $clientId: ID!\n    $first: Int!\n    $after: String\n    $status: ConversationStatus\n    $platform: String\n    $intent: Intent\n    $sentiment: Sentiment\n    $assigneeId: ID\n    $breached: Boolean\n  ) {\n    inbox(\n      clientId: $clientId\n      first: $first\n      after: $after\n      status: $status\n      platform: $platform\n      intent: $intent\n      sentiment: $sentiment\n      assigneeId: $assigneeId\n      breached: $breached\n    ) {\n      items {\n        id\n        status\n        kind\n        intent\n        sentiment\n        flags\n        sensitive\n        platform\n        platformAccountId\n        lastMessageAt\n        slaDueAt\n        slaBreached\n        assigneeId\n      }\n      endCursor\n    }\n  }\n"): typeof import('./graphql').InboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n      why\n      summary\n      reasons {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationMessages($conversationId: ID!) {\n    conversationMessages(conversationId: $conversationId) {\n      id\n      direction\n      authorHandle\n      text\n      occurredAt\n    }\n  }\n"): typeof import('./graphql').ConversationMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationNotes($conversationId: ID!) {\n    conversationNotes(conversationId: $conversationId) {\n      id\n      authorId\n      text\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ConversationNotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationReplies($conversationId: ID!) {\n    conversationReplies(conversationId: $conversationId) {\n      id\n      action\n      status\n      text\n      checksum\n      authorKind\n      authorId\n      approvedBy\n      sentAt\n      reasons {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ConversationRepliesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxOperators($clientId: ID!) {\n    inboxOperators(clientId: $clientId) {\n      id\n      displayName\n      role\n    }\n  }\n"): typeof import('./graphql').InboxOperatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedReplies($clientId: ID!) {\n    savedReplies(clientId: $clientId) {\n      id\n      title\n      text\n    }\n  }\n"): typeof import('./graphql').SavedRepliesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignConversation($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n"): typeof import('./graphql').AssignConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EscalateConversation($input: ConversationStatusInput!) {\n    escalateConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n"): typeof import('./graphql').EscalateConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseConversation($input: ConversationStatusInput!) {\n    closeConversation(input: $input) {\n      id\n      status\n      kind\n      intent\n      sentiment\n      flags\n      sensitive\n      platform\n      platformAccountId\n      lastMessageAt\n      slaDueAt\n      slaBreached\n      assigneeId\n    }\n  }\n"): typeof import('./graphql').CloseConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddConversationNote($input: ConversationNoteInput!) {\n    addConversationNote(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddConversationNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveReply($input: ApproveReplyInput!) {\n    approveReply(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApproveReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectReply($input: RejectReplyInput!) {\n    rejectReply(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToConversation($input: ReplyToConversationInput!) {\n    replyToConversation(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ReplyToConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedReply($input: SavedReplyInput!) {\n    createSavedReply(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateSavedReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedReply($input: DeleteSavedReplyInput!) {\n    deleteSavedReply(input: $input)\n  }\n"): typeof import('./graphql').DeleteSavedReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Whoami {\n    whoami {\n      id\n      email\n      displayName\n      totpEnabled\n      via\n      staff\n      memberships {\n        agencyId\n        agencyName\n        clientId\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').WhoamiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      needsSecondFactor\n      csrfToken\n      me {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) {\n    completeSecondFactor(input: $input) {\n      csrfToken\n    }\n  }\n"): typeof import('./graphql').CompleteSecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): typeof import('./graphql').SignOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Clients {\n    clients {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n"): typeof import('./graphql').ClientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Client($id: ID!) {\n    client(id: $id) {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n"): typeof import('./graphql').ClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      id\n      name\n      timezone\n      agencyId\n    }\n  }\n"): typeof import('./graphql').CreateClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicySettings($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId\n      publishAutonomy\n      fourEyes\n      maxPublishesPerAccountPerDay\n      latenessCutoffSeconds\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n"): typeof import('./graphql').PolicySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePolicySettings($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId\n      publishAutonomy\n      fourEyes\n      maxPublishesPerAccountPerDay\n      latenessCutoffSeconds\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n"): typeof import('./graphql').UpdatePolicySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformAccounts($clientId: ID!) {\n    platformAccounts(clientId: $clientId) {\n      id\n      platform\n      handle\n      status\n      statusReason\n      fingerprint\n      lane\n      connectedAt\n      externalAccountId\n    }\n  }\n"): typeof import('./graphql').PlatformAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPlatformConnect($input: StartConnectInput!) {\n    startPlatformConnect(input: $input) {\n      authorizeUrl\n      attemptId\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').StartPlatformConnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingPlatformConnects($clientId: ID!) {\n    pendingPlatformConnects(clientId: $clientId) {\n      attemptId\n      clientName\n      platform\n      handle\n      externalAccountId\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').PendingPlatformConnectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPlatformConnect($input: ConnectAttemptInput!) {\n    confirmPlatformConnect(input: $input) {\n      id\n      handle\n    }\n  }\n"): typeof import('./graphql').ConfirmPlatformConnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPlatformConnect($input: ConnectAttemptInput!) {\n    cancelPlatformConnect(input: $input)\n  }\n"): typeof import('./graphql').CancelPlatformConnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Platforms {\n    platforms {\n      id\n      displayName\n      configured\n      emulator\n      apiVersion\n      apiSunsetsAt\n      maxTextLength\n      requiresMedia\n      imageTypes\n      videoTypes\n    }\n  }\n"): typeof import('./graphql').PlatformsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReconnectAccount($accountId: ID!) {\n    reconnectAccount(accountId: $accountId) {\n      authorizeUrl\n      attemptId\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ReconnectAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assets($clientId: ID!) {\n    assets(clientId: $clientId) {\n      id\n      kind\n      text\n      checksum\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').AssetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAsset($input: CreateAssetInput!) {\n    createAsset(input: $input) {\n      id\n      text\n      checksum\n    }\n  }\n"): typeof import('./graphql').CreateAssetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Posts($clientId: ID!) {\n    posts(clientId: $clientId) {\n      id\n      status\n      final\n      scheduledAt\n      timezone\n      assetId\n      platformAccountId\n      createdBy\n      authorIds\n      reasons {\n        code\n        message\n      }\n      approvals {\n        approverId\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').PostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalQueue($clientId: ID!, $first: Int!, $after: String) {\n    approvalQueue(clientId: $clientId, first: $first, after: $after) {\n      id\n      cursor\n      status\n      final\n      scheduledAt\n      timezone\n      assetId\n      platformAccountId\n      createdBy\n      authorIds\n      reasons {\n        code\n        message\n      }\n      approvals {\n        approverId\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').ApprovalQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Post($id: ID!) {\n    post(id: $id) {\n      id\n      clientId\n      status\n      final\n      workflowStatus\n      scheduledAt\n      timezone\n      assetId\n      assetChecksum\n      platformAccountId\n      createdBy\n      authorIds\n      url\n      platformPostId\n      proof\n      publishedAt\n      verifiedAt\n      workflowId\n      temporalUrl\n      traceUrl\n      reasons {\n        code\n        reasonCode\n        message\n      }\n      approvals {\n        approverId\n        role\n        assetChecksum\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').PostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulePost($input: SchedulePostInput!) {\n    schedulePost(input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"): typeof import('./graphql').SchedulePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePost($input: ApprovePostInput!) {\n    approvePost(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApprovePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPost($input: PostDecisionInput!) {\n    rejectPost(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReschedulePost($input: ReschedulePostInput!) {\n    reschedulePost(input: $input) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"): typeof import('./graphql').ReschedulePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPost($input: PostDecisionInput!) {\n    cancelPost(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CancelPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($postId: ID!) {\n    auditEvents(postId: $postId) {\n      id\n      seq\n      action\n      actor\n      createdAt\n      data\n      hash\n      prevHash\n      subjectType\n      subjectId\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain($clientId: ID!) {\n    verifyAuditChain(clientId: $clientId) {\n      ok\n      count\n      problems {\n        seq\n        problem\n      }\n    }\n  }\n"): typeof import('./graphql').VerifyAuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KillSwitches($clientId: ID!) {\n    killSwitches(clientId: $clientId) {\n      id\n      scope\n      scopeId\n      engaged\n      reason\n      stops\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').KillSwitchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetKillSwitch($input: SetKillSwitchInput!) {\n    setKillSwitch(input: $input) {\n      id\n      scope\n      scopeId\n      engaged\n      reason\n      stops\n    }\n  }\n"): typeof import('./graphql').SetKillSwitchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      ip\n      userAgent\n      current\n    }\n  }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($input: IdInput!) {\n    revokeSession(input: $input)\n  }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n      expiresAt\n      lastUsedAt\n      lastUsedIp\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: IdInput!) {\n    revokeApiToken(input: $input)\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollTotp {\n    enrollTotp {\n      secret\n      otpauthUrl\n    }\n  }\n"): typeof import('./graphql').EnrollTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($input: ConfirmTotpInput!) {\n    confirmTotp(input: $input)\n  }\n"): typeof import('./graphql').ConfirmTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostCalendar($clientId: ID!, $from: String!, $to: String!, $first: Int!, $after: String) {\n    postCalendar(clientId: $clientId, from: $from, to: $to, first: $first, after: $after) {\n      id\n      cursor\n      status\n      final\n      scheduledAt\n      assetId\n    }\n  }\n"): typeof import('./graphql').PostCalendarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plans($clientId: ID!) {\n    plans(clientId: $clientId) {\n      id\n      status\n      goals\n      startDate\n      endDate\n      timezone\n      itemCount\n      requiresApproval\n      source\n      createdBy\n      createdAt\n      workflowStatus\n      reasons {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').PlansDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plan($id: ID!) {\n    plan(id: $id) {\n      id\n      clientId\n      status\n      goals\n      startDate\n      endDate\n      timezone\n      itemCount\n      requiresApproval\n      source\n      createdBy\n      decidedBy\n      createdAt\n      workflowStatus\n      reasons {\n        code\n        message\n        retryAt\n      }\n      pillars {\n        name\n        weight\n      }\n      targets {\n        platformAccountId\n        platform\n        postsPerWeek\n        postingTimes\n        timing\n        crossPostAccountIds\n      }\n    }\n  }\n"): typeof import('./graphql').PlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanItems($id: ID!) {\n    plan(id: $id) {\n      id\n      items {\n        id\n        platform\n        platformAccountId\n        format\n        pillar\n        brief\n        localDate\n        localTime\n        timing\n        crossPostAccountIds\n        status\n        publishJobIds\n      }\n    }\n  }\n"): typeof import('./graphql').PlanItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CreatePlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePlan($input: PlanDecisionInput!) {\n    approvePlan(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApprovePlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPlan($input: PlanDecisionInput!) {\n    rejectPlan(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecurringPlanning($clientId: ID!) {\n    recurringPlanning(clientId: $clientId) {\n      clientId\n      cadence\n      goals\n      nextRunAt\n      paused\n      requiresApproval\n      pillars {\n        name\n        weight\n      }\n      targets {\n        platformAccountId\n        platform\n        postsPerWeek\n        postingTimes\n      }\n    }\n  }\n"): typeof import('./graphql').RecurringPlanningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRecurringPlanning($input: SetRecurringPlanningInput!) {\n    setRecurringPlanning(input: $input) {\n      clientId\n      cadence\n      nextRunAt\n      paused\n    }\n  }\n"): typeof import('./graphql').SetRecurringPlanningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseRecurringPlanning($clientId: ID!) {\n    pauseRecurringPlanning(clientId: $clientId) {\n      clientId\n      paused\n      nextRunAt\n    }\n  }\n"): typeof import('./graphql').PauseRecurringPlanningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeRecurringPlanning($clientId: ID!) {\n    resumeRecurringPlanning(clientId: $clientId) {\n      clientId\n      paused\n      nextRunAt\n    }\n  }\n"): typeof import('./graphql').ResumeRecurringPlanningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($clientId: ID!, $first: Int!, $after: String) {\n    reviewQueue(clientId: $clientId, first: $first, after: $after) {\n      endCursor\n      items {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewItem($id: ID!) {\n    reviewItem(id: $id) {\n      id\n      planId\n      platform\n      platformAccountId\n      format\n      pillar\n      brief\n      slotAt\n      timezone\n      crossPostAccountIds\n      status\n      revision\n      authorIds\n      reasons {\n        code\n        message\n      }\n      asset {\n        id\n        text\n        checksum\n        authorKind\n        mediaContentType\n        mediaUrl\n      }\n      preview {\n        feedText\n        truncated\n        characters\n        characterLimit\n        overLimit\n        hashtags\n        links\n        linksAllowed\n        mediaAspect\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveItem($input: ApproveItemInput!) {\n    approveItem(input: $input) {\n      id\n      status\n      publishJobIds\n    }\n  }\n"): typeof import('./graphql').ApproveItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestItemChanges($input: RequestItemChangesInput!) {\n    requestItemChanges(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RequestItemChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectItem($input: RejectItemInput!) {\n    rejectItem(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectItemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditItemText($input: EditItemTextInput!) {\n    editItemText(input: $input) {\n      id\n      status\n      revision\n    }\n  }\n"): typeof import('./graphql').EditItemTextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderKeys($clientId: ID!) {\n    providerKeys(clientId: $clientId) {\n      provider\n      scope\n      setAt\n    }\n  }\n"): typeof import('./graphql').ProviderKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProviderKey($input: SetProviderKeyInput!) {\n    setProviderKey(input: $input) {\n      provider\n      scope\n      setAt\n    }\n  }\n"): typeof import('./graphql').SetProviderKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProviderKey($input: RemoveProviderKeyInput!) {\n    removeProviderKey(input: $input)\n  }\n"): typeof import('./graphql').RemoveProviderKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AiSettings($clientId: ID!) {\n    aiSettings(clientId: $clientId) {\n      clientId\n      month\n      monthlyBudgetMicros\n      spentThisMonthMicros\n      contract {\n        maxDepth\n        maxToolCalls\n        maxTokens\n        maxCostMicros\n        maxWallMs\n        maxRevisions\n      }\n      preferred {\n        text\n        image\n        video\n        avatar\n      }\n      presenter {\n        avatarId\n        voiceId\n      }\n    }\n  }\n"): typeof import('./graphql').AiSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAiSettings($input: UpdateAiSettingsInput!) {\n    updateAiSettings(input: $input) {\n      clientId\n      monthlyBudgetMicros\n      presenter {\n        avatarId\n        voiceId\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateAiSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandKit($clientId: ID!) {\n    brandKit(clientId: $clientId) {\n      clientId\n      configured\n      name\n      headline\n      voice\n      doWords\n      dontWords\n      bannedClaims\n      hashtags\n      colours\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').BrandKitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBrandKit($input: UpdateBrandKitInput!) {\n    updateBrandKit(input: $input) {\n      clientId\n      configured\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').UpdateBrandKitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KbSources($clientId: ID!) {\n    kbSources(clientId: $clientId) {\n      id\n      kind\n      title\n      summary\n      topTerms\n      sourceUrl\n      fileName\n      byteSize\n      chunkCount\n      createdAt\n      removedAt\n    }\n  }\n"): typeof import('./graphql').KbSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddKbSource($input: AddKbSourceInput!) {\n    addKbSource(input: $input) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').AddKbSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveKbSource($id: ID!) {\n    removeKbSource(id: $id) {\n      id\n      removedAt\n    }\n  }\n"): typeof import('./graphql').RemoveKbSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPostsDryRun($input: ImportPostsDryRunInput!) {\n    importPostsDryRun(input: $input) {\n      digest\n      valid\n      postCount\n      rows {\n        line\n        text\n        date\n        platformAccountIds\n        mediaUrls\n        recurrence\n        evergreenIntervalDays\n      }\n      occurrences {\n        line\n        platformAccountId\n        scheduledAt\n        local\n      }\n      errors {\n        line\n        column\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ImportPostsDryRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPosts($input: ImportPostsInput!) {\n    importPosts(input: $input) {\n      batchId\n      postIds\n    }\n  }\n"): typeof import('./graphql').ImportPostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueSlots($clientId: ID!) {\n    queueSlots(clientId: $clientId) {\n      id\n      platformAccountId\n      weekday\n      time\n    }\n  }\n"): typeof import('./graphql').QueueSlotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateQueueSlot($input: CreateQueueSlotInput!) {\n    createQueueSlot(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateQueueSlotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateQueueSlot($input: UpdateQueueSlotInput!) {\n    updateQueueSlot(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').UpdateQueueSlotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteQueueSlot($input: DeleteQueueSlotInput!) {\n    deleteQueueSlot(input: $input)\n  }\n"): typeof import('./graphql').DeleteQueueSlotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostReceipt($id: ID!) {\n    post(id: $id) {\n      id\n      receipt\n      receiptChangedAt\n      receiptChecks {\n        checkNo\n        result\n        detail\n        checkedAt\n      }\n    }\n  }\n"): typeof import('./graphql').PostReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports($clientId: ID!) {\n    reports(clientId: $clientId, limit: 50) {\n      id\n      periodStart\n      periodEnd\n      periodLabel\n      status\n      trigger\n      error\n      emailedAt\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($id: ID!) {\n    report(id: $id) {\n      id\n      periodLabel\n      status\n      error\n      emailedAt\n      downloadUrl\n      proof {\n        key\n        label\n        display\n        detail\n        source\n      }\n      totals {\n        key\n        label\n        display\n        detail\n        source\n      }\n      links {\n        id\n        expiresAt\n        revokedAt\n        active\n        createdBy\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').ReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportSchedule($clientId: ID!) {\n    reportSchedule(clientId: $clientId) {\n      enabled\n      recipients\n      dayOfMonth\n      timezone\n      nextRunAt\n    }\n  }\n"): typeof import('./graphql').ReportScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateReport($input: GenerateReportInput!) {\n    generateReport(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').GenerateReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReportLink($input: CreateReportLinkInput!) {\n    createReportLink(input: $input) {\n      url\n      link {\n        id\n        expiresAt\n      }\n    }\n  }\n"): typeof import('./graphql').CreateReportLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeReportLink($input: ReportLinkRefInput!) {\n    revokeReportLink(input: $input) {\n      id\n      active\n    }\n  }\n"): typeof import('./graphql').RevokeReportLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetReportSchedule($input: SetReportScheduleInput!) {\n    setReportSchedule(input: $input) {\n      enabled\n      recipients\n      dayOfMonth\n      timezone\n      nextRunAt\n    }\n  }\n"): typeof import('./graphql').SetReportScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookSubscriptions($clientId: ID!) {\n    webhookSubscriptions(clientId: $clientId) {\n      id\n      clientId\n      url\n      eventTypes\n      description\n      enabled\n      disabledReason\n      previousSecretValidUntil\n      failingSince\n      createdAt\n    }\n  }\n"): typeof import('./graphql').WebhookSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($clientId: ID!, $subscriptionId: ID!) {\n    webhookDeliveries(clientId: $clientId, subscriptionId: $subscriptionId, limit: 50) {\n      id\n      messageId\n      eventType\n      status\n      attempts\n      lastStatusCode\n      lastError\n      nextAttemptAt\n      createdAt\n      deliveredAt\n      attemptLog {\n        attempt\n        startedAt\n        durationMs\n        statusCode\n        errorClass\n        responseSnippet\n      }\n    }\n  }\n"): typeof import('./graphql').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CreateWebhookSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(input: $input) {\n      id\n      enabled\n    }\n  }\n"): typeof import('./graphql').UpdateWebhookSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookSubscription($input: WebhookSubscriptionRefInput!) {\n    deleteWebhookSubscription(input: $input)\n  }\n"): typeof import('./graphql').DeleteWebhookSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($input: WebhookSubscriptionRefInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($input: WebhookSubscriptionRefInput!) {\n    sendTestWebhook(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').SendTestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {\n    redeliverWebhook(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').RedeliverWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrowserProfile($platformAccountId: ID!) {\n    browserProfile(platformAccountId: $platformAccountId) {\n      id\n      platformAccountId\n      mode\n      hybridWriter\n      modeReason {\n        code\n        message\n      }\n      manifest {\n        handle\n        externalAccountId\n        displayName\n        issuedAt\n      }\n      manifestValid\n      sideEffectsRequestedBy {\n        id\n        displayName\n      }\n      sideEffectsRequestedAt\n      sideEffectsNote\n      sideEffectsApprovedBy {\n        id\n        displayName\n      }\n      sideEffectsApprovedAt\n      runnerId\n      lastCheckAt\n      lastCheck {\n        ok\n        stopKind\n        stopMessage\n        missingSelectors\n        observedHandle\n      }\n      selectorMapVersion\n    }\n  }\n"): typeof import('./graphql').BrowserProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachBrowserProfile($input: AttachBrowserProfileInput!) {\n    attachBrowserProfile(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AttachBrowserProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestBrowserSideEffects($profileId: ID!, $note: String) {\n    requestBrowserSideEffects(profileId: $profileId, note: $note) {\n      id\n    }\n  }\n"): typeof import('./graphql').RequestBrowserSideEffectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveBrowserSideEffects($profileId: ID!) {\n    approveBrowserSideEffects(profileId: $profileId) {\n      id\n    }\n  }\n"): typeof import('./graphql').ApproveBrowserSideEffectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBrowserProfileReadOnly($profileId: ID!, $reason: String!) {\n    setBrowserProfileReadOnly(profileId: $profileId, reason: $reason) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetBrowserProfileReadOnlyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DetachBrowserProfile($profileId: ID!) {\n    detachBrowserProfile(profileId: $profileId)\n  }\n"): typeof import('./graphql').DetachBrowserProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountLane($platformAccountId: ID!, $lane: PublishLane!, $hybridWriter: HybridWriter) {\n    setAccountLane(platformAccountId: $platformAccountId, lane: $lane, hybridWriter: $hybridWriter) {\n      id\n      lane\n    }\n  }\n"): typeof import('./graphql').SetAccountLaneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestrictedPlatforms($clientId: ID!) {\n    restrictedPlatforms(clientId: $clientId) {\n      platform\n      riskStatement\n      riskVersion\n      enabled\n      enabledBy {\n        id\n        displayName\n      }\n      enabledAt\n    }\n  }\n"): typeof import('./graphql').RestrictedPlatformsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableRestrictedPlatform($clientId: ID!, $platform: String!, $acknowledgeRisk: Boolean!) {\n    enableRestrictedPlatform(clientId: $clientId, platform: $platform, acknowledgeRisk: $acknowledgeRisk) {\n      platform\n      enabled\n    }\n  }\n"): typeof import('./graphql').EnableRestrictedPlatformDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableRestrictedPlatform($clientId: ID!, $platform: String!) {\n    disableRestrictedPlatform(clientId: $clientId, platform: $platform) {\n      platform\n      enabled\n    }\n  }\n"): typeof import('./graphql').DisableRestrictedPlatformDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostBrowserProof($postId: ID!) {\n    postBrowserProof(postId: $postId) {\n      selectorMapVersion\n      linksExpireAt\n      steps {\n        step\n        url\n        at\n        masked\n        screenshotUrl\n        domUrl\n      }\n    }\n  }\n"): typeof import('./graphql').PostBrowserProofDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorHealth($clientId: ID!) {\n    connectorHealth(clientId: $clientId) {\n      accountId\n      platform\n      platformName\n      handle\n      status\n      statusReason\n      tokenExpiresAt\n      refreshExpiresAt\n      nextRefreshAt\n      signInAgainBy\n      tokenRefreshable\n      lastSuccessAt\n      standingCheckedAt\n      apiVersion\n      apiVersionSunsetsAt\n      daysToSunset\n      missing\n      worstSeverity\n      quotas {\n        id\n        label\n        used\n        limit\n        unit\n        resetsAt\n      }\n      restrictions {\n        code\n        message\n      }\n      recentErrors {\n        at\n        signal\n        message\n        whatToDo\n      }\n      attention {\n        code\n        severity\n        headline\n        whatToDo\n      }\n    }\n  }\n"): typeof import('./graphql').ConnectorHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectorAttention($first: Int, $after: String, $agencyId: ID) {\n    connectorAttention(first: $first, after: $after, agencyId: $agencyId) {\n      entries {\n        accountId\n        clientId\n        clientName\n        platformName\n        handle\n        accountStatus\n        code\n        severity\n        headline\n        whatToDo\n      }\n      endCursor\n    }\n  }\n"): typeof import('./graphql').ConnectorAttentionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshConnectorStanding($accountId: ID!) {\n    refreshConnectorStanding(accountId: $accountId) {\n      accountId\n      standingCheckedAt\n    }\n  }\n"): typeof import('./graphql').RefreshConnectorStandingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HealthReconnectAccount($accountId: ID!) {\n    reconnectAccount(accountId: $accountId) {\n      authorizeUrl\n      attemptId\n    }\n  }\n"): typeof import('./graphql').HealthReconnectAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Diagnostics($days: Int!, $limit: Int!) {\n    alerts {\n      id\n      name\n      severity\n      firing\n      value\n      threshold\n      summary\n      runbook\n      since\n    }\n    diagnosticsLanes {\n      lane\n      taskQueue\n      alive\n      workflowSlots\n      activitySlots\n      backlogKnown\n      workflowBacklog\n      workflowBacklogAgeSeconds\n      activityBacklog\n      activityBacklogAgeSeconds\n      pollers {\n        kind\n        identity\n        lastAccessAt\n      }\n    }\n    failedEpisodes(days: $days, limit: $limit) {\n      id\n      workflowId\n      runId\n      workflowType\n      episodeKind\n      temporalStatus\n      raizeStatus\n      clientId\n      postId\n      reasonCodes\n      failureType\n      message\n      at\n      traceUrl\n      temporalUrl\n      canRetry\n    }\n  }\n"): typeof import('./graphql').DiagnosticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EpisodeResetPoints($workflowId: String!, $runId: String!) {\n    episodeResetPoints(workflowId: $workflowId, runId: $runId) {\n      eventId\n      at\n      after\n      activityType\n      first\n    }\n  }\n"): typeof import('./graphql').EpisodeResetPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryEpisode($workflowId: String!, $runId: String!) {\n    retryEpisode(workflowId: $workflowId, runId: $runId) {\n      workflowId\n      runId\n      eventId\n      temporalUrl\n    }\n  }\n"): typeof import('./graphql').RetryEpisodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetEpisode($workflowId: String!, $runId: String!, $eventId: Int!, $reason: String!) {\n    resetEpisode(workflowId: $workflowId, runId: $runId, eventId: $eventId, reason: $reason) {\n      workflowId\n      runId\n      eventId\n      temporalUrl\n    }\n  }\n"): typeof import('./graphql').ResetEpisodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayEpisode($workflowId: String!, $runId: String!) {\n    replayEpisode(workflowId: $workflowId, runId: $runId) {\n      workflowType\n      sameDecisions\n      outcome\n      divergenceEventId\n      message\n      eventCount\n    }\n  }\n"): typeof import('./graphql').ReplayEpisodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GatewaySettings($agencyId: ID!) {\n    gatewaySettings(agencyId: $agencyId) {\n      agencyId\n      disabledTools\n      scriptsEnabled\n      scriptDomains\n      callsPerMinute\n      monthlyBudgetUsdMicros\n      saved\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').GatewaySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GatewayTools {\n    gatewayTools {\n      url\n      tools {\n        name\n        version\n        state\n        title\n        toolClass\n        reason\n        detail\n      }\n    }\n  }\n"): typeof import('./graphql').GatewayToolsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGatewaySettings($input: UpdateGatewaySettingsInput!) {\n    updateGatewaySettings(input: $input) {\n      agencyId\n      disabledTools\n      scriptsEnabled\n      scriptDomains\n      callsPerMinute\n      monthlyBudgetUsdMicros\n      saved\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').UpdateGatewaySettingsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
