/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApprovePostInput = {
  /** the checksum of the text the reviewer's page displayed; a mismatch is refused (C-23) */
  assetChecksum: string;
  note?: string | null | undefined;
  postId: string | number;
};

export type ConfirmTotpInput = {
  code: string;
};

export type ConnectAttemptInput = {
  attemptId: string | number;
};

export type CreateApiTokenInput = {
  expiresInDays?: number;
  name: string;
  scopes: Array<string>;
};

export type CreateAssetInput = {
  clientId: string | number;
  kind?: string;
  text: string;
};

export type CreateClientInput = {
  agencyId: string | number;
  name: string;
  timezone?: string;
};

export type IdInput = {
  id: string | number;
};

/** A platform Raize has a connector for */
export type PlatformId =
  | 'sandbox';

export type PostDecisionInput = {
  note?: string | null | undefined;
  postId: string | number;
};

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
  | 'account_quarantined'
  | 'account_read_only'
  | 'approval_required'
  | 'approval_stale'
  | 'cancelled'
  | 'cap_reached'
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
  | 'no_connector'
  | 'not_started'
  | 'platform_disallowed'
  | 'policy_data_missing'
  | 'publish_failed'
  | 'quiet_hours'
  | 'reconcile_ambiguous'
  | 'rejected'
  | 'spike'
  | 'tenant_refused'
  | 'tenant_refused_key'
  | 'unverified'
  | 'verifying';

export type ReschedulePostInput = {
  postId: string | number;
  scheduledAt: string;
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

export type SetKillSwitchInput = {
  engaged: boolean;
  reason?: string | null | undefined;
  scope: string;
  /** the agency, client or account id; omitted for global */
  scopeId?: string | number | null | undefined;
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

export type UpdatePolicySettingsInput = {
  clearQuietHours?: boolean | null | undefined;
  clientId: string | number;
  fourEyes?: boolean | null | undefined;
  latenessCutoffSeconds?: number | null | undefined;
  maxPublishesPerAccountPerDay?: number | null | undefined;
  publishAutonomy?: string | null | undefined;
  quietHoursEnd?: number | null | undefined;
  quietHoursStart?: number | null | undefined;
};

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

export type PostQueryVariables = Exact<{
  id: string | number;
}>;


export type PostQuery = { post: { id: string, clientId: string, status: PublishStatus, final: boolean, workflowStatus: PublishStatus | null, scheduledAt: string, timezone: string, assetId: string, assetChecksum: string, platformAccountId: string, createdBy: string, authorIds: Array<string>, url: string | null, platformPostId: string | null, proof: string | null, publishedAt: string | null, verifiedAt: string | null, workflowId: string, temporalUrl: string | null, reasons: Array<{ code: string, reasonCode: ReasonCode | null, message: string }>, approvals: Array<{ approverId: string, role: string, assetChecksum: string, createdAt: string }> } };

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