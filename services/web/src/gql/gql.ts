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
    "\n  query Whoami {\n    whoami { id email displayName totpEnabled via memberships { agencyId agencyName clientId role } }\n  }\n": typeof types.WhoamiDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { needsSecondFactor csrfToken me { id } }\n  }\n": typeof types.SignInDocument,
    "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) { completeSecondFactor(input: $input) }\n": typeof types.CompleteSecondFactorDocument,
    "\n  mutation SignOut { signOut }\n": typeof types.SignOutDocument,
    "\n  mutation SignOutEverywhere { signOutEverywhere }\n": typeof types.SignOutEverywhereDocument,
    "\n  query Clients { clients { id name timezone agencyId } }\n": typeof types.ClientsDocument,
    "\n  query Client($id: ID!) { client(id: $id) { id name timezone agencyId } }\n": typeof types.ClientDocument,
    "\n  mutation CreateClient($input: CreateClientInput!) { createClient(input: $input) { id name timezone agencyId } }\n": typeof types.CreateClientDocument,
    "\n  query PolicySettings($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId publishAutonomy fourEyes maxPublishesPerAccountPerDay latenessCutoffSeconds quietHoursStart quietHoursEnd\n    }\n  }\n": typeof types.PolicySettingsDocument,
    "\n  mutation UpdatePolicySettings($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId publishAutonomy fourEyes maxPublishesPerAccountPerDay latenessCutoffSeconds quietHoursStart quietHoursEnd\n    }\n  }\n": typeof types.UpdatePolicySettingsDocument,
    "\n  query PlatformAccounts($clientId: ID!) {\n    platformAccounts(clientId: $clientId) { id platform handle status statusReason fingerprint lane connectedAt externalAccountId }\n  }\n": typeof types.PlatformAccountsDocument,
    "\n  mutation StartPlatformConnect($input: StartConnectInput!) {\n    startPlatformConnect(input: $input) { authorizeUrl expiresAt }\n  }\n": typeof types.StartPlatformConnectDocument,
    "\n  query Assets($clientId: ID!) { assets(clientId: $clientId) { id kind text checksum updatedAt } }\n": typeof types.AssetsDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!) { createAsset(input: $input) { id text checksum } }\n": typeof types.CreateAssetDocument,
    "\n  query Posts($clientId: ID!) {\n    posts(clientId: $clientId) {\n      id status final scheduledAt timezone assetId platformAccountId createdBy reasons { code message } approvals { approverId role }\n    }\n  }\n": typeof types.PostsDocument,
    "\n  query Post($id: ID!) {\n    post(id: $id) {\n      id clientId status final workflowStatus scheduledAt timezone assetId assetChecksum platformAccountId createdBy\n      url platformPostId proof publishedAt verifiedAt workflowId temporalUrl\n      reasons { code reasonCode message }\n      approvals { approverId role assetChecksum createdAt }\n    }\n  }\n": typeof types.PostDocument,
    "\n  mutation SchedulePost($input: SchedulePostInput!) { schedulePost(input: $input) { id status scheduledAt } }\n": typeof types.SchedulePostDocument,
    "\n  mutation ApprovePost($input: PostDecisionInput!) { approvePost(input: $input) { id status } }\n": typeof types.ApprovePostDocument,
    "\n  mutation RejectPost($input: PostDecisionInput!) { rejectPost(input: $input) { id status } }\n": typeof types.RejectPostDocument,
    "\n  mutation ReschedulePost($input: ReschedulePostInput!) { reschedulePost(input: $input) { id status scheduledAt } }\n": typeof types.ReschedulePostDocument,
    "\n  mutation CancelPost($input: PostDecisionInput!) { cancelPost(input: $input) { id status } }\n": typeof types.CancelPostDocument,
    "\n  query AuditEvents($postId: ID!) {\n    auditEvents(postId: $postId) { id seq action actor createdAt data hash prevHash subjectType subjectId }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query VerifyAuditChain($clientId: ID!) { verifyAuditChain(clientId: $clientId) { ok count problems { seq problem } } }\n": typeof types.VerifyAuditChainDocument,
    "\n  query KillSwitches($clientId: ID!) { killSwitches(clientId: $clientId) { id scope scopeId engaged reason stops updatedAt } }\n": typeof types.KillSwitchesDocument,
    "\n  mutation SetKillSwitch($input: SetKillSwitchInput!) { setKillSwitch(input: $input) { id scope scopeId engaged reason stops } }\n": typeof types.SetKillSwitchDocument,
    "\n  query MySessions { mySessions { id createdAt lastSeenAt ip userAgent current } }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($input: IdInput!) { revokeSession(input: $input) }\n": typeof types.RevokeSessionDocument,
    "\n  query ApiTokens { apiTokens { id name prefix scopes createdAt expiresAt lastUsedAt lastUsedIp revokedAt } }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name prefix } } }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: IdInput!) { revokeApiToken(input: $input) }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation EnrollTotp { enrollTotp { secret otpauthUrl } }\n": typeof types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($input: ConfirmTotpInput!) { confirmTotp(input: $input) }\n": typeof types.ConfirmTotpDocument,
};
const documents: Documents = {
    "\n  query Whoami {\n    whoami { id email displayName totpEnabled via memberships { agencyId agencyName clientId role } }\n  }\n": types.WhoamiDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { needsSecondFactor csrfToken me { id } }\n  }\n": types.SignInDocument,
    "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) { completeSecondFactor(input: $input) }\n": types.CompleteSecondFactorDocument,
    "\n  mutation SignOut { signOut }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere { signOutEverywhere }\n": types.SignOutEverywhereDocument,
    "\n  query Clients { clients { id name timezone agencyId } }\n": types.ClientsDocument,
    "\n  query Client($id: ID!) { client(id: $id) { id name timezone agencyId } }\n": types.ClientDocument,
    "\n  mutation CreateClient($input: CreateClientInput!) { createClient(input: $input) { id name timezone agencyId } }\n": types.CreateClientDocument,
    "\n  query PolicySettings($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId publishAutonomy fourEyes maxPublishesPerAccountPerDay latenessCutoffSeconds quietHoursStart quietHoursEnd\n    }\n  }\n": types.PolicySettingsDocument,
    "\n  mutation UpdatePolicySettings($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId publishAutonomy fourEyes maxPublishesPerAccountPerDay latenessCutoffSeconds quietHoursStart quietHoursEnd\n    }\n  }\n": types.UpdatePolicySettingsDocument,
    "\n  query PlatformAccounts($clientId: ID!) {\n    platformAccounts(clientId: $clientId) { id platform handle status statusReason fingerprint lane connectedAt externalAccountId }\n  }\n": types.PlatformAccountsDocument,
    "\n  mutation StartPlatformConnect($input: StartConnectInput!) {\n    startPlatformConnect(input: $input) { authorizeUrl expiresAt }\n  }\n": types.StartPlatformConnectDocument,
    "\n  query Assets($clientId: ID!) { assets(clientId: $clientId) { id kind text checksum updatedAt } }\n": types.AssetsDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!) { createAsset(input: $input) { id text checksum } }\n": types.CreateAssetDocument,
    "\n  query Posts($clientId: ID!) {\n    posts(clientId: $clientId) {\n      id status final scheduledAt timezone assetId platformAccountId createdBy reasons { code message } approvals { approverId role }\n    }\n  }\n": types.PostsDocument,
    "\n  query Post($id: ID!) {\n    post(id: $id) {\n      id clientId status final workflowStatus scheduledAt timezone assetId assetChecksum platformAccountId createdBy\n      url platformPostId proof publishedAt verifiedAt workflowId temporalUrl\n      reasons { code reasonCode message }\n      approvals { approverId role assetChecksum createdAt }\n    }\n  }\n": types.PostDocument,
    "\n  mutation SchedulePost($input: SchedulePostInput!) { schedulePost(input: $input) { id status scheduledAt } }\n": types.SchedulePostDocument,
    "\n  mutation ApprovePost($input: PostDecisionInput!) { approvePost(input: $input) { id status } }\n": types.ApprovePostDocument,
    "\n  mutation RejectPost($input: PostDecisionInput!) { rejectPost(input: $input) { id status } }\n": types.RejectPostDocument,
    "\n  mutation ReschedulePost($input: ReschedulePostInput!) { reschedulePost(input: $input) { id status scheduledAt } }\n": types.ReschedulePostDocument,
    "\n  mutation CancelPost($input: PostDecisionInput!) { cancelPost(input: $input) { id status } }\n": types.CancelPostDocument,
    "\n  query AuditEvents($postId: ID!) {\n    auditEvents(postId: $postId) { id seq action actor createdAt data hash prevHash subjectType subjectId }\n  }\n": types.AuditEventsDocument,
    "\n  query VerifyAuditChain($clientId: ID!) { verifyAuditChain(clientId: $clientId) { ok count problems { seq problem } } }\n": types.VerifyAuditChainDocument,
    "\n  query KillSwitches($clientId: ID!) { killSwitches(clientId: $clientId) { id scope scopeId engaged reason stops updatedAt } }\n": types.KillSwitchesDocument,
    "\n  mutation SetKillSwitch($input: SetKillSwitchInput!) { setKillSwitch(input: $input) { id scope scopeId engaged reason stops } }\n": types.SetKillSwitchDocument,
    "\n  query MySessions { mySessions { id createdAt lastSeenAt ip userAgent current } }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($input: IdInput!) { revokeSession(input: $input) }\n": types.RevokeSessionDocument,
    "\n  query ApiTokens { apiTokens { id name prefix scopes createdAt expiresAt lastUsedAt lastUsedIp revokedAt } }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name prefix } } }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: IdInput!) { revokeApiToken(input: $input) }\n": types.RevokeApiTokenDocument,
    "\n  mutation EnrollTotp { enrollTotp { secret otpauthUrl } }\n": types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($input: ConfirmTotpInput!) { confirmTotp(input: $input) }\n": types.ConfirmTotpDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Whoami {\n    whoami { id email displayName totpEnabled via memberships { agencyId agencyName clientId role } }\n  }\n"): typeof import('./graphql').WhoamiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) { needsSecondFactor csrfToken me { id } }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSecondFactor($input: SecondFactorInput!) { completeSecondFactor(input: $input) }\n"): typeof import('./graphql').CompleteSecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut { signOut }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere { signOutEverywhere }\n"): typeof import('./graphql').SignOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Clients { clients { id name timezone agencyId } }\n"): typeof import('./graphql').ClientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Client($id: ID!) { client(id: $id) { id name timezone agencyId } }\n"): typeof import('./graphql').ClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClient($input: CreateClientInput!) { createClient(input: $input) { id name timezone agencyId } }\n"): typeof import('./graphql').CreateClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicySettings($clientId: ID!) {\n    policySettings(clientId: $clientId) {\n      clientId publishAutonomy fourEyes maxPublishesPerAccountPerDay latenessCutoffSeconds quietHoursStart quietHoursEnd\n    }\n  }\n"): typeof import('./graphql').PolicySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePolicySettings($input: UpdatePolicySettingsInput!) {\n    updatePolicySettings(input: $input) {\n      clientId publishAutonomy fourEyes maxPublishesPerAccountPerDay latenessCutoffSeconds quietHoursStart quietHoursEnd\n    }\n  }\n"): typeof import('./graphql').UpdatePolicySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformAccounts($clientId: ID!) {\n    platformAccounts(clientId: $clientId) { id platform handle status statusReason fingerprint lane connectedAt externalAccountId }\n  }\n"): typeof import('./graphql').PlatformAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPlatformConnect($input: StartConnectInput!) {\n    startPlatformConnect(input: $input) { authorizeUrl expiresAt }\n  }\n"): typeof import('./graphql').StartPlatformConnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assets($clientId: ID!) { assets(clientId: $clientId) { id kind text checksum updatedAt } }\n"): typeof import('./graphql').AssetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAsset($input: CreateAssetInput!) { createAsset(input: $input) { id text checksum } }\n"): typeof import('./graphql').CreateAssetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Posts($clientId: ID!) {\n    posts(clientId: $clientId) {\n      id status final scheduledAt timezone assetId platformAccountId createdBy reasons { code message } approvals { approverId role }\n    }\n  }\n"): typeof import('./graphql').PostsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Post($id: ID!) {\n    post(id: $id) {\n      id clientId status final workflowStatus scheduledAt timezone assetId assetChecksum platformAccountId createdBy\n      url platformPostId proof publishedAt verifiedAt workflowId temporalUrl\n      reasons { code reasonCode message }\n      approvals { approverId role assetChecksum createdAt }\n    }\n  }\n"): typeof import('./graphql').PostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulePost($input: SchedulePostInput!) { schedulePost(input: $input) { id status scheduledAt } }\n"): typeof import('./graphql').SchedulePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePost($input: PostDecisionInput!) { approvePost(input: $input) { id status } }\n"): typeof import('./graphql').ApprovePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPost($input: PostDecisionInput!) { rejectPost(input: $input) { id status } }\n"): typeof import('./graphql').RejectPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReschedulePost($input: ReschedulePostInput!) { reschedulePost(input: $input) { id status scheduledAt } }\n"): typeof import('./graphql').ReschedulePostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPost($input: PostDecisionInput!) { cancelPost(input: $input) { id status } }\n"): typeof import('./graphql').CancelPostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($postId: ID!) {\n    auditEvents(postId: $postId) { id seq action actor createdAt data hash prevHash subjectType subjectId }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain($clientId: ID!) { verifyAuditChain(clientId: $clientId) { ok count problems { seq problem } } }\n"): typeof import('./graphql').VerifyAuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KillSwitches($clientId: ID!) { killSwitches(clientId: $clientId) { id scope scopeId engaged reason stops updatedAt } }\n"): typeof import('./graphql').KillSwitchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetKillSwitch($input: SetKillSwitchInput!) { setKillSwitch(input: $input) { id scope scopeId engaged reason stops } }\n"): typeof import('./graphql').SetKillSwitchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions { mySessions { id createdAt lastSeenAt ip userAgent current } }\n"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($input: IdInput!) { revokeSession(input: $input) }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens { apiTokens { id name prefix scopes createdAt expiresAt lastUsedAt lastUsedIp revokedAt } }\n"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name prefix } } }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: IdInput!) { revokeApiToken(input: $input) }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollTotp { enrollTotp { secret otpauthUrl } }\n"): typeof import('./graphql').EnrollTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($input: ConfirmTotpInput!) { confirmTotp(input: $input) }\n"): typeof import('./graphql').ConfirmTotpDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
