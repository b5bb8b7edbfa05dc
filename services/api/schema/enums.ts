import { registerEnumType } from '@nestjs/graphql';
import type { ApprovalStage, ClientReviewState } from '../../../workflows/contracts/vocabulary/client-review';
import { APPROVAL_STAGES, CLIENT_REVIEW_STATES } from '../../../workflows/contracts/vocabulary/client-review';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { PostDecisionKind } from '../../../workflows/contracts/vocabulary/post-decisions';
import { POST_DECISION_KINDS } from '../../../workflows/contracts/vocabulary/post-decisions';
import { PLATFORM_IDS } from '../../../workflows/contracts/vocabulary/platform-id';
import type { PublishStatus } from '../../../workflows/contracts/vocabulary/publish-status';
import { PUBLISH_STATUSES } from '../../../workflows/contracts/vocabulary/publish-status';
import type { ReasonCode } from '../../../workflows/contracts/vocabulary/reason-codes';
import { REASON_CODE_LIST } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { ReceiptCheckResult, ReceiptStatus } from '../../../workflows/contracts/vocabulary/receipt-status';
import { RECEIPT_CHECK_RESULTS, RECEIPT_STATUSES } from '../../../workflows/contracts/vocabulary/receipt-status';

/**
 * The vocabulary's words as GraphQL enums, so the web app gets them through codegen instead of copying them.
 * Member names equal the stored values (lower snake case, not the GraphQL habit of UPPER_CASE): the word
 * in the database, the workflow, the audit trail and the API is then one and the same string.
 */
export function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const PublishStatusEnum: Record<PublishStatus, PublishStatus> = enumOf(PUBLISH_STATUSES);
export const ReasonCodeEnum: Record<ReasonCode, ReasonCode> = enumOf(REASON_CODE_LIST);
export const PlatformIdEnum: Record<PlatformId, PlatformId> = enumOf(PLATFORM_IDS);

registerEnumType(PublishStatusEnum, {
  name: 'PublishStatus',
  description: 'Where a post is in its publishing episode',
});
registerEnumType(ReasonCodeEnum, {
  name: 'ReasonCode',
  description: 'Why the guard, the policy or the workflow stopped or annotated a post',
});
registerEnumType(PlatformIdEnum, { name: 'PlatformId', description: 'A platform Raize has a connector for' });

export const ApprovalStageEnum: Record<ApprovalStage, ApprovalStage> = enumOf(APPROVAL_STAGES);
export const ClientReviewStateEnum: Record<ClientReviewState, ClientReviewState> = enumOf(CLIENT_REVIEW_STATES);
export const PostDecisionKindEnum: Record<PostDecisionKind, PostDecisionKind> = enumOf(POST_DECISION_KINDS);
registerEnumType(ApprovalStageEnum, {
  name: 'ApprovalStage',
  description: 'none, internal (the agency approves), or internal_then_client (the agency, then the client’s reviewer)',
});
registerEnumType(ClientReviewStateEnum, {
  name: 'ClientReviewState',
  description: 'Where a post stands with its client',
});
registerEnumType(PostDecisionKindEnum, { name: 'PostDecisionKind', description: 'A decision about a post' });

export const ReceiptStatusEnum: Record<ReceiptStatus, ReceiptStatus> = enumOf(RECEIPT_STATUSES);
export const ReceiptCheckResultEnum: Record<ReceiptCheckResult, ReceiptCheckResult> = enumOf(RECEIPT_CHECK_RESULTS);
registerEnumType(ReceiptStatusEnum, {
  name: 'ReceiptStatus',
  description: 'What a published post’s later re-checks found: intact, or removed / edited / author_changed',
});
registerEnumType(ReceiptCheckResultEnum, {
  name: 'ReceiptCheckResult',
  description: 'What one re-check of a published post found; unchecked: it could not be made (never a finding)',
});
