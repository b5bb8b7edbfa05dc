/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddClientReviewerInput = {
  clientId: string | number;
  /** where review links and one-time codes are sent */
  email: string;
  name: string;
};

export type AddKbSourceInput = {
  clientId: string | number;
  content?: string | null | undefined;
  contentType?: string | null | undefined;
  fileName?: string | null | undefined;
  kind: KbSourceKind;
  text?: string | null | undefined;
  title?: string | null | undefined;
  url?: string | null | undefined;
};

export type AiStepContractInput = {
  maxCostMicros?: number | null | undefined;
  maxDepth?: number | null | undefined;
  maxRevisions?: number | null | undefined;
  maxTokens?: number | null | undefined;
  maxToolCalls?: number | null | undefined;
  maxWallMs?: number | null | undefined;
};

/** An alert rule's severity label (deploy/alerts/raize-alerts.yaml) */
export type AlertSeverity =
  | 'critical'
  | 'info'
  | 'warning';

/** none, internal (the agency approves), or internal_then_client (the agency, then the client’s reviewer) */
export type ApprovalStage =
  | 'internal'
  | 'internal_then_client'
  | 'none';

export type ApprovalStageRuleInput = {
  /** publish, reply or dm */
  action: string;
  /** a platform id, or "default" */
  platform: string;
  stage: ApprovalStage;
};

export type ApproveItemInput = {
  /** the checksum of the content the reviewer's page displayed; a mismatch is refused (C-23) */
  assetChecksum: string;
  itemId: string | number;
};

export type ApprovePostInput = {
  /** the checksum of the text the reviewer's page displayed; a mismatch is refused (C-23) */
  assetChecksum: string;
  note?: string | null | undefined;
  postId: string | number;
};

export type ApproveReplyInput = {
  /** the checksum of the draft as shown (C-23) */
  checksum: string;
  replyId: string | number;
  /** the text as edited; the editor becomes its author */
  text?: string | null | undefined;
};

export type AssignConversationInput = {
  /** null unassigns */
  assigneeId?: string | number | null | undefined;
  conversationId: string | number;
};

export type AttachBrowserProfileInput = {
  /** the display name the platform shows for the account, if it shows one */
  displayName?: string | null | undefined;
  platformAccountId: string | number;
  /** a Playwright storage state as JSON text (cookies, local storage); a live session */
  storageState: string;
};

export type AvatarPresenterInput = {
  avatarId: string;
  voiceId: string;
};

/** Why a browser profile is read-only: a runner's stop, an operator, or a fresh session attached */
export type BrowserModeReasonCode =
  | 'captcha'
  | 'consent'
  | 'identity_mismatch'
  | 'login_wall'
  | 'manifest_invalid'
  | 'operator'
  | 'profile_unreadable'
  | 'reattached'
  | 'selector_drift';

/** read_only: the browser lane only reads; side_effects: two different Admins let it act (C-42) */
export type BrowserProfileMode =
  | 'read_only'
  | 'side_effects';

/** Why the browser runner stopped before touching the page (C-41, C-43) */
export type BrowserStopKind =
  | 'captcha'
  | 'consent'
  | 'identity_mismatch'
  | 'login_wall'
  | 'manifest_invalid'
  | 'profile_unreadable'
  | 'selector_drift';

/** Where a post stands with its client */
export type ClientReviewState =
  | 'approved'
  | 'changes_requested'
  | 'not_required'
  | 'on_hold'
  | 'rejected'
  | 'waiting_client'
  | 'waiting_internal';

export type ClientReviewerRefInput = {
  clientId: string | number;
  reviewerId: string | number;
};

export type ConfirmTotpInput = {
  code: string;
};

export type ConnectAttemptInput = {
  attemptId: string | number;
};

export type ConversationNoteInput = {
  conversationId: string | number;
  text: string;
};

/** Where a conversation stands */
export type ConversationStatus =
  | 'answered'
  | 'awaiting_approval'
  | 'closed'
  | 'escalated'
  | 'hidden'
  | 'open';

export type ConversationStatusInput = {
  conversationId: string | number;
  note?: string | null | undefined;
};

export type CreateApiTokenInput = {
  expiresInDays?: number;
  name: string;
  scopes: Array<string>;
};

export type CreateAssetInput = {
  clientId: string | number;
  kind?: string;
  mediaKey?: string | null | undefined;
  text: string;
};

export type CreateClientInput = {
  agencyId: string | number;
  name: string;
  timezone?: string;
};

export type CreatePlanInput = {
  clientId: string | number;
  /** last local date (YYYY-MM-DD) in the client's timezone, included */
  endDate: string;
  /** formats allowed per platform; default text */
  formats?: Array<PlatformFormatsInput> | null | undefined;
  goals: string;
  pillars: Array<PlanPillarInput>;
  requiresApproval?: boolean;
  /** first local date (YYYY-MM-DD) in the client's timezone, included */
  startDate: string;
  targets: Array<PlanTargetInput>;
};

export type CreateQueueSlotInput = {
  clientId: string | number;
  platformAccountId: string | number;
  /** HH:MM, 24-hour, local to the client */
  time: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
};

export type CreateReportLinkInput = {
  /** days until the link stops working (1–365) */
  expiresInDays?: number;
  reportId: string | number;
};

export type CreateReviewLinkInput = {
  clientId: string | number;
  /** days until the link expires (1–90, default 30) */
  expiresInDays?: number | null | undefined;
  /** a batch of posts; omitted: every post of the client that waits for the client */
  postIds?: Array<string | number> | null | undefined;
  /** ask for a one-time code sent to the reviewer’s email when the link opens */
  requireCode?: boolean | null | undefined;
  reviewerId: string | number;
  /** email the link to the reviewer now */
  sendEmail?: boolean | null | undefined;
};

export type CreateWebhookSubscriptionInput = {
  agencyId?: string | number | null | undefined;
  clientId?: string | number | null | undefined;
  description?: string | null | undefined;
  eventTypes: Array<WebhookEventType>;
  /** https URL; private, loopback and metadata addresses are refused */
  url: string;
};

export type DeleteQueueSlotInput = {
  clientId: string | number;
  slotId: string | number;
};

export type DeleteSavedReplyInput = {
  id: string | number;
};

export type EditItemTextInput = {
  itemId: string | number;
  text: string;
};

/** A tool of the MCP tool gateway (workflows/contracts/vocabulary/gateway.ts) */
export type GatewayTool =
  | 'analytics_query'
  | 'brand_kit'
  | 'calendar_read'
  | 'clients_list'
  | 'image_generate'
  | 'inbox_read'
  | 'kb_search'
  | 'post_draft'
  | 'post_schedule'
  | 'posts_list'
  | 'reply_propose'
  | 'script_run'
  | 'text_generate'
  | 'web_fetch';

export type GenerateReportInput = {
  clientId: string | number;
  /** mail it to the report recipients once ready (default: no) */
  deliver?: boolean | null | undefined;
  /** YYYY-MM-DD in the client’s timezone; with `to`, or neither for last month */
  from?: string | null | undefined;
  /** YYYY-MM-DD, included; at most a year after `from` */
  to?: string | null | undefined;
};

/** critical: nothing publishes until someone acts; warning: soon, or some posts fail; info: a look */
export type HealthSeverity =
  | 'critical'
  | 'info'
  | 'warning';

/** Why a platform connection needs attention (workflows/contracts/vocabulary/health-signals.ts) */
export type HealthSignal =
  | 'action_blocked'
  | 'api_version_sunset'
  | 'app_in_testing'
  | 'cannot_post'
  | 'daily_limit'
  | 'media_rejected'
  | 'missing_permissions'
  | 'platform_unavailable'
  | 'private_only'
  | 'quota_exhausted'
  | 'rate_limited'
  | 'reconsent_due'
  | 'refresh_expired'
  | 'token_expired'
  | 'token_revoked';

/** On the hybrid lane, which side publishes: api (the page reads it back) or browser (the API reads it back) */
export type HybridWriter =
  | 'api'
  | 'browser';

export type IdInput = {
  id: string | number;
};

export type ImportPostsDryRunInput = {
  clientId: string | number;
  /** the CSV text (RFC 4180, a header line first) */
  csv: string;
};

export type ImportPostsInput = {
  clientId: string | number;
  csv: string;
  /** the digest the dry run of this same CSV returned */
  dryRunDigest: string;
};

/** Why an import row is refused */
export type ImportRowErrorCode =
  | 'account_not_connected'
  | 'bad_date'
  | 'bad_evergreen'
  | 'bad_recurrence'
  | 'cap_exceeded'
  | 'duplicate_row'
  | 'empty_text'
  | 'media_not_supported'
  | 'media_refused'
  | 'media_required'
  | 'no_free_slot'
  | 'no_queue_slots'
  | 'past_date'
  | 'platform_disabled'
  | 'text_too_long'
  | 'too_many_media'
  | 'unknown_account'
  | 'wrong_field_count';

export type InboundKind =
  | 'comment'
  | 'dm'
  | 'mention'
  | 'reply';

/** What the router read in a message */
export type Intent =
  | 'complaint'
  | 'crisis'
  | 'harassment'
  | 'legal'
  | 'medical'
  | 'other'
  | 'praise'
  | 'press'
  | 'pricing'
  | 'question'
  | 'refund'
  | 'spam';

/** What a knowledge base source was made from */
export type KbSourceKind =
  | 'file'
  | 'text'
  | 'url';

export type PlanDecisionInput = {
  note?: string | null | undefined;
  planId: string | number;
};

/** What a plan item is made as */
export type PlanFormat =
  | 'avatar'
  | 'image'
  | 'text'
  | 'video';

/** Where a plan item is, up to its publish */
export type PlanItemStatus =
  | 'checking'
  | 'creating'
  | 'failed'
  | 'generating'
  | 'in_review'
  | 'parked'
  | 'planned'
  | 'policy_blocked'
  | 'rejected'
  | 'scheduled'
  | 'scheduling'
  | 'waiting';

export type PlanPillarInput = {
  name: string;
  weight: number;
};

/** Where a content plan is in its planning episode */
export type PlanStatus =
  | 'approved'
  | 'awaiting_approval'
  | 'creating'
  | 'drafting'
  | 'failed'
  | 'parked'
  | 'rejected'
  | 'waiting';

export type PlanTargetInput = {
  /** other accounts of the client that each of this target's items also goes out on, at the same time */
  crossPostAccountIds?: Array<string | number> | null | undefined;
  platformAccountId: string | number;
  /** local posting times HH:MM; default 09:30 */
  postingTimes?: Array<string> | null | undefined;
  postsPerWeek: number;
  /** posting_times (default): the times above; queue: the account's free queue slots */
  timing?: PlanTiming | null | undefined;
};

/** Where a target's items take their times from */
export type PlanTiming =
  | 'posting_times'
  | 'queue';

export type PlatformFormatsInput = {
  formats: Array<PlanFormat>;
  platform: string;
};

/** A platform Raize has a connector for */
export type PlatformId =
  | 'facebook'
  | 'instagram'
  | 'linkedin'
  | 'sandbox'
  | 'tiktok'
  | 'x'
  | 'youtube';

export type PlatformSpendCapInput = {
  /** US dollars per calendar month */
  monthlyUsd: number;
  platform: PlatformId;
};

export type PostDecisionInput = {
  note?: string | null | undefined;
  postId: string | number;
};

/** A decision about a post */
export type PostDecisionKind =
  | 'approve'
  | 'cancel'
  | 'hold'
  | 'reject'
  | 'request_changes'
  | 'reschedule';

export type PreferredProvidersInput = {
  avatar?: string | null | undefined;
  image?: string | null | undefined;
  text?: string | null | undefined;
  video?: string | null | undefined;
};

/** api: the platform's API; browser: its web UI through a browser profile; hybrid: both */
export type PublishLane =
  | 'api'
  | 'browser'
  | 'hybrid';

/** Where a post is in its publishing episode */
export type PublishStatus =
  | 'approved'
  | 'awaiting_approval'
  | 'cancelled'
  | 'denied'
  | 'failed'
  | 'paused'
  | 'published'
  | 'publishing'
  | 'quarantined'
  | 'rejected'
  | 'scheduled'
  | 'unverified'
  | 'verified';

/** Why the guard, the policy or the workflow stopped or annotated a post */
export type ReasonCode =
  | 'account_needs_reconnect'
  | 'account_quarantined'
  | 'account_read_only'
  | 'approval_required'
  | 'approval_stale'
  | 'browser_captcha'
  | 'browser_consent'
  | 'browser_login_wall'
  | 'browser_manifest_invalid'
  | 'browser_profile_missing'
  | 'browser_profile_read_only'
  | 'browser_profile_unreadable'
  | 'browser_runner_unavailable'
  | 'browser_selector_drift'
  | 'cancelled'
  | 'cap_reached'
  | 'capability_missing'
  | 'client_approval_required'
  | 'client_changes_requested'
  | 'client_hold'
  | 'content_changed'
  | 'cooldown'
  | 'engine_error'
  | 'engine_timeout'
  | 'fingerprint_mismatch'
  | 'four_eyes'
  | 'invalid_input'
  | 'kill_switch'
  | 'lane_not_allowed'
  | 'late'
  | 'manual_requires_human_author'
  | 'negative_spike'
  | 'no_connector'
  | 'not_started'
  | 'platform_disallowed'
  | 'policy_data_missing'
  | 'publish_failed'
  | 'quiet_hours'
  | 'reconcile_ambiguous'
  | 'rejected'
  | 'spend_cap_reached'
  | 'spike'
  | 'task_not_allowed'
  | 'tenant_refused'
  | 'tenant_refused_key'
  | 'unverified'
  | 'verifying';

/** What one re-check of a published post found; unchecked: it could not be made (never a finding) */
export type ReceiptCheckResult =
  | 'author_changed'
  | 'edited'
  | 'intact'
  | 'removed'
  | 'unchecked';

/** What a published post’s later re-checks found: intact, or removed / edited / author_changed */
export type ReceiptStatus =
  | 'author_changed'
  | 'edited'
  | 'intact'
  | 'removed';

export type RedeliverWebhookInput = {
  agencyId?: string | number | null | undefined;
  clientId?: string | number | null | undefined;
  deliveryId: string | number;
};

export type RejectItemInput = {
  itemId: string | number;
  reason?: string | null | undefined;
};

export type RejectReplyInput = {
  note?: string | null | undefined;
  replyId: string | number;
};

export type RemoveProviderKeyInput = {
  agencyId?: string | number | null | undefined;
  clientId?: string | number | null | undefined;
  provider: string;
};

/** same: the current code makes the recorded decisions; diverged: it would not; failed: no verdict */
export type ReplayOutcome =
  | 'diverged'
  | 'failed'
  | 'same';

export type ReplyToConversationInput = {
  conversationId: string | number;
  text: string;
};

export type ReportLinkRefInput = {
  linkId: string | number;
};

/** `generating`, then `ready` (the PDF is stored) or `failed` (see `error`) */
export type ReportStatus =
  | 'failed'
  | 'generating'
  | 'ready';

export type RequestItemChangesInput = {
  /** what the creator should change; stored with the decision, never in workflow history */
  feedback: string;
  itemId: string | number;
};

export type ReschedulePostInput = {
  postId: string | number;
  scheduledAt: string;
};

export type ReviewLinkRefInput = {
  clientId: string | number;
  linkId: string | number;
};

export type ReviewLinkStatus =
  | 'active'
  | 'expired'
  | 'revoked';

/** What the router flagged in the text itself */
export type SafetyFlag =
  | 'injection'
  | 'link'
  | 'pii'
  | 'profanity';

export type SavedReplyInput = {
  clientId: string | number;
  text: string;
  title: string;
};

export type SchedulePostInput = {
  assetId: string | number;
  clientId: string | number;
  platformAccountId: string | number;
  /** ISO 8601 instant with offset, e.g. 2026-11-25T09:00:00+01:00 */
  scheduledAt: string;
  /** defaults to the client's timezone */
  timezone?: string | null | undefined;
};

export type SecondFactorInput = {
  code: string;
};

export type Sentiment =
  | 'negative'
  | 'neutral'
  | 'positive';

export type SetKillSwitchInput = {
  engaged: boolean;
  reason?: string | null | undefined;
  scope: string;
  /** the agency, client or account id; omitted for global */
  scopeId?: string | number | null | undefined;
};

export type SetProviderKeyInput = {
  /** set the agency fallback key (without clientId) */
  agencyId?: string | number | null | undefined;
  apiKey: string;
  clientId?: string | number | null | undefined;
  provider: string;
};

export type SetRecurringPlanningInput = {
  /** weekly (plans next week, on Thursdays) or monthly (plans next month, on the 20th) */
  cadence: string;
  clientId: string | number;
  /** formats allowed per platform; default text */
  formats?: Array<PlatformFormatsInput> | null | undefined;
  goals: string;
  pillars: Array<PlanPillarInput>;
  requiresApproval?: boolean;
  targets: Array<PlanTargetInput>;
};

export type SetReportScheduleInput = {
  clientId: string | number;
  /** the day of the month (1–28) the previous month’s report goes out */
  dayOfMonth?: number;
  enabled: boolean;
  /** bare addresses (name@example.com), at most 20 */
  recipients: Array<string>;
};

export type SignInInput = {
  email: string;
  password: string;
  totpCode?: string | null | undefined;
};

export type StartConnectInput = {
  clientId: string | number;
  platform?: PlatformId;
};

export type UpdateAiSettingsInput = {
  clientId: string | number;
  contract?: AiStepContractInput | null | undefined;
  /** micro-USD per month */
  monthlyBudgetMicros?: number | null | undefined;
  preferred?: PreferredProvidersInput | null | undefined;
  /** the avatar and voice of avatar videos; null removes them, left out keeps them */
  presenter?: AvatarPresenterInput | null | undefined;
};

export type UpdateBrandKitInput = {
  bannedClaims?: Array<string> | null | undefined;
  clientId: string | number;
  /** hex colours such as #1a2b3c */
  colours?: Array<string> | null | undefined;
  doWords?: Array<string> | null | undefined;
  dontWords?: Array<string> | null | undefined;
  hashtags?: Array<string> | null | undefined;
  headline?: string | null | undefined;
  /** an image key of this client's artifact store; null removes the logo */
  logoArtifactKey?: string | null | undefined;
  name?: string | null | undefined;
  voice?: string | null | undefined;
};

export type UpdateGatewaySettingsInput = {
  /** must be true to turn scripts on: they run code on Raize and reach the domains listed */
  acknowledgeScriptRisk?: boolean | null | undefined;
  agencyId: string | number;
  callsPerMinute?: number | null | undefined;
  /** the whole list of tools turned off for the agency (replaces the current one) */
  disabledTools?: Array<GatewayTool> | null | undefined;
  /** micro-USD of tool cost per calendar month (UTC) for the whole agency; null removes the cap */
  monthlyBudgetUsdMicros?: number | null | undefined;
  /** host names only, at most 50 */
  scriptDomains?: Array<string> | null | undefined;
  scriptsEnabled?: boolean | null | undefined;
};

export type UpdatePolicySettingsInput = {
  /** replaces the approval stages (an empty list removes them: the autonomy alone decides) */
  approvalStages?: Array<ApprovalStageRuleInput> | null | undefined;
  clearQuietHours?: boolean | null | undefined;
  clientId: string | number;
  dmAutonomy?: string | null | undefined;
  engagementClassifier?: string | null | undefined;
  engagementDrafter?: string | null | undefined;
  fourEyes?: boolean | null | undefined;
  hideAutonomy?: string | null | undefined;
  latenessCutoffSeconds?: number | null | undefined;
  likeAutonomy?: string | null | undefined;
  maxPublishesPerAccountPerDay?: number | null | undefined;
  /** replaces the monthly spend caps (an empty list removes them) */
  platformSpendCaps?: Array<PlatformSpendCapInput> | null | undefined;
  publishAutonomy?: string | null | undefined;
  quietHoursEnd?: number | null | undefined;
  quietHoursStart?: number | null | undefined;
  replyAutonomy?: string | null | undefined;
  /** replaces the domains a reply may link to */
  replyLinkAllowlist?: Array<string> | null | undefined;
};

export type UpdateQueueSlotInput = {
  clientId: string | number;
  slotId: string | number;
  time: string;
  weekday: number;
};

export type UpdateWebhookSubscriptionInput = {
  agencyId?: string | number | null | undefined;
  clientId?: string | number | null | undefined;
  description?: string | null | undefined;
  enabled?: boolean | null | undefined;
  eventTypes?: Array<WebhookEventType> | null | undefined;
  subscriptionId: string | number;
  url?: string | null | undefined;
};

/** A lifecycle event a webhook subscription can receive (`post_scheduled` is sent as `post.scheduled`) */
export type WebhookEventType =
  | 'account_needs_reconnect'
  | 'account_quarantined'
  | 'post_approved'
  | 'post_failed'
  | 'post_published'
  | 'post_receipt_broken'
  | 'post_scheduled'
  | 'post_unverified'
  | 'reply_sent';

export type WebhookSubscriptionRefInput = {
  agencyId?: string | number | null | undefined;
  clientId?: string | number | null | undefined;
  subscriptionId: string | number;
};

export type ClientReviewersQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ClientReviewersQuery = { clientReviewers: Array<{ id: string, name: string, email: string, disabledAt: string | null, createdAt: string }> };

export type ReviewLinksQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ReviewLinksQuery = { reviewLinks: Array<{ id: string, reviewerId: string, reviewerName: string, postIds: Array<string> | null, requiresCode: boolean, expiresAt: string, revokedAt: string | null, lastUsedAt: string | null, createdAt: string, status: ReviewLinkStatus }> };

export type ReviewBatchCandidatesQueryVariables = Exact<{
  clientId: string | number;
  from: string;
  to: string;
}>;


export type ReviewBatchCandidatesQuery = { postCalendar: Array<{ id: string, status: PublishStatus, final: boolean, scheduledAt: string, assetId: string, platformAccountId: string }> };

export type AddClientReviewerMutationVariables = Exact<{
  input: AddClientReviewerInput;
}>;


export type AddClientReviewerMutation = { addClientReviewer: { id: string } };

export type DisableClientReviewerMutationVariables = Exact<{
  input: ClientReviewerRefInput;
}>;


export type DisableClientReviewerMutation = { disableClientReviewer: { id: string, disabledAt: string | null } };

export type CreateReviewLinkMutationVariables = Exact<{
  input: CreateReviewLinkInput;
}>;


export type CreateReviewLinkMutation = { createReviewLink: { url: string, emailed: boolean, link: { id: string, reviewerName: string, expiresAt: string } } };

export type RevokeReviewLinkMutationVariables = Exact<{
  input: ReviewLinkRefInput;
}>;


export type RevokeReviewLinkMutation = { revokeReviewLink: { id: string, status: ReviewLinkStatus } };

export type ApprovalStagesQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ApprovalStagesQuery = { policySettings: { clientId: string, approvalStages: Array<{ action: string, platform: string, stage: ApprovalStage }> } };

export type UpdateApprovalStagesMutationVariables = Exact<{
  input: UpdatePolicySettingsInput;
}>;


export type UpdateApprovalStagesMutation = { updatePolicySettings: { clientId: string, approvalStages: Array<{ action: string, platform: string, stage: ApprovalStage }> } };

export type PostClientReviewQueryVariables = Exact<{
  id: string | number;
}>;


export type PostClientReviewQuery = { post: { id: string, approvalStage: ApprovalStage, clientReviewState: ClientReviewState, clientDecisions: Array<{ kind: PostDecisionKind, reviewerId: string, reviewerName: string, comment: string | null, createdAt: string }> } };

export type InboxQueryVariables = Exact<{
  clientId: string | number;
  first: number;
  after?: string | null | undefined;
  status?: ConversationStatus | null | undefined;
  platform?: string | null | undefined;
  intent?: Intent | null | undefined;
  sentiment?: Sentiment | null | undefined;
  assigneeId?: string | number | null | undefined;
  breached?: boolean | null | undefined;
}>;


export type InboxQuery = { inbox: { endCursor: string | null, items: Array<{ id: string, status: ConversationStatus, kind: InboundKind, intent: Intent | null, sentiment: Sentiment | null, flags: Array<SafetyFlag>, sensitive: boolean, platform: string, platformAccountId: string, lastMessageAt: string, slaDueAt: string | null, slaBreached: boolean, assigneeId: string | null }> } };

export type ConversationQueryVariables = Exact<{
  id: string | number;
}>;


export type ConversationQuery = { conversation: { id: string, status: ConversationStatus, kind: InboundKind, intent: Intent | null, sentiment: Sentiment | null, flags: Array<SafetyFlag>, sensitive: boolean, platform: string, platformAccountId: string, lastMessageAt: string, slaDueAt: string | null, slaBreached: boolean, assigneeId: string | null, why: Array<string>, summary: string, reasons: Array<{ code: string, message: string }> } };

export type ConversationMessagesQueryVariables = Exact<{
  conversationId: string | number;
}>;


export type ConversationMessagesQuery = { conversationMessages: Array<{ id: string, direction: string, authorHandle: string | null, text: string, occurredAt: string }> };

export type ConversationNotesQueryVariables = Exact<{
  conversationId: string | number;
}>;


export type ConversationNotesQuery = { conversationNotes: Array<{ id: string, authorId: string, text: string, createdAt: string }> };

export type ConversationRepliesQueryVariables = Exact<{
  conversationId: string | number;
}>;


export type ConversationRepliesQuery = { conversationReplies: Array<{ id: string, action: string, status: string, text: string, checksum: string, authorKind: string, authorId: string | null, approvedBy: string | null, sentAt: string | null, reasons: Array<{ code: string, message: string }> }> };

export type InboxOperatorsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type InboxOperatorsQuery = { inboxOperators: Array<{ id: string, displayName: string, role: string }> };

export type SavedRepliesQueryVariables = Exact<{
  clientId: string | number;
}>;


export type SavedRepliesQuery = { savedReplies: Array<{ id: string, title: string, text: string }> };

export type AssignConversationMutationVariables = Exact<{
  input: AssignConversationInput;
}>;


export type AssignConversationMutation = { assignConversation: { id: string, status: ConversationStatus, kind: InboundKind, intent: Intent | null, sentiment: Sentiment | null, flags: Array<SafetyFlag>, sensitive: boolean, platform: string, platformAccountId: string, lastMessageAt: string, slaDueAt: string | null, slaBreached: boolean, assigneeId: string | null } };

export type EscalateConversationMutationVariables = Exact<{
  input: ConversationStatusInput;
}>;


export type EscalateConversationMutation = { escalateConversation: { id: string, status: ConversationStatus, kind: InboundKind, intent: Intent | null, sentiment: Sentiment | null, flags: Array<SafetyFlag>, sensitive: boolean, platform: string, platformAccountId: string, lastMessageAt: string, slaDueAt: string | null, slaBreached: boolean, assigneeId: string | null } };

export type CloseConversationMutationVariables = Exact<{
  input: ConversationStatusInput;
}>;


export type CloseConversationMutation = { closeConversation: { id: string, status: ConversationStatus, kind: InboundKind, intent: Intent | null, sentiment: Sentiment | null, flags: Array<SafetyFlag>, sensitive: boolean, platform: string, platformAccountId: string, lastMessageAt: string, slaDueAt: string | null, slaBreached: boolean, assigneeId: string | null } };

export type AddConversationNoteMutationVariables = Exact<{
  input: ConversationNoteInput;
}>;


export type AddConversationNoteMutation = { addConversationNote: { id: string } };

export type ApproveReplyMutationVariables = Exact<{
  input: ApproveReplyInput;
}>;


export type ApproveReplyMutation = { approveReply: { id: string, status: string } };

export type RejectReplyMutationVariables = Exact<{
  input: RejectReplyInput;
}>;


export type RejectReplyMutation = { rejectReply: { id: string, status: string } };

export type ReplyToConversationMutationVariables = Exact<{
  input: ReplyToConversationInput;
}>;


export type ReplyToConversationMutation = { replyToConversation: { id: string, status: string } };

export type CreateSavedReplyMutationVariables = Exact<{
  input: SavedReplyInput;
}>;


export type CreateSavedReplyMutation = { createSavedReply: { id: string } };

export type DeleteSavedReplyMutationVariables = Exact<{
  input: DeleteSavedReplyInput;
}>;


export type DeleteSavedReplyMutation = { deleteSavedReply: boolean };

export type WhoamiQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoamiQuery = { whoami: { id: string, email: string, displayName: string, totpEnabled: boolean, via: string, staff: boolean, memberships: Array<{ agencyId: string, agencyName: string, clientId: string | null, role: string }> } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { needsSecondFactor: boolean, csrfToken: string, me: { id: string } | null } };

export type CompleteSecondFactorMutationVariables = Exact<{
  input: SecondFactorInput;
}>;


export type CompleteSecondFactorMutation = { completeSecondFactor: { csrfToken: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { signOutEverywhere: boolean };

export type ClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientsQuery = { clients: Array<{ id: string, name: string, timezone: string, agencyId: string }> };

export type ClientQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientQuery = { client: { id: string, name: string, timezone: string, agencyId: string } };

export type CreateClientMutationVariables = Exact<{
  input: CreateClientInput;
}>;


export type CreateClientMutation = { createClient: { id: string, name: string, timezone: string, agencyId: string } };

export type PolicySettingsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type PolicySettingsQuery = { policySettings: { clientId: string, publishAutonomy: string, fourEyes: boolean, maxPublishesPerAccountPerDay: number | null, latenessCutoffSeconds: number | null, quietHoursStart: number | null, quietHoursEnd: number | null } };

export type UpdatePolicySettingsMutationVariables = Exact<{
  input: UpdatePolicySettingsInput;
}>;


export type UpdatePolicySettingsMutation = { updatePolicySettings: { clientId: string, publishAutonomy: string, fourEyes: boolean, maxPublishesPerAccountPerDay: number | null, latenessCutoffSeconds: number | null, quietHoursStart: number | null, quietHoursEnd: number | null } };

export type PlatformAccountsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type PlatformAccountsQuery = { platformAccounts: Array<{ id: string, platform: PlatformId, handle: string, status: string, statusReason: string | null, fingerprint: string, lane: string, connectedAt: string, externalAccountId: string }> };

export type StartPlatformConnectMutationVariables = Exact<{
  input: StartConnectInput;
}>;


export type StartPlatformConnectMutation = { startPlatformConnect: { authorizeUrl: string, attemptId: string, expiresAt: string } };

export type PendingPlatformConnectsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type PendingPlatformConnectsQuery = { pendingPlatformConnects: Array<{ attemptId: string, clientName: string, platform: PlatformId, handle: string, externalAccountId: string, expiresAt: string }> };

export type ConfirmPlatformConnectMutationVariables = Exact<{
  input: ConnectAttemptInput;
}>;


export type ConfirmPlatformConnectMutation = { confirmPlatformConnect: { id: string, handle: string } };

export type CancelPlatformConnectMutationVariables = Exact<{
  input: ConnectAttemptInput;
}>;


export type CancelPlatformConnectMutation = { cancelPlatformConnect: boolean };

export type PlatformsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformsQuery = { platforms: Array<{ id: PlatformId, displayName: string, configured: boolean, emulator: boolean, apiVersion: string, apiSunsetsAt: string | null, maxTextLength: number, requiresMedia: boolean, imageTypes: Array<string>, videoTypes: Array<string> }> };

export type ReconnectAccountMutationVariables = Exact<{
  accountId: string | number;
}>;


export type ReconnectAccountMutation = { reconnectAccount: { authorizeUrl: string, attemptId: string, expiresAt: string } };

export type AssetsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type AssetsQuery = { assets: Array<{ id: string, kind: string, text: string, checksum: string, updatedAt: string }> };

export type CreateAssetMutationVariables = Exact<{
  input: CreateAssetInput;
}>;


export type CreateAssetMutation = { createAsset: { id: string, text: string, checksum: string } };

export type PostsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type PostsQuery = { posts: Array<{ id: string, status: PublishStatus, final: boolean, scheduledAt: string, timezone: string, assetId: string, platformAccountId: string, createdBy: string, authorIds: Array<string>, reasons: Array<{ code: string, message: string }>, approvals: Array<{ approverId: string, role: string }> }> };

export type ApprovalQueueQueryVariables = Exact<{
  clientId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type ApprovalQueueQuery = { approvalQueue: Array<{ id: string, cursor: string, status: PublishStatus, final: boolean, scheduledAt: string, timezone: string, assetId: string, platformAccountId: string, createdBy: string, authorIds: Array<string>, reasons: Array<{ code: string, message: string }>, approvals: Array<{ approverId: string, role: string }> }> };

export type PostQueryVariables = Exact<{
  id: string | number;
}>;


export type PostQuery = { post: { id: string, clientId: string, status: PublishStatus, final: boolean, workflowStatus: PublishStatus | null, scheduledAt: string, timezone: string, assetId: string, assetChecksum: string, platformAccountId: string, createdBy: string, authorIds: Array<string>, url: string | null, platformPostId: string | null, proof: string | null, publishedAt: string | null, verifiedAt: string | null, workflowId: string, temporalUrl: string | null, traceUrl: string | null, reasons: Array<{ code: string, reasonCode: ReasonCode | null, message: string }>, approvals: Array<{ approverId: string, role: string, assetChecksum: string, createdAt: string }> } };

export type SchedulePostMutationVariables = Exact<{
  input: SchedulePostInput;
}>;


export type SchedulePostMutation = { schedulePost: { id: string, status: PublishStatus, scheduledAt: string } };

export type ApprovePostMutationVariables = Exact<{
  input: ApprovePostInput;
}>;


export type ApprovePostMutation = { approvePost: { id: string, status: PublishStatus } };

export type RejectPostMutationVariables = Exact<{
  input: PostDecisionInput;
}>;


export type RejectPostMutation = { rejectPost: { id: string, status: PublishStatus } };

export type ReschedulePostMutationVariables = Exact<{
  input: ReschedulePostInput;
}>;


export type ReschedulePostMutation = { reschedulePost: { id: string, status: PublishStatus, scheduledAt: string } };

export type CancelPostMutationVariables = Exact<{
  input: PostDecisionInput;
}>;


export type CancelPostMutation = { cancelPost: { id: string, status: PublishStatus } };

export type AuditEventsQueryVariables = Exact<{
  postId: string | number;
}>;


export type AuditEventsQuery = { auditEvents: Array<{ id: string, seq: string, action: string, actor: string, createdAt: string, data: string, hash: string, prevHash: string, subjectType: string, subjectId: string }> };

export type VerifyAuditChainQueryVariables = Exact<{
  clientId: string | number;
}>;


export type VerifyAuditChainQuery = { verifyAuditChain: { ok: boolean, count: number, problems: Array<{ seq: string, problem: string }> } };

export type KillSwitchesQueryVariables = Exact<{
  clientId: string | number;
}>;


export type KillSwitchesQuery = { killSwitches: Array<{ id: string, scope: string, scopeId: string, engaged: boolean, reason: string | null, stops: string, updatedAt: string }> };

export type SetKillSwitchMutationVariables = Exact<{
  input: SetKillSwitchInput;
}>;


export type SetKillSwitchMutation = { setKillSwitch: { id: string, scope: string, scopeId: string, engaged: boolean, reason: string | null, stops: string } };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, createdAt: string, lastSeenAt: string, ip: string | null, userAgent: string | null, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  input: IdInput;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, expiresAt: string, lastUsedAt: string | null, lastUsedIp: string | null, revokedAt: string | null }> };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken: { token: string, apiToken: { id: string, name: string, prefix: string } } };

export type RevokeApiTokenMutationVariables = Exact<{
  input: IdInput;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: boolean };

export type EnrollTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollTotpMutation = { enrollTotp: { secret: string, otpauthUrl: string } };

export type ConfirmTotpMutationVariables = Exact<{
  input: ConfirmTotpInput;
}>;


export type ConfirmTotpMutation = { confirmTotp: boolean };

export type PostCalendarQueryVariables = Exact<{
  clientId: string | number;
  from: string;
  to: string;
  first: number;
  after?: string | null | undefined;
}>;


export type PostCalendarQuery = { postCalendar: Array<{ id: string, cursor: string, status: PublishStatus, final: boolean, scheduledAt: string, assetId: string }> };

export type PlansQueryVariables = Exact<{
  clientId: string | number;
}>;


export type PlansQuery = { plans: Array<{ id: string, status: PlanStatus, goals: string, startDate: string, endDate: string, timezone: string, itemCount: number, requiresApproval: boolean, source: string, createdBy: string | null, createdAt: string, workflowStatus: PlanStatus | null, reasons: Array<{ code: string, message: string }> }> };

export type PlanQueryVariables = Exact<{
  id: string | number;
}>;


export type PlanQuery = { plan: { id: string, clientId: string, status: PlanStatus, goals: string, startDate: string, endDate: string, timezone: string, itemCount: number, requiresApproval: boolean, source: string, createdBy: string | null, decidedBy: string | null, createdAt: string, workflowStatus: PlanStatus | null, reasons: Array<{ code: string, message: string, retryAt: string | null }>, pillars: Array<{ name: string, weight: number }>, targets: Array<{ platformAccountId: string, platform: string, postsPerWeek: number, postingTimes: Array<string>, timing: PlanTiming, crossPostAccountIds: Array<string> }> } };

export type PlanItemsQueryVariables = Exact<{
  id: string | number;
}>;


export type PlanItemsQuery = { plan: { id: string, items: Array<{ id: string, platform: string, platformAccountId: string, format: PlanFormat, pillar: string, brief: string, localDate: string, localTime: string, timing: PlanTiming, crossPostAccountIds: Array<string>, status: PlanItemStatus, publishJobIds: Array<string> }> } };

export type CreatePlanMutationVariables = Exact<{
  input: CreatePlanInput;
}>;


export type CreatePlanMutation = { createPlan: { id: string, status: PlanStatus } };

export type ApprovePlanMutationVariables = Exact<{
  input: PlanDecisionInput;
}>;


export type ApprovePlanMutation = { approvePlan: { id: string, status: PlanStatus } };

export type RejectPlanMutationVariables = Exact<{
  input: PlanDecisionInput;
}>;


export type RejectPlanMutation = { rejectPlan: { id: string, status: PlanStatus } };

export type RecurringPlanningQueryVariables = Exact<{
  clientId: string | number;
}>;


export type RecurringPlanningQuery = { recurringPlanning: { clientId: string, cadence: string, goals: string, nextRunAt: string | null, paused: boolean, requiresApproval: boolean, pillars: Array<{ name: string, weight: number }>, targets: Array<{ platformAccountId: string, platform: string, postsPerWeek: number, postingTimes: Array<string> }> } | null };

export type SetRecurringPlanningMutationVariables = Exact<{
  input: SetRecurringPlanningInput;
}>;


export type SetRecurringPlanningMutation = { setRecurringPlanning: { clientId: string, cadence: string, nextRunAt: string | null, paused: boolean } };

export type PauseRecurringPlanningMutationVariables = Exact<{
  clientId: string | number;
}>;


export type PauseRecurringPlanningMutation = { pauseRecurringPlanning: { clientId: string, paused: boolean, nextRunAt: string | null } };

export type ResumeRecurringPlanningMutationVariables = Exact<{
  clientId: string | number;
}>;


export type ResumeRecurringPlanningMutation = { resumeRecurringPlanning: { clientId: string, paused: boolean, nextRunAt: string | null } };

export type ReviewQueueQueryVariables = Exact<{
  clientId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { reviewQueue: { endCursor: string | null, items: Array<{ id: string, status: string }> } };

export type ReviewItemQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewItemQuery = { reviewItem: { id: string, planId: string, platform: string, platformAccountId: string, format: string, pillar: string, brief: string, slotAt: string, timezone: string, crossPostAccountIds: Array<string>, status: string, revision: number, authorIds: Array<string>, reasons: Array<{ code: string, message: string }>, asset: { id: string, text: string, checksum: string, authorKind: string, mediaContentType: string | null, mediaUrl: string | null } | null, preview: { feedText: string, truncated: boolean, characters: number, characterLimit: number, overLimit: boolean, hashtags: Array<string>, links: Array<string>, linksAllowed: boolean, mediaAspect: string } | null } };

export type ApproveItemMutationVariables = Exact<{
  input: ApproveItemInput;
}>;


export type ApproveItemMutation = { approveItem: { id: string, status: string, publishJobIds: Array<string> } };

export type RequestItemChangesMutationVariables = Exact<{
  input: RequestItemChangesInput;
}>;


export type RequestItemChangesMutation = { requestItemChanges: { id: string, status: string } };

export type RejectItemMutationVariables = Exact<{
  input: RejectItemInput;
}>;


export type RejectItemMutation = { rejectItem: { id: string, status: string } };

export type EditItemTextMutationVariables = Exact<{
  input: EditItemTextInput;
}>;


export type EditItemTextMutation = { editItemText: { id: string, status: string, revision: number } };

export type ProviderKeysQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ProviderKeysQuery = { providerKeys: Array<{ provider: string, scope: string, setAt: string }> };

export type SetProviderKeyMutationVariables = Exact<{
  input: SetProviderKeyInput;
}>;


export type SetProviderKeyMutation = { setProviderKey: { provider: string, scope: string, setAt: string } };

export type RemoveProviderKeyMutationVariables = Exact<{
  input: RemoveProviderKeyInput;
}>;


export type RemoveProviderKeyMutation = { removeProviderKey: boolean };

export type AiSettingsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type AiSettingsQuery = { aiSettings: { clientId: string, month: string, monthlyBudgetMicros: number, spentThisMonthMicros: number, contract: { maxDepth: number, maxToolCalls: number, maxTokens: number, maxCostMicros: number, maxWallMs: number, maxRevisions: number }, preferred: { text: string, image: string, video: string, avatar: string }, presenter: { avatarId: string, voiceId: string } | null } };

export type UpdateAiSettingsMutationVariables = Exact<{
  input: UpdateAiSettingsInput;
}>;


export type UpdateAiSettingsMutation = { updateAiSettings: { clientId: string, monthlyBudgetMicros: number, presenter: { avatarId: string, voiceId: string } | null } };

export type BrandKitQueryVariables = Exact<{
  clientId: string | number;
}>;


export type BrandKitQuery = { brandKit: { clientId: string, configured: boolean, name: string, headline: string, voice: string, doWords: Array<string>, dontWords: Array<string>, bannedClaims: Array<string>, hashtags: Array<string>, colours: Array<string>, updatedAt: string | null } };

export type UpdateBrandKitMutationVariables = Exact<{
  input: UpdateBrandKitInput;
}>;


export type UpdateBrandKitMutation = { updateBrandKit: { clientId: string, configured: boolean, updatedAt: string | null } };

export type KbSourcesQueryVariables = Exact<{
  clientId: string | number;
}>;


export type KbSourcesQuery = { kbSources: Array<{ id: string, kind: KbSourceKind, title: string, summary: string, topTerms: Array<string>, sourceUrl: string | null, fileName: string | null, byteSize: number, chunkCount: number, createdAt: string, removedAt: string | null }> };

export type AddKbSourceMutationVariables = Exact<{
  input: AddKbSourceInput;
}>;


export type AddKbSourceMutation = { addKbSource: { id: string, title: string } };

export type RemoveKbSourceMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveKbSourceMutation = { removeKbSource: { id: string, removedAt: string | null } };

export type ImportPostsDryRunMutationVariables = Exact<{
  input: ImportPostsDryRunInput;
}>;


export type ImportPostsDryRunMutation = { importPostsDryRun: { digest: string, valid: boolean, postCount: number, rows: Array<{ line: number, text: string, date: string | null, platformAccountIds: Array<string>, mediaUrls: Array<string>, recurrence: string | null, evergreenIntervalDays: number | null }>, occurrences: Array<{ line: number, platformAccountId: string, scheduledAt: string, local: string }>, errors: Array<{ line: number, column: string | null, code: ImportRowErrorCode, message: string }> } };

export type ImportPostsMutationVariables = Exact<{
  input: ImportPostsInput;
}>;


export type ImportPostsMutation = { importPosts: { batchId: string, postIds: Array<string> } };

export type QueueSlotsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type QueueSlotsQuery = { queueSlots: Array<{ id: string, platformAccountId: string, weekday: number, time: string }> };

export type CreateQueueSlotMutationVariables = Exact<{
  input: CreateQueueSlotInput;
}>;


export type CreateQueueSlotMutation = { createQueueSlot: { id: string } };

export type UpdateQueueSlotMutationVariables = Exact<{
  input: UpdateQueueSlotInput;
}>;


export type UpdateQueueSlotMutation = { updateQueueSlot: { id: string } };

export type DeleteQueueSlotMutationVariables = Exact<{
  input: DeleteQueueSlotInput;
}>;


export type DeleteQueueSlotMutation = { deleteQueueSlot: boolean };

export type PostReceiptQueryVariables = Exact<{
  id: string | number;
}>;


export type PostReceiptQuery = { post: { id: string, receipt: ReceiptStatus | null, receiptChangedAt: string | null, receiptChecks: Array<{ checkNo: number, result: ReceiptCheckResult, detail: string | null, checkedAt: string }> } };

export type ReportsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ReportsQuery = { reports: Array<{ id: string, periodStart: string, periodEnd: string, periodLabel: string, status: ReportStatus, trigger: string, error: string | null, emailedAt: string | null, createdAt: string }> };

export type ReportQueryVariables = Exact<{
  id: string | number;
}>;


export type ReportQuery = { report: { id: string, periodLabel: string, status: ReportStatus, error: string | null, emailedAt: string | null, downloadUrl: string | null, proof: Array<{ key: string, label: string, display: string, detail: string | null, source: string }>, totals: Array<{ key: string, label: string, display: string, detail: string | null, source: string }>, links: Array<{ id: string, expiresAt: string, revokedAt: string | null, active: boolean, createdBy: string | null, createdAt: string }> } };

export type ReportScheduleQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ReportScheduleQuery = { reportSchedule: { enabled: boolean, recipients: Array<string>, dayOfMonth: number, timezone: string, nextRunAt: string | null } | null };

export type GenerateReportMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type GenerateReportMutation = { generateReport: { id: string, status: ReportStatus } };

export type CreateReportLinkMutationVariables = Exact<{
  input: CreateReportLinkInput;
}>;


export type CreateReportLinkMutation = { createReportLink: { url: string, link: { id: string, expiresAt: string } } };

export type RevokeReportLinkMutationVariables = Exact<{
  input: ReportLinkRefInput;
}>;


export type RevokeReportLinkMutation = { revokeReportLink: { id: string, active: boolean } };

export type SetReportScheduleMutationVariables = Exact<{
  input: SetReportScheduleInput;
}>;


export type SetReportScheduleMutation = { setReportSchedule: { enabled: boolean, recipients: Array<string>, dayOfMonth: number, timezone: string, nextRunAt: string | null } };

export type WebhookSubscriptionsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type WebhookSubscriptionsQuery = { webhookSubscriptions: Array<{ id: string, clientId: string | null, url: string, eventTypes: Array<WebhookEventType>, description: string, enabled: boolean, disabledReason: string | null, previousSecretValidUntil: string | null, failingSince: string | null, createdAt: string }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  clientId: string | number;
  subscriptionId: string | number;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: Array<{ id: string, messageId: string, eventType: string, status: string, attempts: number, lastStatusCode: number | null, lastError: string | null, nextAttemptAt: string | null, createdAt: string, deliveredAt: string | null, attemptLog: Array<{ attempt: number, startedAt: string, durationMs: number, statusCode: number | null, errorClass: string | null, responseSnippet: string | null }> }> };

export type CreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type CreateWebhookSubscriptionMutation = { createWebhookSubscription: { secret: string, subscription: { id: string } } };

export type UpdateWebhookSubscriptionMutationVariables = Exact<{
  input: UpdateWebhookSubscriptionInput;
}>;


export type UpdateWebhookSubscriptionMutation = { updateWebhookSubscription: { id: string, enabled: boolean } };

export type DeleteWebhookSubscriptionMutationVariables = Exact<{
  input: WebhookSubscriptionRefInput;
}>;


export type DeleteWebhookSubscriptionMutation = { deleteWebhookSubscription: boolean };

export type RotateWebhookSecretMutationVariables = Exact<{
  input: WebhookSubscriptionRefInput;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, subscription: { id: string } } };

export type SendTestWebhookMutationVariables = Exact<{
  input: WebhookSubscriptionRefInput;
}>;


export type SendTestWebhookMutation = { sendTestWebhook: { id: string } };

export type RedeliverWebhookMutationVariables = Exact<{
  input: RedeliverWebhookInput;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { id: string } };

export type BrowserProfileQueryVariables = Exact<{
  platformAccountId: string | number;
}>;


export type BrowserProfileQuery = { browserProfile: { id: string, platformAccountId: string, mode: BrowserProfileMode, hybridWriter: HybridWriter, manifestValid: boolean, sideEffectsRequestedAt: string | null, sideEffectsNote: string | null, sideEffectsApprovedAt: string | null, runnerId: string | null, lastCheckAt: string | null, selectorMapVersion: string | null, modeReason: { code: BrowserModeReasonCode, message: string } | null, manifest: { handle: string, externalAccountId: string, displayName: string | null, issuedAt: string } | null, sideEffectsRequestedBy: { id: string, displayName: string | null } | null, sideEffectsApprovedBy: { id: string, displayName: string | null } | null, lastCheck: { ok: boolean, stopKind: BrowserStopKind | null, stopMessage: string | null, missingSelectors: Array<string>, observedHandle: string | null } | null } | null };

export type AttachBrowserProfileMutationVariables = Exact<{
  input: AttachBrowserProfileInput;
}>;


export type AttachBrowserProfileMutation = { attachBrowserProfile: { id: string } };

export type RequestBrowserSideEffectsMutationVariables = Exact<{
  profileId: string | number;
  note?: string | null | undefined;
}>;


export type RequestBrowserSideEffectsMutation = { requestBrowserSideEffects: { id: string } };

export type ApproveBrowserSideEffectsMutationVariables = Exact<{
  profileId: string | number;
}>;


export type ApproveBrowserSideEffectsMutation = { approveBrowserSideEffects: { id: string } };

export type SetBrowserProfileReadOnlyMutationVariables = Exact<{
  profileId: string | number;
  reason: string;
}>;


export type SetBrowserProfileReadOnlyMutation = { setBrowserProfileReadOnly: { id: string } };

export type DetachBrowserProfileMutationVariables = Exact<{
  profileId: string | number;
}>;


export type DetachBrowserProfileMutation = { detachBrowserProfile: boolean };

export type SetAccountLaneMutationVariables = Exact<{
  platformAccountId: string | number;
  lane: PublishLane;
  hybridWriter?: HybridWriter | null | undefined;
}>;


export type SetAccountLaneMutation = { setAccountLane: { id: string, lane: string } };

export type RestrictedPlatformsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type RestrictedPlatformsQuery = { restrictedPlatforms: Array<{ platform: string, riskStatement: string, riskVersion: number, enabled: boolean, enabledAt: string | null, enabledBy: { id: string, displayName: string | null } | null }> };

export type EnableRestrictedPlatformMutationVariables = Exact<{
  clientId: string | number;
  platform: string;
  acknowledgeRisk: boolean;
}>;


export type EnableRestrictedPlatformMutation = { enableRestrictedPlatform: { platform: string, enabled: boolean } };

export type DisableRestrictedPlatformMutationVariables = Exact<{
  clientId: string | number;
  platform: string;
}>;


export type DisableRestrictedPlatformMutation = { disableRestrictedPlatform: { platform: string, enabled: boolean } };

export type PostBrowserProofQueryVariables = Exact<{
  postId: string | number;
}>;


export type PostBrowserProofQuery = { postBrowserProof: { selectorMapVersion: string, linksExpireAt: string, steps: Array<{ step: string, url: string, at: string, masked: number, screenshotUrl: string | null, domUrl: string | null }> } | null };

export type ConnectorHealthQueryVariables = Exact<{
  clientId: string | number;
}>;


export type ConnectorHealthQuery = { connectorHealth: Array<{ accountId: string, platform: PlatformId, platformName: string, handle: string, status: string, statusReason: string | null, tokenExpiresAt: string | null, refreshExpiresAt: string | null, nextRefreshAt: string | null, signInAgainBy: string | null, tokenRefreshable: boolean, lastSuccessAt: string | null, standingCheckedAt: string | null, apiVersion: string | null, apiVersionSunsetsAt: string | null, daysToSunset: number | null, missing: Array<string>, worstSeverity: HealthSeverity | null, quotas: Array<{ id: string, label: string, used: number, limit: number | null, unit: string, resetsAt: string | null }>, restrictions: Array<{ code: HealthSignal, message: string }>, recentErrors: Array<{ at: string, signal: HealthSignal | null, message: string, whatToDo: string }>, attention: Array<{ code: string, severity: HealthSeverity, headline: string, whatToDo: string }> }> };

export type ConnectorAttentionQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  agencyId?: string | number | null | undefined;
}>;


export type ConnectorAttentionQuery = { connectorAttention: { endCursor: string | null, entries: Array<{ accountId: string, clientId: string, clientName: string, platformName: string, handle: string, accountStatus: string, code: string, severity: HealthSeverity, headline: string, whatToDo: string }> } };

export type RefreshConnectorStandingMutationVariables = Exact<{
  accountId: string | number;
}>;


export type RefreshConnectorStandingMutation = { refreshConnectorStanding: { accountId: string, standingCheckedAt: string | null } };

export type HealthReconnectAccountMutationVariables = Exact<{
  accountId: string | number;
}>;


export type HealthReconnectAccountMutation = { reconnectAccount: { authorizeUrl: string, attemptId: string } };

export type DiagnosticsQueryVariables = Exact<{
  days: number;
  limit: number;
}>;


export type DiagnosticsQuery = { alerts: Array<{ id: string, name: string, severity: AlertSeverity, firing: boolean, value: number | null, threshold: number, summary: string, runbook: string, since: string | null }>, diagnosticsLanes: Array<{ lane: string, taskQueue: string, alive: boolean, workflowSlots: number, activitySlots: number, backlogKnown: boolean, workflowBacklog: number | null, workflowBacklogAgeSeconds: number | null, activityBacklog: number | null, activityBacklogAgeSeconds: number | null, pollers: Array<{ kind: string, identity: string, lastAccessAt: string | null }> }>, failedEpisodes: Array<{ id: string, workflowId: string | null, runId: string | null, workflowType: string | null, episodeKind: string | null, temporalStatus: string | null, raizeStatus: string | null, clientId: string | null, postId: string | null, reasonCodes: Array<string>, failureType: string | null, message: string | null, at: string, traceUrl: string | null, temporalUrl: string | null, canRetry: boolean }> };

export type EpisodeResetPointsQueryVariables = Exact<{
  workflowId: string;
  runId: string;
}>;


export type EpisodeResetPointsQuery = { episodeResetPoints: Array<{ eventId: number, at: string | null, after: string, activityType: string | null, first: boolean }> };

export type RetryEpisodeMutationVariables = Exact<{
  workflowId: string;
  runId: string;
}>;


export type RetryEpisodeMutation = { retryEpisode: { workflowId: string, runId: string, eventId: number, temporalUrl: string | null } };

export type ResetEpisodeMutationVariables = Exact<{
  workflowId: string;
  runId: string;
  eventId: number;
  reason: string;
}>;


export type ResetEpisodeMutation = { resetEpisode: { workflowId: string, runId: string, eventId: number, temporalUrl: string | null } };

export type ReplayEpisodeMutationVariables = Exact<{
  workflowId: string;
  runId: string;
}>;


export type ReplayEpisodeMutation = { replayEpisode: { workflowType: string | null, sameDecisions: boolean, outcome: ReplayOutcome, divergenceEventId: number | null, message: string | null, eventCount: number } };

export type GatewaySettingsQueryVariables = Exact<{
  agencyId: string | number;
}>;


export type GatewaySettingsQuery = { gatewaySettings: { agencyId: string, disabledTools: Array<GatewayTool>, scriptsEnabled: boolean, scriptDomains: Array<string>, callsPerMinute: number, monthlyBudgetUsdMicros: number | null, saved: boolean, updatedAt: string | null } };

export type GatewayToolsQueryVariables = Exact<{ [key: string]: never; }>;


export type GatewayToolsQuery = { gatewayTools: { url: string, tools: Array<{ name: string, version: number | null, state: string, title: string | null, toolClass: string | null, reason: string | null, detail: string | null }> } };

export type UpdateGatewaySettingsMutationVariables = Exact<{
  input: UpdateGatewaySettingsInput;
}>;


export type UpdateGatewaySettingsMutation = { updateGatewaySettings: { agencyId: string, disabledTools: Array<GatewayTool>, scriptsEnabled: boolean, scriptDomains: Array<string>, callsPerMinute: number, monthlyBudgetUsdMicros: number | null, saved: boolean, updatedAt: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ClientReviewersDocument = new TypedDocumentString(`
    query ClientReviewers($clientId: ID!) {
  clientReviewers(clientId: $clientId) {
    id
    name
    email
    disabledAt
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ClientReviewersQuery, ClientReviewersQueryVariables>;
export const ReviewLinksDocument = new TypedDocumentString(`
    query ReviewLinks($clientId: ID!) {
  reviewLinks(clientId: $clientId) {
    id
    reviewerId
    reviewerName
    postIds
    requiresCode
    expiresAt
    revokedAt
    lastUsedAt
    createdAt
    status
  }
}
    `) as unknown as TypedDocumentString<ReviewLinksQuery, ReviewLinksQueryVariables>;
export const ReviewBatchCandidatesDocument = new TypedDocumentString(`
    query ReviewBatchCandidates($clientId: ID!, $from: String!, $to: String!) {
  postCalendar(clientId: $clientId, from: $from, to: $to, first: 300) {
    id
    status
    final
    scheduledAt
    assetId
    platformAccountId
  }
}
    `) as unknown as TypedDocumentString<ReviewBatchCandidatesQuery, ReviewBatchCandidatesQueryVariables>;
export const AddClientReviewerDocument = new TypedDocumentString(`
    mutation AddClientReviewer($input: AddClientReviewerInput!) {
  addClientReviewer(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddClientReviewerMutation, AddClientReviewerMutationVariables>;
export const DisableClientReviewerDocument = new TypedDocumentString(`
    mutation DisableClientReviewer($input: ClientReviewerRefInput!) {
  disableClientReviewer(input: $input) {
    id
    disabledAt
  }
}
    `) as unknown as TypedDocumentString<DisableClientReviewerMutation, DisableClientReviewerMutationVariables>;
export const CreateReviewLinkDocument = new TypedDocumentString(`
    mutation CreateReviewLink($input: CreateReviewLinkInput!) {
  createReviewLink(input: $input) {
    url
    emailed
    link {
      id
      reviewerName
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateReviewLinkMutation, CreateReviewLinkMutationVariables>;
export const RevokeReviewLinkDocument = new TypedDocumentString(`
    mutation RevokeReviewLink($input: ReviewLinkRefInput!) {
  revokeReviewLink(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeReviewLinkMutation, RevokeReviewLinkMutationVariables>;
export const ApprovalStagesDocument = new TypedDocumentString(`
    query ApprovalStages($clientId: ID!) {
  policySettings(clientId: $clientId) {
    clientId
    approvalStages {
      action
      platform
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalStagesQuery, ApprovalStagesQueryVariables>;
export const UpdateApprovalStagesDocument = new TypedDocumentString(`
    mutation UpdateApprovalStages($input: UpdatePolicySettingsInput!) {
  updatePolicySettings(input: $input) {
    clientId
    approvalStages {
      action
      platform
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateApprovalStagesMutation, UpdateApprovalStagesMutationVariables>;
export const PostClientReviewDocument = new TypedDocumentString(`
    query PostClientReview($id: ID!) {
  post(id: $id) {
    id
    approvalStage
    clientReviewState
    clientDecisions {
      kind
      reviewerId
      reviewerName
      comment
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<PostClientReviewQuery, PostClientReviewQueryVariables>;
export const InboxDocument = new TypedDocumentString(`
    query Inbox($clientId: ID!, $first: Int!, $after: String, $status: ConversationStatus, $platform: String, $intent: Intent, $sentiment: Sentiment, $assigneeId: ID, $breached: Boolean) {
  inbox(
    clientId: $clientId
    first: $first
    after: $after
    status: $status
    platform: $platform
    intent: $intent
    sentiment: $sentiment
    assigneeId: $assigneeId
    breached: $breached
  ) {
    items {
      id
      status
      kind
      intent
      sentiment
      flags
      sensitive
      platform
      platformAccountId
      lastMessageAt
      slaDueAt
      slaBreached
      assigneeId
    }
    endCursor
  }
}
    `) as unknown as TypedDocumentString<InboxQuery, InboxQueryVariables>;
export const ConversationDocument = new TypedDocumentString(`
    query Conversation($id: ID!) {
  conversation(id: $id) {
    id
    status
    kind
    intent
    sentiment
    flags
    sensitive
    platform
    platformAccountId
    lastMessageAt
    slaDueAt
    slaBreached
    assigneeId
    why
    summary
    reasons {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConversationQuery, ConversationQueryVariables>;
export const ConversationMessagesDocument = new TypedDocumentString(`
    query ConversationMessages($conversationId: ID!) {
  conversationMessages(conversationId: $conversationId) {
    id
    direction
    authorHandle
    text
    occurredAt
  }
}
    `) as unknown as TypedDocumentString<ConversationMessagesQuery, ConversationMessagesQueryVariables>;
export const ConversationNotesDocument = new TypedDocumentString(`
    query ConversationNotes($conversationId: ID!) {
  conversationNotes(conversationId: $conversationId) {
    id
    authorId
    text
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ConversationNotesQuery, ConversationNotesQueryVariables>;
export const ConversationRepliesDocument = new TypedDocumentString(`
    query ConversationReplies($conversationId: ID!) {
  conversationReplies(conversationId: $conversationId) {
    id
    action
    status
    text
    checksum
    authorKind
    authorId
    approvedBy
    sentAt
    reasons {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConversationRepliesQuery, ConversationRepliesQueryVariables>;
export const InboxOperatorsDocument = new TypedDocumentString(`
    query InboxOperators($clientId: ID!) {
  inboxOperators(clientId: $clientId) {
    id
    displayName
    role
  }
}
    `) as unknown as TypedDocumentString<InboxOperatorsQuery, InboxOperatorsQueryVariables>;
export const SavedRepliesDocument = new TypedDocumentString(`
    query SavedReplies($clientId: ID!) {
  savedReplies(clientId: $clientId) {
    id
    title
    text
  }
}
    `) as unknown as TypedDocumentString<SavedRepliesQuery, SavedRepliesQueryVariables>;
export const AssignConversationDocument = new TypedDocumentString(`
    mutation AssignConversation($input: AssignConversationInput!) {
  assignConversation(input: $input) {
    id
    status
    kind
    intent
    sentiment
    flags
    sensitive
    platform
    platformAccountId
    lastMessageAt
    slaDueAt
    slaBreached
    assigneeId
  }
}
    `) as unknown as TypedDocumentString<AssignConversationMutation, AssignConversationMutationVariables>;
export const EscalateConversationDocument = new TypedDocumentString(`
    mutation EscalateConversation($input: ConversationStatusInput!) {
  escalateConversation(input: $input) {
    id
    status
    kind
    intent
    sentiment
    flags
    sensitive
    platform
    platformAccountId
    lastMessageAt
    slaDueAt
    slaBreached
    assigneeId
  }
}
    `) as unknown as TypedDocumentString<EscalateConversationMutation, EscalateConversationMutationVariables>;
export const CloseConversationDocument = new TypedDocumentString(`
    mutation CloseConversation($input: ConversationStatusInput!) {
  closeConversation(input: $input) {
    id
    status
    kind
    intent
    sentiment
    flags
    sensitive
    platform
    platformAccountId
    lastMessageAt
    slaDueAt
    slaBreached
    assigneeId
  }
}
    `) as unknown as TypedDocumentString<CloseConversationMutation, CloseConversationMutationVariables>;
export const AddConversationNoteDocument = new TypedDocumentString(`
    mutation AddConversationNote($input: ConversationNoteInput!) {
  addConversationNote(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddConversationNoteMutation, AddConversationNoteMutationVariables>;
export const ApproveReplyDocument = new TypedDocumentString(`
    mutation ApproveReply($input: ApproveReplyInput!) {
  approveReply(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveReplyMutation, ApproveReplyMutationVariables>;
export const RejectReplyDocument = new TypedDocumentString(`
    mutation RejectReply($input: RejectReplyInput!) {
  rejectReply(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectReplyMutation, RejectReplyMutationVariables>;
export const ReplyToConversationDocument = new TypedDocumentString(`
    mutation ReplyToConversation($input: ReplyToConversationInput!) {
  replyToConversation(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ReplyToConversationMutation, ReplyToConversationMutationVariables>;
export const CreateSavedReplyDocument = new TypedDocumentString(`
    mutation CreateSavedReply($input: SavedReplyInput!) {
  createSavedReply(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateSavedReplyMutation, CreateSavedReplyMutationVariables>;
export const DeleteSavedReplyDocument = new TypedDocumentString(`
    mutation DeleteSavedReply($input: DeleteSavedReplyInput!) {
  deleteSavedReply(input: $input)
}
    `) as unknown as TypedDocumentString<DeleteSavedReplyMutation, DeleteSavedReplyMutationVariables>;
export const WhoamiDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<WhoamiQuery, WhoamiQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    needsSecondFactor
    csrfToken
    me {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const CompleteSecondFactorDocument = new TypedDocumentString(`
    mutation CompleteSecondFactor($input: SecondFactorInput!) {
  completeSecondFactor(input: $input) {
    csrfToken
  }
}
    `) as unknown as TypedDocumentString<CompleteSecondFactorMutation, CompleteSecondFactorMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere {
  signOutEverywhere
}
    `) as unknown as TypedDocumentString<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const ClientsDocument = new TypedDocumentString(`
    query Clients {
  clients {
    id
    name
    timezone
    agencyId
  }
}
    `) as unknown as TypedDocumentString<ClientsQuery, ClientsQueryVariables>;
export const ClientDocument = new TypedDocumentString(`
    query Client($id: ID!) {
  client(id: $id) {
    id
    name
    timezone
    agencyId
  }
}
    `) as unknown as TypedDocumentString<ClientQuery, ClientQueryVariables>;
export const CreateClientDocument = new TypedDocumentString(`
    mutation CreateClient($input: CreateClientInput!) {
  createClient(input: $input) {
    id
    name
    timezone
    agencyId
  }
}
    `) as unknown as TypedDocumentString<CreateClientMutation, CreateClientMutationVariables>;
export const PolicySettingsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PolicySettingsQuery, PolicySettingsQueryVariables>;
export const UpdatePolicySettingsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UpdatePolicySettingsMutation, UpdatePolicySettingsMutationVariables>;
export const PlatformAccountsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PlatformAccountsQuery, PlatformAccountsQueryVariables>;
export const StartPlatformConnectDocument = new TypedDocumentString(`
    mutation StartPlatformConnect($input: StartConnectInput!) {
  startPlatformConnect(input: $input) {
    authorizeUrl
    attemptId
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<StartPlatformConnectMutation, StartPlatformConnectMutationVariables>;
export const PendingPlatformConnectsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PendingPlatformConnectsQuery, PendingPlatformConnectsQueryVariables>;
export const ConfirmPlatformConnectDocument = new TypedDocumentString(`
    mutation ConfirmPlatformConnect($input: ConnectAttemptInput!) {
  confirmPlatformConnect(input: $input) {
    id
    handle
  }
}
    `) as unknown as TypedDocumentString<ConfirmPlatformConnectMutation, ConfirmPlatformConnectMutationVariables>;
export const CancelPlatformConnectDocument = new TypedDocumentString(`
    mutation CancelPlatformConnect($input: ConnectAttemptInput!) {
  cancelPlatformConnect(input: $input)
}
    `) as unknown as TypedDocumentString<CancelPlatformConnectMutation, CancelPlatformConnectMutationVariables>;
export const PlatformsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PlatformsQuery, PlatformsQueryVariables>;
export const ReconnectAccountDocument = new TypedDocumentString(`
    mutation ReconnectAccount($accountId: ID!) {
  reconnectAccount(accountId: $accountId) {
    authorizeUrl
    attemptId
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ReconnectAccountMutation, ReconnectAccountMutationVariables>;
export const AssetsDocument = new TypedDocumentString(`
    query Assets($clientId: ID!) {
  assets(clientId: $clientId) {
    id
    kind
    text
    checksum
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<AssetsQuery, AssetsQueryVariables>;
export const CreateAssetDocument = new TypedDocumentString(`
    mutation CreateAsset($input: CreateAssetInput!) {
  createAsset(input: $input) {
    id
    text
    checksum
  }
}
    `) as unknown as TypedDocumentString<CreateAssetMutation, CreateAssetMutationVariables>;
export const PostsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PostsQuery, PostsQueryVariables>;
export const ApprovalQueueDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ApprovalQueueQuery, ApprovalQueueQueryVariables>;
export const PostDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PostQuery, PostQueryVariables>;
export const SchedulePostDocument = new TypedDocumentString(`
    mutation SchedulePost($input: SchedulePostInput!) {
  schedulePost(input: $input) {
    id
    status
    scheduledAt
  }
}
    `) as unknown as TypedDocumentString<SchedulePostMutation, SchedulePostMutationVariables>;
export const ApprovePostDocument = new TypedDocumentString(`
    mutation ApprovePost($input: ApprovePostInput!) {
  approvePost(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApprovePostMutation, ApprovePostMutationVariables>;
export const RejectPostDocument = new TypedDocumentString(`
    mutation RejectPost($input: PostDecisionInput!) {
  rejectPost(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectPostMutation, RejectPostMutationVariables>;
export const ReschedulePostDocument = new TypedDocumentString(`
    mutation ReschedulePost($input: ReschedulePostInput!) {
  reschedulePost(input: $input) {
    id
    status
    scheduledAt
  }
}
    `) as unknown as TypedDocumentString<ReschedulePostMutation, ReschedulePostMutationVariables>;
export const CancelPostDocument = new TypedDocumentString(`
    mutation CancelPost($input: PostDecisionInput!) {
  cancelPost(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelPostMutation, CancelPostMutationVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const VerifyAuditChainDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<VerifyAuditChainQuery, VerifyAuditChainQueryVariables>;
export const KillSwitchesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<KillSwitchesQuery, KillSwitchesQueryVariables>;
export const SetKillSwitchDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SetKillSwitchMutation, SetKillSwitchMutationVariables>;
export const MySessionsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($input: IdInput!) {
  revokeSession(input: $input)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($input: IdInput!) {
  revokeApiToken(input: $input)
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const EnrollTotpDocument = new TypedDocumentString(`
    mutation EnrollTotp {
  enrollTotp {
    secret
    otpauthUrl
  }
}
    `) as unknown as TypedDocumentString<EnrollTotpMutation, EnrollTotpMutationVariables>;
export const ConfirmTotpDocument = new TypedDocumentString(`
    mutation ConfirmTotp($input: ConfirmTotpInput!) {
  confirmTotp(input: $input)
}
    `) as unknown as TypedDocumentString<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const PostCalendarDocument = new TypedDocumentString(`
    query PostCalendar($clientId: ID!, $from: String!, $to: String!, $first: Int!, $after: String) {
  postCalendar(
    clientId: $clientId
    from: $from
    to: $to
    first: $first
    after: $after
  ) {
    id
    cursor
    status
    final
    scheduledAt
    assetId
  }
}
    `) as unknown as TypedDocumentString<PostCalendarQuery, PostCalendarQueryVariables>;
export const PlansDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PlansQuery, PlansQueryVariables>;
export const PlanDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PlanQuery, PlanQueryVariables>;
export const PlanItemsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<PlanItemsQuery, PlanItemsQueryVariables>;
export const CreatePlanDocument = new TypedDocumentString(`
    mutation CreatePlan($input: CreatePlanInput!) {
  createPlan(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreatePlanMutation, CreatePlanMutationVariables>;
export const ApprovePlanDocument = new TypedDocumentString(`
    mutation ApprovePlan($input: PlanDecisionInput!) {
  approvePlan(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApprovePlanMutation, ApprovePlanMutationVariables>;
export const RejectPlanDocument = new TypedDocumentString(`
    mutation RejectPlan($input: PlanDecisionInput!) {
  rejectPlan(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectPlanMutation, RejectPlanMutationVariables>;
export const RecurringPlanningDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RecurringPlanningQuery, RecurringPlanningQueryVariables>;
export const SetRecurringPlanningDocument = new TypedDocumentString(`
    mutation SetRecurringPlanning($input: SetRecurringPlanningInput!) {
  setRecurringPlanning(input: $input) {
    clientId
    cadence
    nextRunAt
    paused
  }
}
    `) as unknown as TypedDocumentString<SetRecurringPlanningMutation, SetRecurringPlanningMutationVariables>;
export const PauseRecurringPlanningDocument = new TypedDocumentString(`
    mutation PauseRecurringPlanning($clientId: ID!) {
  pauseRecurringPlanning(clientId: $clientId) {
    clientId
    paused
    nextRunAt
  }
}
    `) as unknown as TypedDocumentString<PauseRecurringPlanningMutation, PauseRecurringPlanningMutationVariables>;
export const ResumeRecurringPlanningDocument = new TypedDocumentString(`
    mutation ResumeRecurringPlanning($clientId: ID!) {
  resumeRecurringPlanning(clientId: $clientId) {
    clientId
    paused
    nextRunAt
  }
}
    `) as unknown as TypedDocumentString<ResumeRecurringPlanningMutation, ResumeRecurringPlanningMutationVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($clientId: ID!, $first: Int!, $after: String) {
  reviewQueue(clientId: $clientId, first: $first, after: $after) {
    endCursor
    items {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewItemDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReviewItemQuery, ReviewItemQueryVariables>;
export const ApproveItemDocument = new TypedDocumentString(`
    mutation ApproveItem($input: ApproveItemInput!) {
  approveItem(input: $input) {
    id
    status
    publishJobIds
  }
}
    `) as unknown as TypedDocumentString<ApproveItemMutation, ApproveItemMutationVariables>;
export const RequestItemChangesDocument = new TypedDocumentString(`
    mutation RequestItemChanges($input: RequestItemChangesInput!) {
  requestItemChanges(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequestItemChangesMutation, RequestItemChangesMutationVariables>;
export const RejectItemDocument = new TypedDocumentString(`
    mutation RejectItem($input: RejectItemInput!) {
  rejectItem(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectItemMutation, RejectItemMutationVariables>;
export const EditItemTextDocument = new TypedDocumentString(`
    mutation EditItemText($input: EditItemTextInput!) {
  editItemText(input: $input) {
    id
    status
    revision
  }
}
    `) as unknown as TypedDocumentString<EditItemTextMutation, EditItemTextMutationVariables>;
export const ProviderKeysDocument = new TypedDocumentString(`
    query ProviderKeys($clientId: ID!) {
  providerKeys(clientId: $clientId) {
    provider
    scope
    setAt
  }
}
    `) as unknown as TypedDocumentString<ProviderKeysQuery, ProviderKeysQueryVariables>;
export const SetProviderKeyDocument = new TypedDocumentString(`
    mutation SetProviderKey($input: SetProviderKeyInput!) {
  setProviderKey(input: $input) {
    provider
    scope
    setAt
  }
}
    `) as unknown as TypedDocumentString<SetProviderKeyMutation, SetProviderKeyMutationVariables>;
export const RemoveProviderKeyDocument = new TypedDocumentString(`
    mutation RemoveProviderKey($input: RemoveProviderKeyInput!) {
  removeProviderKey(input: $input)
}
    `) as unknown as TypedDocumentString<RemoveProviderKeyMutation, RemoveProviderKeyMutationVariables>;
export const AiSettingsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AiSettingsQuery, AiSettingsQueryVariables>;
export const UpdateAiSettingsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<UpdateAiSettingsMutation, UpdateAiSettingsMutationVariables>;
export const BrandKitDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<BrandKitQuery, BrandKitQueryVariables>;
export const UpdateBrandKitDocument = new TypedDocumentString(`
    mutation UpdateBrandKit($input: UpdateBrandKitInput!) {
  updateBrandKit(input: $input) {
    clientId
    configured
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateBrandKitMutation, UpdateBrandKitMutationVariables>;
export const KbSourcesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<KbSourcesQuery, KbSourcesQueryVariables>;
export const AddKbSourceDocument = new TypedDocumentString(`
    mutation AddKbSource($input: AddKbSourceInput!) {
  addKbSource(input: $input) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<AddKbSourceMutation, AddKbSourceMutationVariables>;
export const RemoveKbSourceDocument = new TypedDocumentString(`
    mutation RemoveKbSource($id: ID!) {
  removeKbSource(id: $id) {
    id
    removedAt
  }
}
    `) as unknown as TypedDocumentString<RemoveKbSourceMutation, RemoveKbSourceMutationVariables>;
export const ImportPostsDryRunDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ImportPostsDryRunMutation, ImportPostsDryRunMutationVariables>;
export const ImportPostsDocument = new TypedDocumentString(`
    mutation ImportPosts($input: ImportPostsInput!) {
  importPosts(input: $input) {
    batchId
    postIds
  }
}
    `) as unknown as TypedDocumentString<ImportPostsMutation, ImportPostsMutationVariables>;
export const QueueSlotsDocument = new TypedDocumentString(`
    query QueueSlots($clientId: ID!) {
  queueSlots(clientId: $clientId) {
    id
    platformAccountId
    weekday
    time
  }
}
    `) as unknown as TypedDocumentString<QueueSlotsQuery, QueueSlotsQueryVariables>;
export const CreateQueueSlotDocument = new TypedDocumentString(`
    mutation CreateQueueSlot($input: CreateQueueSlotInput!) {
  createQueueSlot(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateQueueSlotMutation, CreateQueueSlotMutationVariables>;
export const UpdateQueueSlotDocument = new TypedDocumentString(`
    mutation UpdateQueueSlot($input: UpdateQueueSlotInput!) {
  updateQueueSlot(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateQueueSlotMutation, UpdateQueueSlotMutationVariables>;
export const DeleteQueueSlotDocument = new TypedDocumentString(`
    mutation DeleteQueueSlot($input: DeleteQueueSlotInput!) {
  deleteQueueSlot(input: $input)
}
    `) as unknown as TypedDocumentString<DeleteQueueSlotMutation, DeleteQueueSlotMutationVariables>;
export const PostReceiptDocument = new TypedDocumentString(`
    query PostReceipt($id: ID!) {
  post(id: $id) {
    id
    receipt
    receiptChangedAt
    receiptChecks {
      checkNo
      result
      detail
      checkedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PostReceiptQuery, PostReceiptQueryVariables>;
export const ReportsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReportsQuery, ReportsQueryVariables>;
export const ReportDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReportQuery, ReportQueryVariables>;
export const ReportScheduleDocument = new TypedDocumentString(`
    query ReportSchedule($clientId: ID!) {
  reportSchedule(clientId: $clientId) {
    enabled
    recipients
    dayOfMonth
    timezone
    nextRunAt
  }
}
    `) as unknown as TypedDocumentString<ReportScheduleQuery, ReportScheduleQueryVariables>;
export const GenerateReportDocument = new TypedDocumentString(`
    mutation GenerateReport($input: GenerateReportInput!) {
  generateReport(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<GenerateReportMutation, GenerateReportMutationVariables>;
export const CreateReportLinkDocument = new TypedDocumentString(`
    mutation CreateReportLink($input: CreateReportLinkInput!) {
  createReportLink(input: $input) {
    url
    link {
      id
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateReportLinkMutation, CreateReportLinkMutationVariables>;
export const RevokeReportLinkDocument = new TypedDocumentString(`
    mutation RevokeReportLink($input: ReportLinkRefInput!) {
  revokeReportLink(input: $input) {
    id
    active
  }
}
    `) as unknown as TypedDocumentString<RevokeReportLinkMutation, RevokeReportLinkMutationVariables>;
export const SetReportScheduleDocument = new TypedDocumentString(`
    mutation SetReportSchedule($input: SetReportScheduleInput!) {
  setReportSchedule(input: $input) {
    enabled
    recipients
    dayOfMonth
    timezone
    nextRunAt
  }
}
    `) as unknown as TypedDocumentString<SetReportScheduleMutation, SetReportScheduleMutationVariables>;
export const WebhookSubscriptionsDocument = new TypedDocumentString(`
    query WebhookSubscriptions($clientId: ID!) {
  webhookSubscriptions(clientId: $clientId) {
    id
    clientId
    url
    eventTypes
    description
    enabled
    disabledReason
    previousSecretValidUntil
    failingSince
    createdAt
  }
}
    `) as unknown as TypedDocumentString<WebhookSubscriptionsQuery, WebhookSubscriptionsQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($clientId: ID!, $subscriptionId: ID!) {
  webhookDeliveries(
    clientId: $clientId
    subscriptionId: $subscriptionId
    limit: 50
  ) {
    id
    messageId
    eventType
    status
    attempts
    lastStatusCode
    lastError
    nextAttemptAt
    createdAt
    deliveredAt
    attemptLog {
      attempt
      startedAt
      durationMs
      statusCode
      errorClass
      responseSnippet
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    secret
    subscription {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookSubscriptionMutation, CreateWebhookSubscriptionMutationVariables>;
export const UpdateWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(input: $input) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<UpdateWebhookSubscriptionMutation, UpdateWebhookSubscriptionMutationVariables>;
export const DeleteWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation DeleteWebhookSubscription($input: WebhookSubscriptionRefInput!) {
  deleteWebhookSubscription(input: $input)
}
    `) as unknown as TypedDocumentString<DeleteWebhookSubscriptionMutation, DeleteWebhookSubscriptionMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($input: WebhookSubscriptionRefInput!) {
  rotateWebhookSecret(input: $input) {
    secret
    subscription {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const SendTestWebhookDocument = new TypedDocumentString(`
    mutation SendTestWebhook($input: WebhookSubscriptionRefInput!) {
  sendTestWebhook(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
  redeliverWebhook(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;
export const BrowserProfileDocument = new TypedDocumentString(`
    query BrowserProfile($platformAccountId: ID!) {
  browserProfile(platformAccountId: $platformAccountId) {
    id
    platformAccountId
    mode
    hybridWriter
    modeReason {
      code
      message
    }
    manifest {
      handle
      externalAccountId
      displayName
      issuedAt
    }
    manifestValid
    sideEffectsRequestedBy {
      id
      displayName
    }
    sideEffectsRequestedAt
    sideEffectsNote
    sideEffectsApprovedBy {
      id
      displayName
    }
    sideEffectsApprovedAt
    runnerId
    lastCheckAt
    lastCheck {
      ok
      stopKind
      stopMessage
      missingSelectors
      observedHandle
    }
    selectorMapVersion
  }
}
    `) as unknown as TypedDocumentString<BrowserProfileQuery, BrowserProfileQueryVariables>;
export const AttachBrowserProfileDocument = new TypedDocumentString(`
    mutation AttachBrowserProfile($input: AttachBrowserProfileInput!) {
  attachBrowserProfile(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AttachBrowserProfileMutation, AttachBrowserProfileMutationVariables>;
export const RequestBrowserSideEffectsDocument = new TypedDocumentString(`
    mutation RequestBrowserSideEffects($profileId: ID!, $note: String) {
  requestBrowserSideEffects(profileId: $profileId, note: $note) {
    id
  }
}
    `) as unknown as TypedDocumentString<RequestBrowserSideEffectsMutation, RequestBrowserSideEffectsMutationVariables>;
export const ApproveBrowserSideEffectsDocument = new TypedDocumentString(`
    mutation ApproveBrowserSideEffects($profileId: ID!) {
  approveBrowserSideEffects(profileId: $profileId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ApproveBrowserSideEffectsMutation, ApproveBrowserSideEffectsMutationVariables>;
export const SetBrowserProfileReadOnlyDocument = new TypedDocumentString(`
    mutation SetBrowserProfileReadOnly($profileId: ID!, $reason: String!) {
  setBrowserProfileReadOnly(profileId: $profileId, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetBrowserProfileReadOnlyMutation, SetBrowserProfileReadOnlyMutationVariables>;
export const DetachBrowserProfileDocument = new TypedDocumentString(`
    mutation DetachBrowserProfile($profileId: ID!) {
  detachBrowserProfile(profileId: $profileId)
}
    `) as unknown as TypedDocumentString<DetachBrowserProfileMutation, DetachBrowserProfileMutationVariables>;
export const SetAccountLaneDocument = new TypedDocumentString(`
    mutation SetAccountLane($platformAccountId: ID!, $lane: PublishLane!, $hybridWriter: HybridWriter) {
  setAccountLane(
    platformAccountId: $platformAccountId
    lane: $lane
    hybridWriter: $hybridWriter
  ) {
    id
    lane
  }
}
    `) as unknown as TypedDocumentString<SetAccountLaneMutation, SetAccountLaneMutationVariables>;
export const RestrictedPlatformsDocument = new TypedDocumentString(`
    query RestrictedPlatforms($clientId: ID!) {
  restrictedPlatforms(clientId: $clientId) {
    platform
    riskStatement
    riskVersion
    enabled
    enabledBy {
      id
      displayName
    }
    enabledAt
  }
}
    `) as unknown as TypedDocumentString<RestrictedPlatformsQuery, RestrictedPlatformsQueryVariables>;
export const EnableRestrictedPlatformDocument = new TypedDocumentString(`
    mutation EnableRestrictedPlatform($clientId: ID!, $platform: String!, $acknowledgeRisk: Boolean!) {
  enableRestrictedPlatform(
    clientId: $clientId
    platform: $platform
    acknowledgeRisk: $acknowledgeRisk
  ) {
    platform
    enabled
  }
}
    `) as unknown as TypedDocumentString<EnableRestrictedPlatformMutation, EnableRestrictedPlatformMutationVariables>;
export const DisableRestrictedPlatformDocument = new TypedDocumentString(`
    mutation DisableRestrictedPlatform($clientId: ID!, $platform: String!) {
  disableRestrictedPlatform(clientId: $clientId, platform: $platform) {
    platform
    enabled
  }
}
    `) as unknown as TypedDocumentString<DisableRestrictedPlatformMutation, DisableRestrictedPlatformMutationVariables>;
export const PostBrowserProofDocument = new TypedDocumentString(`
    query PostBrowserProof($postId: ID!) {
  postBrowserProof(postId: $postId) {
    selectorMapVersion
    linksExpireAt
    steps {
      step
      url
      at
      masked
      screenshotUrl
      domUrl
    }
  }
}
    `) as unknown as TypedDocumentString<PostBrowserProofQuery, PostBrowserProofQueryVariables>;
export const ConnectorHealthDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ConnectorHealthQuery, ConnectorHealthQueryVariables>;
export const ConnectorAttentionDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ConnectorAttentionQuery, ConnectorAttentionQueryVariables>;
export const RefreshConnectorStandingDocument = new TypedDocumentString(`
    mutation RefreshConnectorStanding($accountId: ID!) {
  refreshConnectorStanding(accountId: $accountId) {
    accountId
    standingCheckedAt
  }
}
    `) as unknown as TypedDocumentString<RefreshConnectorStandingMutation, RefreshConnectorStandingMutationVariables>;
export const HealthReconnectAccountDocument = new TypedDocumentString(`
    mutation HealthReconnectAccount($accountId: ID!) {
  reconnectAccount(accountId: $accountId) {
    authorizeUrl
    attemptId
  }
}
    `) as unknown as TypedDocumentString<HealthReconnectAccountMutation, HealthReconnectAccountMutationVariables>;
export const DiagnosticsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<DiagnosticsQuery, DiagnosticsQueryVariables>;
export const EpisodeResetPointsDocument = new TypedDocumentString(`
    query EpisodeResetPoints($workflowId: String!, $runId: String!) {
  episodeResetPoints(workflowId: $workflowId, runId: $runId) {
    eventId
    at
    after
    activityType
    first
  }
}
    `) as unknown as TypedDocumentString<EpisodeResetPointsQuery, EpisodeResetPointsQueryVariables>;
export const RetryEpisodeDocument = new TypedDocumentString(`
    mutation RetryEpisode($workflowId: String!, $runId: String!) {
  retryEpisode(workflowId: $workflowId, runId: $runId) {
    workflowId
    runId
    eventId
    temporalUrl
  }
}
    `) as unknown as TypedDocumentString<RetryEpisodeMutation, RetryEpisodeMutationVariables>;
export const ResetEpisodeDocument = new TypedDocumentString(`
    mutation ResetEpisode($workflowId: String!, $runId: String!, $eventId: Int!, $reason: String!) {
  resetEpisode(
    workflowId: $workflowId
    runId: $runId
    eventId: $eventId
    reason: $reason
  ) {
    workflowId
    runId
    eventId
    temporalUrl
  }
}
    `) as unknown as TypedDocumentString<ResetEpisodeMutation, ResetEpisodeMutationVariables>;
export const ReplayEpisodeDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ReplayEpisodeMutation, ReplayEpisodeMutationVariables>;
export const GatewaySettingsDocument = new TypedDocumentString(`
    query GatewaySettings($agencyId: ID!) {
  gatewaySettings(agencyId: $agencyId) {
    agencyId
    disabledTools
    scriptsEnabled
    scriptDomains
    callsPerMinute
    monthlyBudgetUsdMicros
    saved
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<GatewaySettingsQuery, GatewaySettingsQueryVariables>;
export const GatewayToolsDocument = new TypedDocumentString(`
    query GatewayTools {
  gatewayTools {
    url
    tools {
      name
      version
      state
      title
      toolClass
      reason
      detail
    }
  }
}
    `) as unknown as TypedDocumentString<GatewayToolsQuery, GatewayToolsQueryVariables>;
export const UpdateGatewaySettingsDocument = new TypedDocumentString(`
    mutation UpdateGatewaySettings($input: UpdateGatewaySettingsInput!) {
  updateGatewaySettings(input: $input) {
    agencyId
    disabledTools
    scriptsEnabled
    scriptDomains
    callsPerMinute
    monthlyBudgetUsdMicros
    saved
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateGatewaySettingsMutation, UpdateGatewaySettingsMutationVariables>;