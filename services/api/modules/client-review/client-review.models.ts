import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ApprovalStage, ClientReviewState } from '../../../../workflows/contracts/vocabulary/client-review';
import type { PostDecisionKind } from '../../../../workflows/contracts/vocabulary/post-decisions';
import { enumOf, PostDecisionKindEnum } from '../../schema/enums';

export const REVIEW_LINK_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ReviewLinkStatus = (typeof REVIEW_LINK_STATUSES)[number];
export const ReviewLinkStatusEnum = enumOf(REVIEW_LINK_STATUSES);
registerEnumType(ReviewLinkStatusEnum, { name: 'ReviewLinkStatus' });

@ObjectType('ClientReviewer', { description: 'A person at the client who approves through review links (no account)' })
export class ClientReviewerModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('ReviewLink', { description: 'A magic link for one reviewer; its token is shown once, when made' })
export class ReviewLinkModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) reviewerId!: string;
  @Field() reviewerName!: string;
  @Field(() => [ID], { nullable: true, description: 'a batch link’s posts; null: every post waiting for the client' })
  postIds!: string[] | null;
  @Field() requiresCode!: boolean;
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => ReviewLinkStatusEnum) status!: ReviewLinkStatus;
}

@ObjectType('CreatedReviewLink')
export class CreatedReviewLinkModel {
  @Field(() => ReviewLinkModel) link!: ReviewLinkModel;
  @Field({ description: 'the link to give the reviewer; shown this once, stored only as a hash' })
  url!: string;
  @Field({ description: 'the link was emailed to the reviewer' })
  emailed!: boolean;
}

@ObjectType('ClientDecision', { description: 'A client reviewer’s decision about a post' })
export class ClientDecisionModel {
  @Field(() => PostDecisionKindEnum) kind!: PostDecisionKind;
  @Field(() => ID) reviewerId!: string;
  @Field() reviewerName!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => ID, { nullable: true }) reviewLinkId!: string | null;
  @Field() createdAt!: Date;
}

/** Where a post stands with its client (issue #14); served as flat fields of Post. */
export class PostClientReviewModel {
  stage!: ApprovalStage;
  state!: ClientReviewState;
  decisions!: ClientDecisionModel[];
}
